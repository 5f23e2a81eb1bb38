# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""Counting matches and facet values: over every match, or over an even sample of
them scaled when there are very many (``SearchOptions.facet_sample``)."""

import time
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from django.db import connection

from mura.portal.content_version import content_cached
from mura.search import facet_store
from mura.search.backends.compiler import SQL, QueryCompiler
from mura.search.backends.options import SearchOptions
from mura.search.backends.results import (
    COLUMN_FACETS,
    FACETS,
    TABLE_FACETS,
    FacetCount,
    Filters,
)
from mura.search.models import SearchFacetLabel
from mura.search.tables import DOCUMENT, INSTITUTION

if TYPE_CHECKING:
    from mura.search.backends.base import SearchBackend


@dataclass
class Tally:
    passed: int  #: sampled matches passing every filter
    counts: Counter  #: ``name=value`` → sampled matches counted for it


def facet_name(value: str) -> str:
    return value.partition("=")[0]


#: How a match is known to be grouped (``SearchDocument.group_key``): while there are
#: few grouped documents, by their ids read once per search from their partial index;
#: else by its own row (each probe costs more than a grouped id read).
GROUPED_FEW = f"id IN (SELECT id FROM {DOCUMENT} WHERE group_key IS NOT NULL)"
GROUPED_MANY = (
    f"EXISTS (SELECT 1 FROM {DOCUMENT} g WHERE g.id = m.id AND g.group_key IS NOT NULL)"
)
#: seconds a process goes by its count of grouped documents (it only picks the form)
GROUPED_SECONDS = 300


class GroupedCount:
    """How many documents are grouped, counted again after ``GROUPED_SECONDS``."""

    def __init__(self) -> None:
        self.at, self.count = -float("inf"), 0

    def __call__(self) -> int:
        now = time.monotonic()
        if now - self.at > GROUPED_SECONDS:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {DOCUMENT} WHERE group_key IS NOT NULL"
                )
                self.at, self.count = now, cursor.fetchone()[0]
        return self.count


grouped_count = GroupedCount()


def distinct_ids(source: str) -> str:
    """The distinct ids of ``source``."""
    return f"SELECT DISTINCT id FROM ({source}) s"


class FacetCounter:
    """Samples the matches of a search and tallies their facet values."""

    def __init__(
        self, engine: "SearchBackend", compiler: QueryCompiler, options: SearchOptions
    ) -> None:
        self.engine = engine
        self.compiler = compiler
        self.options = options

    def sample(
        self,
        plain: str,
        params: list,
        pinned: bool,
        collapse: Callable[[list[int]], list[int]],
    ) -> tuple[list[int], float, list[int]]:
        """(The ids to count and facet, how many matches each of them stands for, the
        matches ``collapse`` hides).

        Up to ``facet_sample`` matches are all of them. Above that an even sample of
        about that many stands for the rest: taken in Python from the ids read once when
        they are not too many (``read_ids``), else every n-th id (``id % n = 0``, spread
        over the whole index, unlike the first ids) picked by the engine while it counts
        them, with n from how far the first ids reached. Either way the sample is read
        once, so counting and faceting do not run the match again. The same read picks
        the grouped matches (a page's translations, a work's editions), of which
        ``collapse`` names the ones to hide (one result per group,
        ``QueryCompiler.collapsed``): those are neither counted nor sampled."""
        wanted, read_ids = self.options.facet_sample, self.options.read_ids
        aggregate, read = self.engine.ids_aggregate, self.engine.ids_read
        few = grouped_count() <= read_ids
        grouped = f"{aggregate} FILTER (WHERE {GROUPED_FEW if few else GROUPED_MANY})"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {aggregate}, {grouped} FROM "
                f"(SELECT id FROM ({plain}) m LIMIT {read_ids + 21}) m",
                params,
            )
            ids, members = map(read, cursor.fetchone())
            if pinned:  # a pinned identifier can be a match as well
                ids = sorted(set(ids))
            if len(ids) <= read_ids:
                hidden = collapse(members)
                if hidden:
                    left_out = set(hidden)
                    ids = [i for i in ids if i not in left_out]
                sample = ids[:: -(-len(ids) // wanted) or 1]
                return sample, (len(ids) / len(sample) if sample else 1), hidden
            # Two subqueries: MIN and MAX together would scan the table.
            cursor.execute(
                f"SELECT (SELECT MIN(id) FROM {DOCUMENT}), "
                f"(SELECT MAX(id) FROM {DOCUMENT})"
            )
            first, last = cursor.fetchone()
            reached = max(max(ids) - first, 1)
            stride = max(1, round(len(ids) * (last - first) / reached / wanted))
            count = "COUNT(DISTINCT id)" if pinned else "COUNT(*)"
            cursor.execute(
                f"SELECT {count}, {aggregate} FILTER (WHERE id %% {stride} = 0), "
                f"{grouped} FROM ({plain}) m",
                params,
            )
            matched, sample, members = cursor.fetchone()
            hidden = collapse(read(members))
            left_out = set(hidden)
            matched -= len(left_out)
            ids = sorted(set(read(sample)) - left_out)
            if len(ids) < wanted // 4:  # the first ids were denser than the rest
                stride = -(-matched // wanted)
                cursor.execute(
                    f"SELECT {aggregate} FROM ({distinct_ids(plain)}) s "
                    f"WHERE id %% {stride} = 0",
                    params,
                )
                ids = [i for i in read(cursor.fetchone()[0]) if i not in left_out]
        return ids, (matched / len(ids) if ids else 1), hidden

    def rows(
        self, sample: SQL, filters: Filters, every: bool = False
    ) -> list[list[str]]:
        """The ``name=value`` facet values of each sampled id that passes the filters no
        facet owns (public, years), or ``every`` filter."""
        sql, params = sample
        where, where_params = self.compiler.filters_sql(
            filters, skip=frozenset() if every else set(FACETS)
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT d.facet_values FROM ({sql}) s {self.engine.narrow_join} "
                f"ON d.id = s.id WHERE {where}",
                [*params, *where_params],
            )
            return [row[0].split("\n") for row in cursor.fetchall()]

    def every_match(self, plain: SQL, filters: Filters) -> Tally:
        """The exact tally of every match passing every filter."""
        rows = self.rows((distinct_ids(plain[0]), plain[1]), filters, every=True)
        return tally(rows, chosen(filters), facet_name)

    def count(self, ids: list[int], filters: Filters) -> Tally:
        """The tally of the sampled matches, from the facet values held in memory (read
        from the documents instead when a year range needs their years)."""
        if filters.year_from is not None or filters.year_to is not None:
            rows = self.rows(self.engine.ids_sql(ids), filters)
            return tally(rows, chosen(filters), facet_name)
        coded = facet_store.store.rows(
            ids,
            public_only=not filters.include_private,
            hidden=() if filters.include_private else hidden_institutions(),
        )
        wanted = [
            (name, {coded.codes[v] for v in values if v in coded.codes})
            for name, values in chosen(filters)
        ]
        counted = tally(coded.rows, wanted, coded.names.__getitem__)
        values = coded.values
        return Tally(
            counted.passed, Counter({values[c]: n for c, n in counted.counts.items()})
        )

    def facets(
        self, counted: Tally, filters: Filters, scale: float
    ) -> dict[str, list[FacetCount]]:
        """The most frequent values of each facet with their counts (scaled from a
        sample when there are very many matches), the selected ones always among them.

        Each facet is counted with the other facets' filters but not its own, so the
        reader sees how many records each alternative value would give."""
        by_facet: dict[str, dict[str, int]] = {name: {} for name in FACETS}
        for name_value, n in counted.counts.items():
            name, _, value = name_value.partition("=")
            if value and name in by_facet:
                by_facet[name][value] = n
        facets: dict[str, list[FacetCount]] = {}
        for name, counts in by_facet.items():
            limit = self.options.facet_limit
            if name in COLUMN_FACETS:
                limit *= 2
            ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            shown = dict(ranked[:limit])
            for value in getattr(filters, name):
                if value in counts:
                    shown.setdefault(value, counts[value])
            facets[name] = [
                FacetCount(value, round(n * scale)) for value, n in shown.items()
            ]
        labels = facet_labels(
            [(name, facet.value) for name in TABLE_FACETS for facet in facets[name]]
        )
        for name in TABLE_FACETS:
            for facet in facets[name]:
                facet.label = labels.get((name, facet.value), facet.value)
        facets["decade"].sort(key=lambda facet: int(facet.value), reverse=True)
        return facets


def hidden_institutions() -> list[str]:
    """The facet values of institutions that are not public, read once per process and
    content version (a statement per search otherwise)."""

    def read() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM {INSTITUTION} WHERE NOT is_public")
            return [f"institution={row[0]}" for row in cursor.fetchall()]

    return content_cached("search:hidden-institutions", read)


def chosen(filters: Filters) -> list[tuple[str, set[str]]]:
    """Each filtered facet with its selected ``name=value``s."""
    return [
        (name, {f"{name}={value}" for value in getattr(filters, name)})
        for name in FACETS
        if getattr(filters, name)
    ]


def tally(
    rows: Sequence[Collection[Hashable]],
    wanted: list[tuple[str, set]],
    name_of: Callable[[Hashable], str],
) -> Tally:
    """How many rows pass every facet filter (``wanted``: each facet's wanted values),
    and the count of each facet value among the rows that pass every filter but (at
    most) its own facet's (``name_of`` a value is its facet)."""
    if not wanted:
        return Tally(len(rows), Counter(chain.from_iterable(rows)))
    passed, counts = 0, Counter()
    for values in rows:
        failed = [name for name, chosen in wanted if chosen.isdisjoint(values)]
        if not failed:
            passed += 1
            counts.update(values)
        elif len(failed) == 1:
            counts.update(value for value in values if name_of(value) == failed[0])
    return Tally(passed, counts)


def facet_labels(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The label of each (facet, value) in the reader's language."""
    wanted = set(pairs)
    if not wanted:
        return {}
    # One IN over the values (an OR per pair costs more to build than to run).
    labels = SearchFacetLabel.objects.filter(value__in={v for _, v in wanted})
    return {
        (label.name, label.value): label.label
        for label in labels
        if (label.name, label.value) in wanted
    }
