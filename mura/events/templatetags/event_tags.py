from datetime import date, datetime, time

from django import template
from django.utils import timezone, translation

from mura.events import registration_display
from mura.events.dates import (
    format_day,
    format_event_dates,
    format_zone,
)
from mura.events.models import EventIndexPage, EventPage, ProgrammeSlot
from mura.institutions.models import Institution
from mura.portal.content_version import content_cached

register = template.Library()


@register.simple_tag
def upcoming_events(
    limit: int = 3, institution: Institution | str | None = None
) -> list[EventPage]:
    """The next live events in the reader's language, soonest first, optionally of
    one institution (a template without one passes "")."""
    events = (
        EventPage.objects.for_listing()
        .upcoming()
        .filter(locale__language_code=translation.get_language())
    )
    if institution:
        events = events.filter(institution=institution)
    return list(events[:limit])


@register.filter
def event_dates(event: EventPage) -> str:
    return format_event_dates(event)


@register.filter
def event_zone(event: EventPage) -> str:
    return format_zone(event)


@register.filter
def slot_ended(slot: ProgrammeSlot, event: EventPage) -> bool:
    """Whether a programme slot is over, read in its event's zone."""
    return slot.ends_at(event.tzinfo) < timezone.now()


@register.filter
def day_label(value: date) -> str:
    return format_day(value)


@register.filter
def hhmm(value: time) -> str:
    return value.strftime("%H:%M") if value else ""


@register.simple_tag(takes_context=True)
def events_index_url(context: template.Context) -> str:
    language = translation.get_language()
    index = content_cached(
        f"events-index:{language}",
        lambda: (
            EventIndexPage.objects.live().filter(locale__language_code=language).first()
        ),
    )
    return index.get_url(context.get("request")) if index else ""


@register.simple_tag
def event_time(event: EventPage, value: datetime | None) -> str:
    """A moment on the event's clock with its zone (the admin's clock may differ)."""
    return registration_display.event_time(event, value)
