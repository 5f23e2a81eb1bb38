"""A registration as staff read it: every value in words, every time on the event's
clock with its zone (the admin's own zone is Almaty's, an event may be elsewhere)."""

from datetime import datetime

from django.utils.translation import gettext

from mura.events.dates import format_event_moment, format_zone
from mura.events.models import EventPage, ExtraQuestion, Registration

EMPTY = "—"


def event_time(
    event: EventPage, value: datetime | None, language: str | None = None
) -> str:
    """`14 октября 2019 г., 10:00 (Кызылорда, UTC+05:00)`; a dash for no time."""
    if value is None:
        return EMPTY
    moment = format_event_moment(event, value, language)
    return f"{moment} ({format_zone(event, value, language)})"


def event_wall_clock(event: EventPage, value: datetime | None) -> datetime | None:
    """The time on the event's clock, to the minute, for a spreadsheet cell."""
    if value is None:
        return None
    local = value.astimezone(event.tzinfo)
    return local.replace(tzinfo=None, second=0, microsecond=0)


def event_title(event: EventPage) -> str:
    """The event's title in the admin's language when it has that translation."""
    return event.localized.title


def answer_in_words(question: ExtraQuestion, value: str) -> str:
    if not value:
        return EMPTY
    if question.kind == ExtraQuestion.Kind.YES_NO:
        return {"yes": gettext("Yes"), "no": gettext("No")}.get(value, value)
    return value


def event_questions(event_ids) -> list[ExtraQuestion]:
    return list(
        ExtraQuestion.objects.filter(event_id__in=event_ids).order_by(
            "event_id", "sort_order", "pk"
        )
    )


def answers_in_words(registration: Registration) -> list[tuple[str, str]]:
    """(question, answer) for every question of the registration's event."""
    return [
        (
            question.label,
            answer_in_words(question, registration.answers.get(str(question.pk), "")),
        )
        for question in event_questions([registration.event_id])
    ]


def sections_in_words(registration: Registration) -> str:
    return "; ".join(section.title for section in registration.sections.all()) or EMPTY


def country_in_words(registration: Registration) -> str:
    return registration.country_name or EMPTY


def text_or_dash(value: str | None) -> str:
    return value or EMPTY


def export_row(
    registration: Registration,
    fields: list[str],
    questions: list[ExtraQuestion],
    titles: dict[int, str],
) -> dict[str, object]:
    """One spreadsheet row: words in the admin's language, times on the event's clock."""
    event = registration.event
    answers = {f"answer_{question.pk}": question for question in questions}
    computed = {
        "country": lambda: registration.country_name,
        "participation": registration.get_participation_display,
        "status": registration.get_status_display,
        "sections": lambda: "; ".join(s.title for s in registration.sections.all()),
        "event": lambda: titles[event.pk],
        "time_zone": event.get_time_zone_display,
        "created_at": lambda: event_wall_clock(event, registration.created_at),
        "checked_in_at": lambda: event_wall_clock(event, registration.checked_in_at),
    }
    row: dict[str, object] = {}
    for field in fields:
        if field in answers:
            value = registration.answers.get(field.removeprefix("answer_"), "")
            row[field] = answer_in_words(answers[field], value) if value else ""
        elif field in computed:
            row[field] = computed[field]()
        else:
            row[field] = getattr(registration, field)
    return row
