"""What a search asks for (``Filters``) and what it answers (``Results``)."""

from dataclasses import dataclass, field

from mura.search.models import SearchDocument

COLUMN_FACETS = ("kind", "institution", "language", "decade")
#: ``holder``: every institution holding the document's edition (the catalogue's browse
#: page filters and counts by it; ``institution`` is the one describing the edition)
TABLE_FACETS = (
    "collection",
    "subject",
    "person",
    "place",
    "tag",
    "holder",
    "organisation",
)
FACETS = (*COLUMN_FACETS, *TABLE_FACETS)
SORTS = ("relevance", "date", "title")


@dataclass
class Filters:
    """Selected facet values (several values of one facet are ORed, facets ANDed)."""

    kind: list[str] = field(default_factory=list)
    institution: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    decade: list[str] = field(default_factory=list)
    collection: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)
    person: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    holder: list[str] = field(default_factory=list)
    organisation: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    include_private: bool = False  #: staff searching their own records

    def selected(self) -> dict[str, list[str]]:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}


@dataclass
class FacetCount:
    value: str
    count: int
    label: str = ""
    selected: bool = False


@dataclass
class Hit:
    document: SearchDocument
    score: float
    pinned: bool = False


@dataclass
class Results:
    count: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    page: int
    page_size: int
    took_ms: int = 0
    facets_estimated: bool = False
    count_estimated: bool = False
    #: the keys the engine matched the query's words with (for highlighting)
    engine_keys: frozenset[str] = frozenset()
    #: institution id → name in the reader's language, for the facets and the hits
    #: (filled by ``selectors.run``)
    institutions: dict[int, str] = field(default_factory=dict)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.page_size))
