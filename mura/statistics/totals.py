"""Views of each thing over any run of days, read from the rollups: a row per thing for
each whole month inside the days, and the daily rows only for the days at either end."""

from collections import defaultdict
from collections.abc import Collection
from datetime import date, timedelta

from django.db.models import Sum

from mura.statistics.closed import (
    closed_and_live,
    closed_cached,
    kept_ranking,
    top_merged,
)
from mura.statistics.models import DailyViews, MonthlyViews
from mura.statistics.periods import next_month

Scope = Collection[int] | None
#: {kind: {key: (institution id, views)}}
Totals = dict[str, dict[str, tuple[int | None, int]]]


def _whole_months(start: date, end: date) -> tuple[date, date] | None:
    """The first days of the first and last whole months from ``start`` to ``end``."""
    first = start if start.day == 1 else next_month(start)
    last = end.replace(day=1)
    if (end + timedelta(days=1)).day != 1:
        last = (last - timedelta(days=1)).replace(day=1)
    return (first, last) if first <= last else None


def thing_totals(
    *,
    start: date,
    end: date,
    scope: Scope,
    kind: str | None = None,
    keys: Collection[str] | None = None,
) -> Totals:
    """Each thing's views from ``start`` to ``end`` (both included)."""
    months = _whole_months(start, end)
    parts = []
    if months is None:
        parts.append(DailyViews.objects.filter(day__gte=start, day__lte=end))
    else:
        first, last = months
        after_last = next_month(last)
        parts += [
            DailyViews.objects.filter(day__gte=start, day__lt=first),
            MonthlyViews.objects.filter(month__gte=first, month__lte=last),
            DailyViews.objects.filter(day__gte=after_last, day__lte=end),
        ]
    totals: Totals = defaultdict(dict)
    for rows in parts:
        if scope is not None:
            rows = rows.filter(institution_id__in=scope)
        if kind is not None:
            rows = rows.filter(kind=kind)
        if keys is not None:
            rows = rows.filter(key__in=keys)
        for thing_kind, key, owner, views in (
            rows.values_list("kind", "key", "institution_id")
            .annotate(total=Sum("views"))
            .order_by()
        ):
            known = totals[thing_kind].get(key)
            totals[thing_kind][key] = (owner, views + (known[1] if known else 0))
    return totals


def most_viewed(
    *, start: date, end: date, scope: Scope, count: int
) -> dict[str, list[tuple[str, int | None, int]]]:
    """Per kind, the ``count`` most viewed things from ``start`` to ``end``, exactly as
    the daily rows add up: the days that are over from the cache, today's added."""
    closed_days, live_days = closed_and_live(start, end)
    closed = {}
    if closed_days is not None:
        scope_key = None if scope is None else tuple(sorted(scope))

        def compute() -> dict[str, tuple[list, bool]]:
            things = thing_totals(start=start, end=closed_days[1], scope=scope)
            return {kind: kept_ranking(each, count) for kind, each in things.items()}

        closed = closed_cached("most-viewed", (closed_days, scope_key, count), compute)
    live: Totals = {}
    if live_days is not None:
        live = thing_totals(start=live_days[0], end=end, scope=scope)

    def closed_counts(kind: str, keys: list[str]):
        return thing_totals(
            start=start, end=closed_days[1], scope=scope, kind=kind, keys=keys
        ).get(kind, {})

    return {
        kind: top_merged(
            closed=closed.get(kind, ([], True)),
            live=live.get(kind, {}),
            count=count,
            closed_counts=lambda keys, kind=kind: closed_counts(kind, keys),
        )
        for kind in set(closed) | set(live)
    }
