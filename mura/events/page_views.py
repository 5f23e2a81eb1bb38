"""What the event pages' routes serve: lists and calendar, the event, its programme,
registration and a registration's own page. The pages hand themselves in."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext

from mura.events import calendar, selectors
from mura.events.dates import format_event_dates, format_event_moment, format_month
from mura.events.forms import EventFilterForm, RegistrationForm, ResendLinkForm
from mura.events.models.programme import EventSection, ExtraQuestion
from mura.events.models.registrations import Registration
from mura.events.qr import qr_svg
from mura.events.seo import event_jsonld
from mura.events.services import (
    REGISTRATION_LIMITS,
    DuplicateRegistration,
    RegistrationClosed,
    registration_create,
    registration_link_resend,
)
from mura.events.services import registration_cancel as cancel_registration
from mura.portal.content_version import content_cached
from mura.portal.ratelimit import rate_limited
from mura.portal.seo import Crumb

if TYPE_CHECKING:
    from mura.events.models.pages import EventIndexPage, EventPage

PAST_PAGE_SIZE = 12


def event_index(request, index: "EventIndexPage"):
    form = EventFilterForm(
        request.GET or None,
        institutions=selectors.event_hosts(index),
        months=selectors.event_months(index),
    )
    events = index.events()
    if form.is_valid():
        events = selectors.events_filtered(events, form.cleaned_data)
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


def event_calendar(request, index: "EventIndexPage"):
    """A month grid that needs no JavaScript: every link is a plain GET."""
    first = calendar.month_from_param(request.GET.get("month"))
    start, after = calendar.month_span(first)
    events = list(
        index.events().filter(start__lt=after, end__gte=start).order_by("start")
    )
    context = index.get_context(request)
    context.update(
        {
            "pointer": None if events else _nearest_pointer(index, start, after),
            "weeks": calendar.month_weeks(first, events),
            "month_label": format_month(first),
            "month": first,
            "previous_month": calendar.previous_month(first).strftime("%Y-%m"),
            "next_month": calendar.next_month(first).strftime("%Y-%m"),
            "weekday_names": calendar.weekday_names(),
            "month_events": events,
        }
    )
    return TemplateResponse(request, "events/event_calendar.html", context)


def _nearest_pointer(index: "EventIndexPage", start, after) -> dict | None:
    """What an empty month points to: the next event, or the last one if none is ahead."""
    following, preceding = selectors.nearest_events(index, start=start, after=after)
    event = following or preceding
    if event is None:
        return None
    first = event.local_start.date().replace(day=1)
    return {
        "event": event,
        "heading": gettext("Next event") if following else gettext("Latest event"),
        "month": first.strftime("%Y-%m"),
        "month_label": format_month(first),
    }


def _event_shown(page: "EventPage", original: "EventPage") -> dict:
    """What the event's page shows that only an edit changes (read once per process and
    content version): its programme, sections, speakers and what came after it."""
    return {
        "days": selectors.programme_days(page),
        "sections": list(EventSection.objects.filter(event=original)),
        "speakers": selectors.event_speakers(original),
        "reports": list(page.reports.select_related("page")),
        "photos": list(page.photos.select_related("image")),
        "materials": list(page.materials.select_related("document")),
    }


def _event_context(request, page: "EventPage") -> dict:
    original = page.original
    counts = original.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
    )
    confirmed, waiting = counts["confirmed"], counts["waiting"]
    free = None if original.capacity is None else max(original.capacity - confirmed, 0)
    return {
        "original": original,
        **content_cached(
            f"event-shown:{page.pk}", lambda: _event_shown(page, original)
        ),
        "confirmed_count": confirmed,
        "waitlist_count": waiting,
        "free_places": free,
        "accepts_registrations": original.accepts_registrations(),
        "dates": format_event_dates(page),
        "closes": format_event_moment(original, original.registration_closes),
    }


def event_detail(request, page: "EventPage"):
    context = page.get_context(request)
    context.update(_event_context(request, page))
    context["jsonld"] = event_jsonld(page, request)
    return TemplateResponse(request, "events/event_page.html", context)


def programme(request, page: "EventPage"):
    context = page.get_context(request)
    context.update(_event_context(request, page))
    return TemplateResponse(request, "events/programme.html", context)


def _registration_form(page: "EventPage", data=None) -> RegistrationForm:
    original = page.original
    return RegistrationForm(
        data,
        event=original,
        sections=EventSection.objects.filter(event=original, registrable=True),
        questions=ExtraQuestion.objects.filter(event=original),
        section_counts=selectors.section_counts(original),
    )


def register(request, page: "EventPage"):
    original = page.original
    context = page.get_context(request)
    context.update(_event_context(request, page))
    context["trail"] = [
        Crumb(Truncator(page.title).words(8, truncate=" …"), page.get_url(request)),
        Crumb(gettext("Registration")),
    ]
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
            except DuplicateRegistration as error:
                _add_service_errors(form, error)
                context["offer_resend"] = True
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


# Asking for a registration's link again, per address: a person needs one or two.
RESEND_LIMITS = ((5, 60 * 60),)


def register_resend(request, page: "EventPage"):
    """E-mail the link to an existing registration again (the duplicate e-mail error
    offers it). The answer is the same whether or not the address is registered."""
    if request.method != "POST":
        return redirect(page.url + page.reverse_subpage("register_view"))
    form = ResendLinkForm(request.POST)
    if rate_limited(request, "event-registration-resend", RESEND_LIMITS):
        messages.error(
            request,
            gettext("Too many requests from your network. Please try again later."),
        )
    elif form.is_valid():
        registration_link_resend(event=page, email=form.cleaned_data["email"])
        messages.success(
            request,
            gettext("We have sent the link to your registration to %(email)s.")
            % {"email": form.cleaned_data["email"]},
        )
    else:
        messages.error(request, form.errors["email"][0])
        return redirect(page.url + page.reverse_subpage("register_view"))
    return redirect(page.url)


def _add_service_errors(form: RegistrationForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            target = field if field in form.fields else None
            for message in errors:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _registration(page: "EventPage", token: str) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("event"), event=page.original, token=token
    )


def registration_detail(request, page: "EventPage", token: str):
    registration = _registration(page, token)
    context = page.get_context(request)
    context.update(_event_context(request, page))
    context.update(
        {
            "registration": registration,
            "qr_svg": qr_svg(registration.code)
            if registration.status == Registration.Status.CONFIRMED
            else "",
            "answers": selectors.registration_answers(registration),
        }
    )
    response = TemplateResponse(request, "events/registration.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def registration_cancel(request, page: "EventPage", token: str):
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
