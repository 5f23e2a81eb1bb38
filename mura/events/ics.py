"""iCalendar files: times carry the event's own TZID and the calendar its VTIMEZONE.

The VTIMEZONE spans only the calendar's own dates: a zone's whole history (recurring
transitions until 2004, Almaty's move to UTC+5 in 2024) is read an hour off by parsers
such as vobject, which Radicale uses."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vGeo

from mura.portal.addresses import page_url, site_url

if TYPE_CHECKING:
    from mura.events.models import EventPage, ProgrammeSlot


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Mura//events//KK")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def uid_host(request: HttpRequest | None) -> str:
    """The host that makes a UID unique across installations: the site's own."""
    return urlsplit(site_url(request)).hostname or "localhost"


def _location(event: "EventPage", room: str = "") -> str:
    """Where to go: the room (of a timetable item) first, then the venue and its address."""
    parts = (room, event.venue_name, event.venue_address)
    return ", ".join(part for part in parts if part)


def _vevent(
    *,
    uid: str,
    summary: str,
    start: datetime,
    end: datetime,
    event: "EventPage",
    url: str,
    description: str,
    room: str = "",
) -> Event:
    vevent = Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", timezone.now())
    vevent.add("summary", summary)
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    vevent.add("url", url)
    if description:
        vevent.add("description", description)
    if location := _location(event, room):
        vevent.add("location", location)
    if event.on_map:
        vevent.add("geo", vGeo((float(event.latitude), float(event.longitude))))
    return vevent


def _event_vevent(event: "EventPage", request: HttpRequest | None) -> Event:
    url = page_url(event, request=request)
    description = "\n\n".join(
        part for part in (event.lead, strip_tags(event.description)[:1000], url) if part
    )
    return _vevent(
        uid=f"event-{event.original.pk}@{uid_host(request)}",
        summary=event.title,
        start=event.local_start,
        end=event.local_end,
        event=event,
        url=url,
        description=description,
    )


def _finish(calendar: Calendar) -> bytes:
    moments = [
        vevent.decoded(name).date()
        for vevent in calendar.walk("VEVENT")
        for name in ("dtstart", "dtend")
    ]
    if moments:
        calendar.add_missing_timezones(
            first_date=min(moments) - timedelta(days=1),
            last_date=max(moments) + timedelta(days=1),
        )
    return calendar.to_ical()


def events_calendar(
    events: Iterable["EventPage"], *, name: str, request: HttpRequest | None = None
) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_event_vevent(event, request))
    return _finish(calendar)


def event_calendar(event: "EventPage", request: HttpRequest | None = None) -> bytes:
    return events_calendar([event], name=event.title, request=request)


def _slot_vevent(
    event: "EventPage", slot: "ProgrammeSlot", request: HttpRequest | None
) -> Event:
    tz = event.tzinfo
    url = page_url(event, request=request)
    speakers = ", ".join(speaker.name for speaker in slot.speakers.all())
    return _vevent(
        uid=f"slot-{slot.pk}@{uid_host(request)}",
        summary=f"{slot.title} · {event.title}",
        start=slot.starts_at(tz),
        end=slot.ends_at(tz),
        event=event,
        url=url,
        description="\n".join(part for part in (speakers, url) if part),
        room=slot.where,
    )


def slot_calendar(
    event: "EventPage", slot: "ProgrammeSlot", request: HttpRequest | None = None
) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(_slot_vevent(event, slot, request))
    return _finish(calendar)


def registration_calendar(
    event: "EventPage", slots: Iterable["ProgrammeSlot"]
) -> bytes:
    """What one participant attends: the timetable items of the sections they chose,
    each at its own time; the whole event when they chose none (or these have no items)."""
    calendar = _calendar(event.title)
    components = [_slot_vevent(event, slot, None) for slot in slots]
    for component in components or [_event_vevent(event, None)]:
        calendar.add_component(component)
    return _finish(calendar)
