"""Reads for the browse page: filters from the query string and facet counts."""

import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Case, Count, Exists, F, Max, OuterRef, Value, When
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mura.catalog.choices import Access, Kind
from mura.catalog.models import (
    Collection,
    DigitalFile,
    Organisation,
    Person,
    Place,
    Resource,
    ResourceAgent,
    ResourcePlace,
    ResourceQuerySet,
    Subject,
)
from mura.institutions.models import Institution
from mura.institutions.permissions import institutions_for, is_union_admin
from mura.portal.querystring import whole_number

FILTER_KEYS = (
    "institution",
    "kind",
    "collection",
    "subject",
    "person",
    "organisation",
    "place",
    "century",
)
FACET_LIMIT = 12
FACET_CACHE_SECONDS = 300
# Centuries a record can be dated to (BCE ones negative); others filter nothing.
MAX_CENTURY = 100


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    selected: bool = False


@dataclass
class Facet:
    name: str
    title: str
    values: list[FacetValue] = field(default_factory=list)


def read_filters(query: QueryDict) -> dict[str, str]:
    return {key: query[key] for key in FILTER_KEYS if query.get(key)}


def apply_filters(
    queryset: ResourceQuerySet, filters: dict[str, str]
) -> ResourceQuerySet:
    if "institution" in filters:
        queryset = queryset.filter(institution__slug=filters["institution"])
    if filters.get("kind") in Kind.values:
        queryset = queryset.filter(kind=filters["kind"])
    if "collection" in filters:
        queryset = queryset.filter(collections__slug=filters["collection"])
    for key, lookup in (
        ("subject", "subjects"),
        ("person", "agents__person"),
        ("organisation", "agents__organisation"),
        ("place", "places__place"),
    ):
        number = whole_number(filters.get(key))
        if number is not None:
            queryset = queryset.filter(**{lookup: number})
    century = whole_number(filters.get("century"))
    if century is not None and abs(century) <= MAX_CENTURY:
        queryset = queryset.filter(
            year_from__gte=century * 100, year_from__lt=(century + 1) * 100
        )
    return (
        queryset.distinct()
        if {"collection", "subject", "person", "organisation", "place"} & filters.keys()
        else queryset
    )


def _url(filters: dict[str, str], key: str, value: str | None) -> str:
    changed = {k: v for k, v in filters.items() if k != key}
    if value is not None:
        changed[key] = value
    return "?" + urlencode(changed) if changed else "?"


def _facet(
    name: str, title: str, filters: dict[str, str], rows: list[tuple[str, str, int]]
) -> Facet:
    facet = Facet(name=name, title=title)
    for value, label, count in rows:
        selected = filters.get(name) == str(value)
        facet.values.append(
            FacetValue(
                str(value),
                label,
                count,
                _url(filters, name, None if selected else str(value)),
                selected,
            )
        )
    return facet


def _labelled(
    model, counts: list[dict], key: str, label=lambda obj: obj.name
) -> list[tuple[str, str, int]]:
    objects = model.objects.in_bulk(
        [row[key] for row in counts if row[key] is not None]
    )
    return [
        (pk, label(objects[pk]), row["n"])
        for row in counts
        if (pk := row[key]) in objects
    ]


def facets(queryset: ResourceQuerySet, filters: dict[str, str]) -> list[Facet]:
    """Counts within the current result set (drill-down), most frequent first."""
    ids = queryset.order_by().values("pk")
    base = Resource.objects.filter(pk__in=ids).order_by()

    institutions = base.values("institution").annotate(n=Count("pk")).order_by("-n")
    by_pk = Institution.objects.in_bulk([row["institution"] for row in institutions])
    institution_rows = [
        (by_pk[r["institution"]].slug, str(by_pk[r["institution"]]), r["n"])
        for r in institutions
    ]

    kinds = base.values("kind").annotate(n=Count("pk")).order_by("-n")
    kind_rows = [(row["kind"], str(Kind(row["kind"]).label), row["n"]) for row in kinds]

    collections = list(
        base.exclude(collections=None)
        .values("collections")
        .annotate(n=Count("pk"))
        .order_by("-n")[:FACET_LIMIT]
    )
    by_pk_c = Collection.objects.public().in_bulk(
        [row["collections"] for row in collections]
    )
    collection_rows = [
        (by_pk_c[r["collections"]].slug, by_pk_c[r["collections"]].title, r["n"])
        for r in collections
        if r["collections"] in by_pk_c
    ]

    subjects = list(
        base.exclude(subjects=None)
        .values("subjects")
        .annotate(n=Count("pk"))
        .order_by("-n")[:FACET_LIMIT]
    )
    persons = list(
        ResourceAgent.objects.filter(resource__in=ids, person__isnull=False)
        .values("person")
        .annotate(n=Count("resource", distinct=True))
        .order_by("-n")[:FACET_LIMIT]
    )
    organisations = list(
        ResourceAgent.objects.filter(resource__in=ids, organisation__isnull=False)
        .values("organisation")
        .annotate(n=Count("resource", distinct=True))
        .order_by("-n")[:FACET_LIMIT]
    )
    places = list(
        ResourcePlace.objects.filter(resource__in=ids)
        .values("place")
        .annotate(n=Count("resource", distinct=True))
        .order_by("-n")[:FACET_LIMIT]
    )
    centuries = (
        base.exclude(year_from=None)
        .annotate(century=F("year_from") / 100)
        .values("century")
        .annotate(n=Count("pk"))
        .order_by("century")
    )
    century_rows = [
        (
            row["century"],
            _("%(number)s century") % {"number": _roman(row["century"] + 1)},
            row["n"],
        )
        for row in centuries
    ]

    result = [
        _facet("institution", _("Institution"), filters, institution_rows),
        _facet("kind", _("Kind"), filters, kind_rows),
        _facet("collection", _("Collection"), filters, collection_rows),
        _facet(
            "subject", _("Subject"), filters, _labelled(Subject, subjects, "subjects")
        ),
        _facet("person", _("Person"), filters, _labelled(Person, persons, "person")),
        _facet(
            "organisation",
            _("Organisation"),
            filters,
            _labelled(Organisation, organisations, "organisation"),
        ),
        _facet("place", _("Place"), filters, _labelled(Place, places, "place")),
        _facet("century", _("Date"), filters, century_rows),
    ]
    return [facet for facet in result if facet.values]


def cached_facets(queryset: ResourceQuerySet, filters: dict[str, str]) -> list[Facet]:
    """Facets are the costly part of browsing; any change to a record bumps the key."""
    last_change = Resource.objects.aggregate(last=Max("updated_at"))["last"]
    state = "|".join(
        [get_language() or "", urlencode(sorted(filters.items())), str(last_change)]
    )
    key = "catalog:facets:" + hashlib.sha256(state.encode()).hexdigest()
    return cache.get_or_set(key, lambda: facets(queryset, filters), FACET_CACHE_SECONDS)


def _roman(number: int) -> str:
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    text = ""
    for value, numeral in numerals:
        while number >= value:
            text += numeral
            number -= value
    return text


def related_resources(resource: Resource, limit: int = 6) -> ResourceQuerySet:
    """Public records sharing a collection, subject or creator with this one."""
    candidates = (
        Resource.objects.public()
        .one_per_edition()
        .exclude(pk=resource.pk)
        .exclude(edition_link__edition__links__resource=resource)
    )
    person_ids = [link.person_id for link in resource.agents.all() if link.person_id]
    subject_ids = [subject.pk for subject in resource.subjects.all()]
    collection_ids = [collection.pk for collection in resource.collections.all()]
    ids: list[int] = []
    for lookup, values in (
        ("agents__person__in", person_ids),
        ("collections__in", collection_ids),
        ("subjects__in", subject_ids),
    ):
        if values and len(ids) < limit:
            found = (
                candidates.filter(**{lookup: values})
                .exclude(pk__in=ids)
                .exclude(parent=resource)
            )
            ids += list(
                found.order_by("-updated_at")
                .values_list("pk", flat=True)
                .distinct()[: limit - len(ids)]
            )
    return Resource.objects.filter(pk__in=ids).for_listing()


def document_readable(user, document_id: int) -> bool:
    """May ``user`` download this Wagtail document?

    A document that no catalogue file uses (a news attachment) is public. One that
    catalogue files use is readable when one of them is public on a public record, and
    otherwise only by staff of a holding institution and the union admins."""
    files = DigitalFile.objects.filter(document_id=document_id)
    if not files.exists():
        return True
    public_records = Resource.objects.public().filter(files__in=files)
    if files.filter(access=Access.PUBLIC, resource__in=public_records).exists():
        return True
    if is_union_admin(user):
        return True
    holders = files.values("resource__institution")
    return institutions_for(user).filter(pk__in=holders).exists()


#: How many records the comparison offers to set beside the first.
COMPARE_CHOICES = 24


def comparable(public_ids: list[str]) -> dict[str, Resource]:
    """Public records with public images, by permanent identifier."""
    records = (
        Resource.objects.public()
        .for_listing()
        .filter(public_id__in=[public_id for public_id in public_ids if public_id])
    )
    return {record.public_id: record for record in records if record.public_images()}


def compare_candidates(resource: Resource, among: list[str]) -> list[Resource]:
    """Records to set beside `resource`: those named (an exhibition's, in its order), else
    the same holder's records with images, objects of the same category first."""
    with_images = (
        Resource.objects.public()
        .filter(
            Exists(
                DigitalFile.objects.filter(
                    resource=OuterRef("pk"),
                    image__isnull=False,
                    access=Access.PUBLIC,
                )
            )
        )
        .exclude(pk=resource.pk)
        .for_listing()
    )
    if among:
        found = comparable(among[:COMPARE_CHOICES])
        return [
            found[public_id]
            for public_id in dict.fromkeys(among)
            if public_id in found and public_id != resource.public_id
        ]
    alike = Case(
        When(object_category=resource.object_category, then=Value(0)),
        default=Value(1),
    )
    return list(
        with_images.filter(institution=resource.institution).order_by(
            alike, "title", "pk"
        )[:COMPARE_CHOICES]
    )
