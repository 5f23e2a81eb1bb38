"""Demo events: the 2019 professional session in Kyzylorda, the 2021 international forum in
Pavlodar with a two-day programme, and one upcoming event whose registration is open.

The content is `demo_data/events.yaml`; this loader computes what depends on the day the
demo is loaded (the upcoming event's dates) and keeps every page, section, slot and
registration keyed, so a second run creates nothing new."""

from datetime import date, datetime, time, timedelta
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale, Page

from mura.events.models import (
    EventIndexPage,
    EventPage,
    EventReport,
    EventSection,
    ExtraQuestion,
    ProgrammeSlot,
    Registration,
    Speaker,
)
from mura.events.services import event_sync_translations
from mura.institutions.models import Institution
from mura.portal.demo import demo_data, translate_page
from mura.portal.models import HomePage
from mura.portal.translation import LANGUAGE_CODES


def _speakers(rows: dict[str, dict]) -> dict[str, Speaker]:
    speakers = {}
    for key, fields in rows.items():
        fields = dict(fields)
        speakers[key], _created = Speaker.objects.update_or_create(
            name=fields.pop("name"), defaults=fields
        )
    return speakers


def _index(home: HomePage, texts: dict[str, dict]) -> EventIndexPage:
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(slug="events", show_in_menus=True, **texts["kk"])
        )
        index.save_revision().publish()
    for code in ("ru", "en"):
        translate_page(index, Locale.objects.get(language_code=code), **texts[code])
    return index


def _local(text: str, zone: ZoneInfo) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def _dates(spec: dict, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Fixed dates, or (for an upcoming event) days after the demo is first loaded;
    later runs keep the dates the event got."""
    if "start" in spec:
        return _local(spec["start"], zone), _local(spec["end"], zone)
    existing = EventPage.objects.filter(slug=spec["slug"]).first()
    if existing:
        return existing.start, existing.end
    day = timezone.localdate() + timedelta(days=spec["starts_in_days"])
    return (
        datetime.combine(day, time.fromisoformat(spec["start_time"]), tzinfo=zone),
        datetime.combine(day, time.fromisoformat(spec["end_time"]), tzinfo=zone),
    )


def _event(index: EventIndexPage, spec: dict, zone: ZoneInfo) -> EventPage:
    """The Kazakh page (created once, then kept in step) and its ru/en translations."""
    start, end = _dates(spec, zone)
    fields = {
        **spec["translations"]["kk"],
        **spec["fields"],
        "institution": Institution.objects.get(slug=spec["institution"]),
        "start": start,
        "end": end,
    }
    event = EventPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if event is None:
        event = index.add_child(instance=EventPage(slug=spec["slug"], **fields))
    else:
        for name, value in fields.items():
            setattr(event, name, value)
    event.save_revision().publish()
    event_sync_translations(event=event)
    for code in ("ru", "en"):
        translate_page(
            event, Locale.objects.get(language_code=code), **spec["translations"][code]
        )
    event = EventPage.objects.get(pk=event.pk)
    event.partners.set(
        [Institution.objects.get(slug=s) for s in spec.get("partners", [])]
    )
    event.save_revision().publish()
    event_sync_translations(event=event)
    return event


def _sections(event: EventPage, rows: list[dict]) -> dict[str, EventSection]:
    sections = {}
    for order, row in enumerate(rows):
        fields = dict(row)
        key, title_kk = fields.pop("key"), fields.pop("title_kk")
        sections[key], _created = EventSection.objects.update_or_create(
            event=event, title_kk=title_kk, defaults={**fields, "sort_order": order}
        )
    return sections


def _slots(
    event: EventPage, first_day: date, sections: dict, speakers: dict, rows: list[dict]
) -> None:
    for row in rows:
        slot, _created = ProgrammeSlot.objects.update_or_create(
            event=event,
            day=first_day + timedelta(days=row["day"] - 1),
            start_time=time.fromisoformat(row["start"]),
            title_kk=row["title_kk"],
            defaults={
                "end_time": time.fromisoformat(row["end"]),
                "kind": row["kind"],
                "title_ru": row["title_ru"],
                **{
                    f"room_{code}": row.get(f"room_{code}", "")
                    for code in LANGUAGE_CODES
                },
                "section": sections[row["section"]] if "section" in row else None,
            },
        )
        slot.speakers.set([speakers[key] for key in row.get("speakers", [])])
        slot.moderators.set([speakers[key] for key in row.get("moderators", [])])


def _report(event: EventPage, news_slug: str) -> None:
    article = Page.objects.filter(slug=news_slug, locale__language_code="kk").first()
    if article is not None and not event.reports.filter(page=article).exists():
        EventReport.objects.create(event=event, page=article)


def _questions(event: EventPage, rows: list[dict]) -> None:
    for row in rows:
        fields = dict(row)
        ExtraQuestion.objects.update_or_create(
            event=event, label_kk=fields.pop("label_kk"), defaults=fields
        )


def _registered_at(
    event: EventPage, spec: dict[str, Any], count: int
) -> list[datetime]:
    """When each person registered: from `days_before` the event's start, a while
    apart, and never later than yesterday (an upcoming event's list is already open)."""
    first = min(
        event.start - timedelta(days=spec.get("days_before", 14)),
        timezone.now() - timedelta(days=1),
    )
    return [first + timedelta(minutes=37 * number) for number in range(count)]


def _registrations(event: EventPage, spec: dict[str, Any], sections: dict) -> None:
    """Registrants who registered (and consented) before the event and were checked
    in at its door, on the event's clock."""
    zone = event.tzinfo
    people = spec["people"]
    for row, registered_at in zip(
        people, _registered_at(event, spec, len(people)), strict=True
    ):
        fields = dict(row)
        chosen = fields.pop("sections")
        checked_in_at = fields.pop("checked_in_at", None)
        registration, created = Registration.objects.get_or_create(
            event=event,
            email=fields.pop("email"),
            defaults={**fields, "consent_at": registered_at},
        )
        if created:
            registration.sections.set([sections[key] for key in chosen])
            Registration.objects.filter(pk=registration.pk).update(
                created_at=registered_at,
                checked_in_at=_local(checked_in_at, zone) if checked_in_at else None,
            )


def _load_event(index: EventIndexPage, spec: dict, speakers: dict) -> None:
    zone = ZoneInfo(spec["fields"]["time_zone"])
    event = _event(index, spec, zone)
    sections = _sections(event, spec.get("sections", []))
    first_day = timezone.localtime(event.start, zone).date()
    _slots(event, first_day, sections, speakers, spec.get("programme", []))
    if "report" in spec:
        _report(event, spec["report"])
    _questions(event, spec.get("questions", []))
    if "registrations" in spec:
        _registrations(event, spec["registrations"], sections)


def load(*, stdout: TextIO) -> None:
    data = demo_data("events", "events.yaml")
    home = HomePage.objects.get(locale__language_code="kk")
    index = _index(home, data["index"])
    speakers = _speakers(data["speakers"])
    for spec in data["events"]:
        _load_event(index, spec, speakers)
    stdout.write(
        f"  events: {EventPage.objects.count()} pages, {Registration.objects.count()} registrations"
    )
