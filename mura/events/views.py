"""Django views beside the event pages: calendar files, the events feed and the
check of a certificate's code."""

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from mura.events import ics
from mura.events.dates import format_event_dates
from mura.events.models import EventPage, ProgrammeSlot, Registration


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


#: How far back the feed reaches, so that a subscribed calendar keeps its history.
FEED_HISTORY = timedelta(days=366)


@require_GET
def events_feed(request):
    """Upcoming events and those of the last year in one language (?lang=ru, or the
    reader's language)."""
    language = (
        request.GET.get("lang") or translation.get_language() or settings.LANGUAGE_CODE
    )
    if language not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(language):
        events = (
            EventPage.objects.for_listing()
            .upcoming(timezone.now() - FEED_HISTORY)
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
