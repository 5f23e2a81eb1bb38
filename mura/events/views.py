"""Thin views: event lists and calendar, the event page, registration, calendars, certificates."""

import calendar as month_calendar
import json
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from mura.events import ics
from mura.events.dates import format_event_dates, format_event_moment, format_month
from mura.events.forms import EventFilterForm, RegistrationForm
from mura.events.models import (
    Attendance,
    EventIndexPage,
    EventPage,
    EventSection,
    ExtraQuestion,
    ProgrammeSlot,
    Registration,
    programme_days,
    section_counts,
)
from mura.events.qr import qr_svg
from mura.events.services import (
    REGISTRATION_LIMITS,
    RegistrationClosed,
    registration_create,
)
from mura.events.services import registration_cancel as cancel_registration
from mura.institutions.models import Institution
from mura.portal.ratelimit import rate_limited

PAST_PAGE_SIZE = 12


def _filtered(index: EventIndexPage, form: EventFilterForm):
    events = index.events()
    if not form.is_valid():
        return events
    data = form.cleaned_data
    if data.get("kind"):
        events = events.filter(kind=data["kind"])
    if data.get("audience"):
        events = events.filter(audience=data["audience"])
    if data.get("institution"):
        events = events.filter(institution__slug=data["institution"]) | events.filter(
            partners__slug=data["institution"]
        )
        events = events.distinct()
    if data.get("month"):
        year, month = data["month"]
        first = datetime(year, month, 1, tzinfo=timezone.get_current_timezone())
        after = (first + timedelta(days=32)).replace(day=1)
        events = events.filter(start__lt=after, end__gte=first)
    return events


def _filter_form(request, index: EventIndexPage) -> EventFilterForm:
    hosts = Institution.objects.filter(
        pk__in=index.events().values("institution_id")
    ).order_by("name_kk")
    return EventFilterForm(request.GET or None, institutions=hosts)


def event_index(request, index: EventIndexPage):
    form = _filter_form(request, index)
    events = _filtered(index, form)
    now = timezone.now()
    context = index.get_context(request)
    context.update(
        {
            "filter_form": form,
            "upcoming": list(events.upcoming(now)),
            "past": Paginator(events.past(now), PAST_PAGE_SIZE).get_page(
                request.GET.get("page")
            ),
            "filtered": form.is_bound
            and form.is_valid()
            and any(form.cleaned_data.values()),
            "query_without_page": _query_without(request, "page"),
        }
    )
    return TemplateResponse(request, "events/event_index_page.html", context)


def _query_without(request, name: str) -> str:
    query = request.GET.copy()
    query.pop(name, None)
    return query.urlencode()


def _month_param(value: str | None) -> date:
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


def event_calendar(request, index: EventIndexPage):
    """A month grid (Monday first) that needs no JavaScript: every link is a plain GET."""
    first = _month_param(request.GET.get("month"))
    zone = timezone.get_current_timezone()
    start = datetime.combine(first, datetime.min.time(), tzinfo=zone)
    after_day = (first + timedelta(days=32)).replace(day=1)
    after = datetime.combine(after_day, datetime.min.time(), tzinfo=zone)
    events = list(
        index.events().filter(start__lt=after, end__gte=start).order_by("start")
    )
    weeks = []
    for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(
        first.year, first.month
    ):
        days = []
        for day in week:
            day_events = [
                e for e in events if e.local_start.date() <= day <= e.local_end.date()
            ]
            days.append(
                {
                    "date": day,
                    "in_month": day.month == first.month,
                    "events": day_events,
                    "today": day == timezone.localdate(),
                }
            )
        weeks.append(days)
    previous_month = (first - timedelta(days=1)).replace(day=1)
    context = index.get_context(request)
    context.update(
        {
            "weeks": weeks,
            "month_label": format_month(first),
            "month": first,
            "previous_month": previous_month.strftime("%Y-%m"),
            "next_month": after_day.strftime("%Y-%m"),
            "weekday_names": _weekday_names(),
            "month_events": events,
        }
    )
    return TemplateResponse(request, "events/event_calendar.html", context)


def _weekday_names() -> list[str]:
    from babel.dates import get_day_names

    names = get_day_names("abbreviated", locale=translation.get_language() or "kk")
    return [names[i] for i in range(7)]


def event_jsonld(page: EventPage, request) -> str:
    """schema.org Event, for search engines; dates carry the event's own UTC offset."""
    modes = {
        Attendance.IN_PERSON: "OfflineEventAttendanceMode",
        Attendance.ONLINE: "OnlineEventAttendanceMode",
        Attendance.HYBRID: "MixedEventAttendanceMode",
    }
    place = {
        "@type": "Place",
        "name": page.venue_name or page.institution.name,
        "address": page.venue_address or page.institution.address,
    }
    if page.latitude is not None and page.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    locations: list[dict] = [place] if page.attendance != Attendance.ONLINE else []
    if page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.lead or strip_tags(page.description)[:500],
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{modes.get(page.attendance, modes[Attendance.IN_PERSON])}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {
            "@type": "Organization",
            "name": page.institution.name,
            "url": request.build_absolute_uri(page.institution.get_absolute_url()),
        },
        "inLanguage": page.language_codes,
        "url": page.get_full_url(request),
    }
    if page.listing_image:
        data["image"] = request.build_absolute_uri(
            page.listing_image.get_rendition("width-1200").url
        )
    text = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return mark_safe(text)  # noqa: S308 — JSON with <, > and & escaped cannot leave the script element


def _event_context(request, page: EventPage) -> dict:
    original = page.original
    confirmed = original.registrations.confirmed().count()
    waiting = original.registrations.waitlisted().count()
    free = None if original.capacity is None else max(original.capacity - confirmed, 0)
    return {
        "original": original,
        "days": programme_days(page),
        "sections": list(EventSection.objects.filter(event=original)),
        "speakers": _speakers(original),
        "confirmed_count": confirmed,
        "waitlist_count": waiting,
        "free_places": free,
        "accepts_registrations": original.accepts_registrations(),
        "dates": format_event_dates(page),
        "closes": format_event_moment(original, original.registration_closes),
    }


def _speakers(event: EventPage) -> list:
    from mura.events.models import Speaker

    return list(
        Speaker.objects.filter(Q(talks__event=event) | Q(moderated__event=event))
        .distinct()
        .order_by("name")
    )


def event_detail(request, page: EventPage):
    context = page.get_context(request)
    context.update(_event_context(request, page))
    context["jsonld"] = event_jsonld(page, request)
    return TemplateResponse(request, "events/event_page.html", context)


def programme(request, page: EventPage):
    context = page.get_context(request)
    context.update(_event_context(request, page))
    return TemplateResponse(request, "events/programme.html", context)


def _registration_form(page: EventPage, data=None) -> RegistrationForm:
    original = page.original
    return RegistrationForm(
        data,
        event=original,
        sections=EventSection.objects.filter(event=original, registrable=True),
        questions=ExtraQuestion.objects.filter(event=original),
        section_counts=section_counts(original),
    )


def register(request, page: EventPage):
    original = page.original
    context = page.get_context(request)
    context.update(_event_context(request, page))
    if request.method == "POST":
        form = _registration_form(page, request.POST)
        if rate_limited(request, "event-registration", REGISTRATION_LIMITS):
            form.add_error(
                None,
                gettext(
                    "Too many registrations from your network in a minute. Please try again shortly."
                ),
            )
            return TemplateResponse(
                request, "events/register.html", {**context, "form": form}, status=429
            )
        if form.is_valid():
            try:
                registration = registration_create(
                    event=original,
                    data=form.service_data(),
                    sections=form.chosen_sections(),
                )
            except RegistrationClosed as error:
                form.add_error(None, error)
            except ValidationError as error:
                _add_service_errors(form, error)
            else:
                if registration.status == Registration.Status.CONFIRMED:
                    messages.success(
                        request,
                        gettext(
                            "You are registered. We have sent a confirmation to your e-mail."
                        ),
                    )
                else:
                    messages.info(
                        request,
                        gettext(
                            "All places are taken: you are number %(position)d on the waiting list."
                        )
                        % {"position": registration.position_in_queue},
                    )
                return redirect(
                    page.url
                    + page.reverse_subpage(
                        "registration_view", args=(registration.token,)
                    )
                )
        return TemplateResponse(
            request, "events/register.html", {**context, "form": form}
        )
    form = _registration_form(page)
    return TemplateResponse(request, "events/register.html", {**context, "form": form})


def _add_service_errors(form: RegistrationForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _registration(page: EventPage, token: str) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("event"), event=page.original, token=token
    )


def registration_detail(request, page: EventPage, token: str):
    registration = _registration(page, token)
    context = page.get_context(request)
    context.update(_event_context(request, page))
    context.update(
        {
            "registration": registration,
            "qr_svg": qr_svg(registration.code)
            if registration.status == Registration.Status.CONFIRMED
            else "",
            "answers": _answers(registration),
        }
    )
    response = TemplateResponse(request, "events/registration.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _answers(registration: Registration) -> list[tuple[str, str]]:
    questions = {
        str(q.pk): q.label
        for q in ExtraQuestion.objects.filter(event_id=registration.event_id)
    }
    return [
        (questions.get(key, key), value) for key, value in registration.answers.items()
    ]


def registration_cancel(request, page: EventPage, token: str):
    registration = _registration(page, token)
    if request.method == "POST":
        cancel_registration(registration=registration)
        messages.success(request, gettext("Your registration is cancelled."))
        return redirect(
            page.url + page.reverse_subpage("registration_view", args=(token,))
        )
    context = page.get_context(request)
    context.update({"registration": registration, "dates": format_event_dates(page)})
    return TemplateResponse(request, "events/registration_cancel.html", context)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _page_by_slug(slug: str) -> EventPage:
    language = translation.get_language() or settings.LANGUAGE_CODE
    page = (
        EventPage.objects.live()
        .public()
        .filter(slug=slug, locale__language_code=language)
        .first()
    )
    if page is None:
        raise Http404
    return page


def event_ics(request, slug: str):
    page = _page_by_slug(slug)
    return _ics_response(ics.event_calendar(page, request), f"{page.slug}.ics")


def slot_ics(request, slug: str, slot_id: int):
    page = _page_by_slug(slug)
    slot = get_object_or_404(
        ProgrammeSlot.objects.for_timetable(), event=page.original, pk=slot_id
    )
    return _ics_response(
        ics.slot_calendar(page, slot, request), f"{page.slug}-{slot.pk}.ics"
    )


@require_GET
def events_feed(request):
    """All upcoming events in one language (?lang=ru, or the reader's language)."""
    language = (
        request.GET.get("lang") or translation.get_language() or settings.LANGUAGE_CODE
    )
    if language not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(language):
        events = (
            EventPage.objects.for_listing()
            .upcoming()
            .filter(locale__language_code=language)
        )
        content = ics.events_calendar(events, name=gettext("Events"), request=request)
    return _ics_response(content, f"events-{language}.ics")


def certificate_verify(request, code: str):
    """Genuine only while the holder is a checked-in participant and nothing revoked it;
    a code issued otherwise (or withdrawn) says so instead of vouching for anyone."""
    found = Registration.objects.select_related("event", "event__institution").filter(
        certificate_code=code.upper()
    )
    registration = found.first()
    valid = found.valid_certificates().exists()
    event = registration.event.localized if registration else None
    context = {
        "code": code.upper(),
        "registration": registration,
        "valid": valid,
        "revoked_at": registration
        and (registration.certificate_revoked_at or registration.cancelled_at),
        "event": event,
        "dates": format_event_dates(event) if event else "",
    }
    status = 200 if valid else (410 if registration else 404)
    return TemplateResponse(
        request, "events/certificate_verify.html", context, status=status
    )
