from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from mura.events.models import (
    EventIndexPage,
    EventPage,
    EventSection,
    ProgrammeSlot,
    Registration,
    Speaker,
)
from mura.institutions.tests.factories import InstitutionFactory


def events_index(home) -> EventIndexPage:
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(
                title="Іс-шаралар", slug="events", show_in_menus=True
            )
        )
    return index


def make_event(home, **fields) -> EventPage:
    """A published event under the Kazakh events index; open for registration a week ahead by default."""
    zone = fields.get("time_zone", "Asia/Almaty")
    start = fields.pop("start", None) or datetime.combine(
        timezone.localdate() + timedelta(days=7), time(10, 0), tzinfo=ZoneInfo(zone)
    )
    defaults = {
        "title": "Кітапханашылардың өңірлік форумы",
        "slug": f"event-{EventPage.objects.count() + 1}",
        "institution": fields.pop("institution", None) or InstitutionFactory(),
        "start": start,
        "end": start + timedelta(hours=7),
        "registration_open": True,
        "venue_name": "Облыстық кітапхана",
        "venue_address": "Қызылорда қ., Әйтеке би к-сі, 20",
    }
    defaults.update(fields)
    # add_child saves a live page; no revision is needed for what these tests read.
    event = events_index(home).add_child(instance=EventPage(**defaults))
    return EventPage.objects.get(pk=event.pk)


class SpeakerFactory(DjangoModelFactory[Speaker]):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Спикер {n}")
    position_kk = "директор"
    organisation_kk = "Облыстық кітапхана"
    country = "KZ"


class SectionFactory(DjangoModelFactory[EventSection]):
    class Meta:
        model = EventSection

    title_kk = factory.Sequence(lambda n: f"{n}-секция")
    title_ru = factory.Sequence(lambda n: f"Секция {n}")


class SlotFactory(DjangoModelFactory[ProgrammeSlot]):
    class Meta:
        model = ProgrammeSlot

    day = factory.LazyFunction(date.today)
    start_time = time(10, 0)
    end_time = time(11, 30)
    title_kk = factory.Sequence(lambda n: f"Баяндама {n}")
    title_ru = factory.Sequence(lambda n: f"Доклад {n}")


def registration_data(number: int = 1, **overrides) -> dict:
    data = {
        "name": f"Қатысушы {number}",
        "email": f"person{number}@example.kz",
        "organisation": "Облыстық кітапхана",
        "position": "кітапханашы",
        "country": "KZ",
        "region": "Қызылорда",
        "consent": True,
    }
    data.update(overrides)
    return data


def registration_status_counts(event: EventPage) -> dict[str, int]:
    return {
        status: Registration.objects.filter(event=event, status=status).count()
        for status in Registration.Status.values
    }
