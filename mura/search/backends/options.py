"""The tunable sizes of a search, from ``settings.MURA_SEARCH_OPTIONS`` (all optional).

docs/PERFORMANCE.md ("Why the index is built as it is") says how the defaults were
chosen."""

from dataclasses import dataclass, fields

from django.conf import settings


@dataclass(frozen=True)
class SearchOptions:
    #: results per page unless the caller asks for another size
    page_size: int = 20
    #: matches are counted and faceted exactly up to this many; above it, over an even
    #: sample of about this many, scaled (shown as ≈)
    facet_sample: int = 2_000
    #: up to this many matching ids are read once and sampled in Python; beyond it the
    #: engine counts them and picks every n-th id itself
    read_ids: int = 20_000
    #: values shown per facet (twice as many for the column facets)
    facet_limit: int = 12
    #: matches the engine ranks first, re-ranked with boosts and filters for a page of
    #: results by relevance (pages beyond half of it rank every match)
    rerank: int = 200
    #: candidates checked word by word for "quoted phrases"
    phrase_candidates: int = 5_000
    #: objects read, analysed and written to the index together
    index_batch: int = 500

    @classmethod
    def from_settings(cls) -> "SearchOptions":
        given = getattr(settings, "MURA_SEARCH_OPTIONS", None) or {}
        known = {f.name for f in fields(cls)}
        unknown = set(given) - known
        if unknown:
            raise ValueError(f"unknown MURA_SEARCH_OPTIONS: {sorted(unknown)}")
        return cls(**given)
