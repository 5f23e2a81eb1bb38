"""Reads for an institution's page: its public records counted by kind and by collection,
each count with the catalogue address filtered to it."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from mura.catalog.choices import Kind
from mura.catalog.models import Collection, Resource
from mura.institutions.models import Institution

#: Collections shown on an institution's page, the largest first.
COLLECTION_LIMIT = 12


@dataclass
class Tally:
    label: str
    count: int
    url: str


@dataclass
class Holdings:
    total: int = 0
    url: str = ""
    kinds: list[Tally] = field(default_factory=list)
    collections: list[Tally] = field(default_factory=list)


def _browse_url(**filters: str) -> str:
    return f"{reverse('catalog:index')}?{urlencode(filters)}"


def institution_holdings(*, institution: Institution) -> Holdings:
    """Public records of one institution by kind and by public collection (three queries)."""
    records = Resource.objects.public().filter(institution=institution).order_by()
    kinds = list(records.values("kind").annotate(n=Count("pk")).order_by("-n", "kind"))
    rows = list(
        records.exclude(collections=None)
        .values("collections")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    collections = Collection.objects.public().in_bulk([r["collections"] for r in rows])
    slug = institution.slug
    return Holdings(
        total=sum(row["n"] for row in kinds),
        url=_browse_url(institution=slug),
        kinds=[
            Tally(
                str(Kind(row["kind"]).label),
                row["n"],
                _browse_url(institution=slug, kind=row["kind"]),
            )
            for row in kinds
            if row["kind"] in Kind.values
        ],
        collections=[
            Tally(
                collections[row["collections"]].title,
                row["n"],
                _browse_url(
                    institution=slug, collection=collections[row["collections"]].slug
                ),
            )
            for row in rows
            if row["collections"] in collections
        ][:COLLECTION_LIMIT],
    )


def records_per_institution() -> dict[int, int]:
    """Public records per institution id, in one query."""
    rows = (
        Resource.objects.public()
        .order_by()
        .values("institution")
        .annotate(n=Count("pk"))
    )
    return {row["institution"]: row["n"] for row in rows}
