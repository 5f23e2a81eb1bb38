"""The month grid of the events calendar (Monday first), built from a month's events."""

import calendar
from datetime import date, datetime, timedelta

from babel.dates import get_day_names
from django.utils import timezone, translation


def month_from_param(value: str | None) -> date:
    """The first day of the month a ``?month=YYYY-MM`` names, else of this month."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


def next_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


def previous_month(first: date) -> date:
    return (first - timedelta(days=1)).replace(day=1)


def month_span(first: date) -> tuple[datetime, datetime]:
    """The month from its first midnight to the next month's, in the current zone."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(first, datetime.min.time(), tzinfo=zone)
    after = datetime.combine(next_month(first), datetime.min.time(), tzinfo=zone)
    return start, after


def month_weeks(first: date, events: list) -> list[list[dict]]:
    """Weeks of days; each day lists the events that run on it in their own zone."""
    today = timezone.localdate()
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(
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
                    "today": day == today,
                }
            )
        weeks.append(days)
    return weeks


def weekday_names() -> list[str]:
    names = get_day_names("abbreviated", locale=translation.get_language() or "kk")
    return [names[i] for i in range(7)]
