"""Dates and numbers in the reader's language, as the region's portals print them."""

from datetime import date, datetime, timedelta
from functools import lru_cache

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal
from django.utils import timezone

from mura.portal.translation import current_language

# `08 сәуір 2019 ж. 16:32`, `08 апреля 2019 г. 16:32`, `08 April 2019, 16:32`
DATETIME_PATTERNS = {
    "kk": "dd MMMM y 'ж'. HH:mm",
    "ru": "dd MMMM y 'г'. HH:mm",
    "en": "dd MMMM y, HH:mm",
}
DATE_PATTERNS = {"kk": "d MMMM y 'ж'.", "ru": "d MMMM y 'г'.", "en": "d MMMM y"}


def format_local_datetime(value: datetime, language: str | None = None) -> str:
    language = language or current_language()
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return _datetime_text(value, value.utcoffset(), language)


# Babel reads its locale data and parses the pattern on every call; a page prints the
# same few dates and counts on every request.
@lru_cache(maxsize=4096)
def _datetime_text(value: datetime, offset: timedelta | None, language: str) -> str:
    """``offset`` is part of the key: equal instants at other offsets read otherwise."""
    return format_datetime(value, DATETIME_PATTERNS[language], locale=language)


def format_local_date(value: date, language: str | None = None) -> str:
    language = language or current_language()
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_date(value, DATE_PATTERNS[language], locale=language)


def format_number(value: int, language: str | None = None) -> str:
    return _number_text(value, language or current_language())


@lru_cache(maxsize=4096)
def _number_text(value: int, language: str) -> str:
    return format_decimal(value, locale=language)
