"""Event dates in the event's own time zone, in the reader's language."""

from datetime import datetime

from babel.dates import format_date, format_time, get_timezone_location

from mura.portal.dates import DATE_PATTERNS
from mura.portal.translation import current_language

TIME_PATTERN = "HH:mm"
MONTH_PATTERNS = {"kk": "LLLL y", "ru": "LLLL y", "en": "LLLL y"}
WEEKDAY_DATE_PATTERNS = {
    "kk": "d MMMM, EEEE",
    "ru": "d MMMM, EEEE",
    "en": "EEEE, d MMMM",
}


def format_event_dates(event, language: str | None = None) -> str:
    """`14 қазан 2021 ж., 10:00–18:00` or `14 қазан 2021 ж. 10:00 – 15 қазан 2021 ж. 17:00`."""
    language = language or current_language()
    start, end = event.local_start, event.local_end
    pattern = DATE_PATTERNS[language]
    start_text = f"{format_date(start, pattern, locale=language)}, {format_time(start, TIME_PATTERN, locale=language)}"
    if start.date() == end.date():
        return f"{start_text}–{format_time(end, TIME_PATTERN, locale=language)}"
    end_text = f"{format_date(end, pattern, locale=language)}, {format_time(end, TIME_PATTERN, locale=language)}"
    return f"{start_text} – {end_text}"


def format_event_moment(
    event, value: datetime | None, language: str | None = None
) -> str:
    """One moment (e.g. when registration closes) on the event's clock; "" for none."""
    if value is None:
        return ""
    language = language or current_language()
    local = value.astimezone(event.tzinfo)
    day = format_date(local, DATE_PATTERNS[language], locale=language)
    return f"{day}, {format_time(local, TIME_PATTERN, locale=language)}"


def format_zone(
    event, value: datetime | None = None, language: str | None = None
) -> str:
    """`Қызылорда, UTC+05:00`: the clock the times follow, as its city in the reader's
    language and its offset at `value` (the event's start by default)."""
    language = language or current_language()
    local = (value or event.start).astimezone(event.tzinfo)
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "−"
    city = get_timezone_location(event.time_zone, locale=language, return_city=True)
    return f"{city}, UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def format_slot_time(slot, language: str | None = None) -> str:
    """`14 қазан, сейсенбі, 12:00–14:00, Цифрландыру зертханасы`: a timetable item as the
    programme shows it, on the event's clock."""
    language = language or current_language()
    parts = [
        format_day(slot.day, language),
        f"{format_time(slot.start_time, TIME_PATTERN, locale=language)}–"
        f"{format_time(slot.end_time, TIME_PATTERN, locale=language)}",
    ]
    if slot.where:
        parts.append(slot.where)
    return ", ".join(parts)


def format_day(value, language: str | None = None) -> str:
    language = language or current_language()
    return format_date(value, WEEKDAY_DATE_PATTERNS[language], locale=language)


def format_month(value: datetime, language: str | None = None) -> str:
    language = language or current_language()
    return format_date(value, MONTH_PATTERNS[language], locale=language).capitalize()
