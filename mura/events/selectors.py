"""Reads for the event pages: filtered listings, the timetable, places and speakers."""

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext

from mura.events.models.programme import (
    EventSection,
    ExtraQuestion,
    ProgrammeSlot,
    Speaker,
)
from mura.events.models.registrations import Registration
from mura.institutions.models import Institution

if TYPE_CHECKING:
    from mura.events.models.pages import (
        EventIndexPage,
        EventPage,
        EventPageQuerySet,
    )


def events_filtered(
    events: "EventPageQuerySet", filters: dict[str, Any]
) -> "EventPageQuerySet":
    """The events that match an events filter form's cleaned data."""
    if filters.get("kind"):
        events = events.filter(kind=filters["kind"])
    if filters.get("audience"):
        events = events.filter(audience=filters["audience"])
    if filters.get("institution"):
        events = events.filter(
            institution__slug=filters["institution"]
        ) | events.filter(partners__slug=filters["institution"])
        events = events.distinct()
    if filters.get("month"):
        year, month = filters["month"]
        first = datetime(year, month, 1, tzinfo=timezone.get_current_timezone())
        after = (first + timedelta(days=32)).replace(day=1)
        events = events.filter(start__lt=after, end__gte=first)
    return events


def event_hosts(index: "EventIndexPage"):
    """Institutions that host an event of the index, for its filter."""
    return Institution.objects.filter(
        pk__in=index.events().values("institution_id")
    ).order_by("name_kk")


def event_months(index: "EventIndexPage") -> list[datetime]:
    """The months in which an event of the index starts, latest first, for its filter."""
    return list(
        index.events().datetimes(
            "start", "month", order="DESC", tzinfo=timezone.get_current_timezone()
        )
    )


def nearest_events(
    index: "EventIndexPage", *, start: datetime, after: datetime
) -> tuple["EventPage | None", "EventPage | None"]:
    """The first event after a span and, when none is ahead, the last one before it."""
    events = index.events()
    following = events.filter(start__gte=after).order_by("start", "pk").first()
    preceding = None
    if following is None:
        preceding = events.filter(end__lt=start).order_by("-start", "-pk").first()
    return following, preceding


def event_speakers(event: "EventPage") -> list[Speaker]:
    return list(
        Speaker.objects.filter(Q(talks__event=event) | Q(moderated__event=event))
        .distinct()
        .order_by("name")
    )


def section_counts(event: "EventPage") -> dict[int, int]:
    """Confirmed participants per section of the event."""
    rows = (
        EventSection.objects.filter(event=event)
        .annotate(
            taken=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
            )
        )
        .values_list("pk", "taken")
    )
    return dict(rows)


def programme_days(event: "EventPage") -> list[dict]:
    """The timetable grouped by day, then by start time (parallel items side by side)."""
    tz = event.tzinfo
    days: dict[date, dict[time, list[ProgrammeSlot]]] = {}
    for slot in ProgrammeSlot.objects.filter(event=event.original).for_timetable():
        days.setdefault(slot.day, {}).setdefault(slot.start_time, []).append(slot)
    return [
        {
            "number": number,
            "date": day,
            "rows": [
                {
                    "time": start,
                    "slots": slots,
                    "starts_at": datetime.combine(day, start, tzinfo=tz),
                }
                for start, slots in rows.items()
            ],
        }
        for number, (day, rows) in enumerate(days.items(), start=1)
    ]


def registration_answers(registration: Registration) -> list[tuple[str, str]]:
    """The answers to the extra questions, each under its question's label and in words
    in the current language ("Yes", not the stored `yes`), in the form's order."""
    questions = ExtraQuestion.objects.filter(event_id=registration.event_id)
    return [
        (question.label, _answer_in_words(question, answer))
        for question in questions
        if (answer := registration.answers.get(str(question.pk)))
    ]


def _answer_in_words(question: ExtraQuestion, answer: str) -> str:
    if question.kind == ExtraQuestion.Kind.YES_NO:
        return {"yes": gettext("Yes"), "no": gettext("No")}.get(answer, answer)
    return answer
