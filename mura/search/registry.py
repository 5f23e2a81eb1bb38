"""Which models are searchable and how each becomes a search document.

Each app's indexer (``mura/<app>/search_index.py``, imported when the search app is
ready) registers a model with a
function that reads the object's public fields and returns an ``Entry`` (or ``None``
when the object must not be in the index: a draft, a deleted record). The registry
knows nothing about any app; the indexers know nothing about the engine.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.utils.functional import Promise


@dataclass(frozen=True)
class FacetValue:
    """A facet value with its label in each interface language."""

    name: str  #: "collection", "subject", "person", "place" or "tag"
    value: str
    label_kk: str
    label_ru: str = ""
    label_en: str = ""

    def __post_init__(self) -> None:
        # The lengths the index stores (SearchFacetLabel): cut here, once.
        object.__setattr__(self, "value", self.value[:64])
        for label in ("label_kk", "label_ru", "label_en"):
            object.__setattr__(self, label, getattr(self, label)[:300])


@dataclass
class Entry:
    """What an indexer says about one object."""

    kind: str
    title: str
    url: str
    creators: str = ""
    body: str = ""
    identifiers: list[str] = field(default_factory=list)
    institution_id: int | None = None
    language: str = ""
    date: datetime | None = None
    year: int | None = None
    has_image: bool = False
    #: the address of a small picture shown beside the result ("" for none)
    thumbnail: str = ""
    is_public: bool = True
    boost: float = 1.0
    #: a collapse key: of the documents sharing it only one is a result, the one in
    #: the reader's language if it matches (the translations of a page; editions)
    group: str = ""
    facets: list[FacetValue] = field(default_factory=list)


Builder = Callable[[models.Model], Entry | None]


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    build: Builder
    queryset: Callable[[], Iterable[models.Model]]
    kinds: dict[str, Promise | str]


_REGISTRY: dict[type[models.Model], Registration] = {}
_KIND_LABELS: dict[str, Promise | str] = {}
#: kinds whose title is a name (authorities): a query naming it finds a known item
_NAME_KINDS: set[str] = set()
_FACET_LABELS: dict[str, Mapping[str, Promise | str]] = {}
#: model → function(object ids, absolute-address maker) → {id: extra API fields}
ResultDetails = Callable[[list[int], Callable[[str], str]], dict[int, dict]]
_RESULT_DETAILS: dict[type[models.Model], ResultDetails] = {}
_DEPENDENTS: dict[
    type[models.Model], Callable[[models.Model], Iterable[models.Model]]
] = {}


def register(
    model: type[models.Model],
    *,
    build: Builder,
    queryset: Callable[[], Iterable[models.Model]],
    kinds: dict[str, Promise | str],
    names: bool = False,
) -> None:
    """Make ``model`` searchable; ``queryset`` yields every object ``mura reindex`` visits.

    ``names``: the titles of these kinds are names (a person, an organisation), so a
    query whose words are all in one ranks it first, above passing mentions."""
    _REGISTRY[model] = Registration(model, build, queryset, kinds)
    _KIND_LABELS.update(kinds)
    if names:
        _NAME_KINDS.update(kinds)


def is_name_kind(kind: str) -> bool:
    return kind in _NAME_KINDS


def registration_for(model: type[models.Model]) -> Registration | None:
    """The registration of a model or of the concrete model a proxy stands for."""
    model = model._meta.concrete_model if model._meta.proxy else model
    return _REGISTRY.get(model)


def registrations() -> list[Registration]:
    return list(_REGISTRY.values())


def kind_label(kind: str) -> str:
    return str(_KIND_LABELS.get(kind, kind))


def kind_order() -> list[str]:
    return list(_KIND_LABELS)


def register_dependents(
    model: type[models.Model],
    dependents: Callable[[models.Model], Iterable[models.Model]],
) -> None:
    """When an object of ``model`` changes (a person renamed), reindex ``dependents(obj)``."""
    _DEPENDENTS[model] = dependents


def dependents_of(
    model: type[models.Model],
) -> Callable[[models.Model], Iterable[models.Model]] | None:
    return _DEPENDENTS.get(model)


def register_facet_labels(name: str, labels: Mapping[str, Promise | str]) -> None:
    """Labels of a column facet's values (the catalogue's language names)."""
    _FACET_LABELS[name] = labels


def facet_label(name: str, value: str) -> str:
    return str(_FACET_LABELS.get(name, {}).get(value, value))


def register_result_details(model: type[models.Model], details: ResultDetails) -> None:
    """Fields an app adds to its results in the search API (the catalogue's holders)."""
    _RESULT_DETAILS[model] = details


def result_details(model: type[models.Model]) -> ResultDetails | None:
    return _RESULT_DETAILS.get(model)
