"""Figures of days that are over are cached: they change only when views arrive late
for such a day or an institution is deleted, and either starts the cache afresh."""

import heapq
from collections.abc import Callable
from datetime import date, timedelta
from hashlib import sha256
from typing import Any
from uuid import uuid4

from django.core.cache import cache
from django.utils import timezone

VERSION = "mura:statistics:closed-version"
KEPT_SECONDS = 24 * 60 * 60


def closed_periods_changed(**kwargs) -> None:
    """Forget every cached figure (a new version; the old entries expire unread)."""
    cache.set(VERSION, uuid4().hex, None)


def closed_cached(name: str, parts: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()`` for days that are over, computed once per version. The version is
    read first, so a figure computed while late views arrive is stored where no one
    looks (an evicted version is a new one too)."""
    version = cache.get_or_set(VERSION, lambda: uuid4().hex, None)
    digest = sha256(repr((name, parts, version)).encode()).hexdigest()
    key = f"mura:statistics:closed:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, KEPT_SECONDS)
    return value


Days = tuple[date, date]
#: {key: (what the key belongs to, count)}
Counted = dict[str, tuple[Any, int]]
#: The most counted before today kept per list: enough that today's counts rarely
#: send a list back to the database.
CLOSED_KEPT = 500


def closed_and_live(start: date, end: date) -> tuple[Days | None, Days | None]:
    """The days from ``start`` to ``end`` that are over, and those from today on."""
    today = timezone.localdate()
    closed_end = min(end, today - timedelta(days=1))
    closed = (start, closed_end) if start <= closed_end else None
    live = (max(start, today), end) if end >= today else None
    return closed, live


def ranked(things: Counted, count: int) -> list[tuple[str, Any, int]]:
    """(key, what it belongs to, count), the highest first (ties by key)."""
    return heapq.nsmallest(
        count,
        ((key, owner, number) for key, (owner, number) in things.items()),
        key=lambda row: (-row[2], row[0]),
    )


def kept_ranking(things: Counted, count: int) -> tuple[list, bool]:
    """What the cache keeps of the closed days: the top and whether it is all."""
    kept = max(CLOSED_KEPT, count)
    return ranked(things, kept), len(things) <= kept


def top_merged(
    *,
    closed: tuple[list, bool],
    live: Counted,
    count: int,
    closed_counts: Callable[[list[str]], Counted],
) -> list[tuple[str, Any, int]]:
    """The ``count`` highest of the cached closed days' top with today's counts added,
    exactly as if counted from all the rows: a key outside the kept top had at most
    the last kept count before today, so ``closed_counts`` reads again only the keys
    today's counts could lift into the result."""
    kept, complete = closed
    things = {key: (owner, number) for key, owner, number in kept}
    unknown: Counted = {}
    for key, (owner, number) in live.items():
        if key in things:
            things[key] = (owner, things[key][1] + number)
        elif complete:
            things[key] = (owner, number)
        else:
            unknown[key] = (owner, number)
    if unknown:
        ceiling = kept[-1][2]
        best = ranked(things, count)
        floor = best[-1][2] if len(best) == count else 0
        rising = [key for key, (_o, n) in unknown.items() if ceiling + n >= floor]
        before = closed_counts(rising) if rising else {}
        for key in rising:
            owner, number = unknown[key]
            things[key] = (owner, number + before.get(key, (owner, 0))[1])
    return ranked(things, count)
