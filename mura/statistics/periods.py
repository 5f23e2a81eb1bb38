"""The period a statistic covers, and the one before it for comparison."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True)
class Period:
    """Whole days from ``start`` to ``end``, both included, on the portal's clock."""

    start: date
    end: date
    #: The period to compare with, when it is not simply as many days before.
    before: "Period | None" = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def previous(self) -> "Period":
        """``before``, else as many days, ending the day before this one starts."""
        if self.before is not None:
            return self.before
        end = self.start - timedelta(days=1)
        return Period(start=end - timedelta(days=self.days - 1), end=end)

    @property
    def since(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self) -> datetime:
        """The first moment after the period."""
        return timezone.make_aware(
            datetime.combine(self.end + timedelta(days=1), time.min)
        )

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.days)]


def next_month(day: date) -> date:
    """The first day of the month after ``day``'s."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def calendar_months(start: date, end: date) -> list[tuple[date, date]]:
    """The days from ``start`` to ``end`` cut at the months' ends."""
    pieces = []
    while start <= end:
        following = next_month(start)
        pieces.append((start, min(end, following - timedelta(days=1))))
        start = following
    return pieces


def _quarter_days(year: int, number: int) -> tuple[date, date]:
    start = date(year, 3 * number - 2, 1)
    following = date(year + (number == 4), 1 if number == 4 else 3 * number + 1, 1)
    return start, following - timedelta(days=1)


def quarter(year: int, number: int) -> Period:
    """The calendar quarter (1–4) of a year, compared with the quarter before it."""
    before = (year - 1, 4) if number == 1 else (year, number - 1)
    start, end = _quarter_days(year, number)
    previous_start, previous_end = _quarter_days(*before)
    return Period(
        start=start, end=end, before=Period(start=previous_start, end=previous_end)
    )
