"""Reads for the browse page (filters from the query string; its records, counts and
facets from the search index), related records and comparisons."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Page, Paginator
from django.db.models import Case, Exists, OuterRef, Value, When
from django.http import QueryDict
from django.utils.translation import gettext as _

from mura.catalog import holders
from mura.catalog.choices import Access, Kind
from mura.catalog.models import (
    Collection,
    DigitalFile,
    Resource,
    ResourceQuerySet,
)
from mura.catalog.search_index import Filters, records_browse
from mura.institutions.models import Institution
from mura.institutions.permissions import institutions_for, is_union_admin
from mura.portal.querystring import whole_number

if TYPE_CHECKING:
    from mura.search.backends.results import FacetCount

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


def _index_filters(filters: dict[str, str]) -> Filters:
    """The browse page's filters as the index's: an institution is any holder of an
    edition, a century its ten decades; a value naming nothing public selects nothing,
    one that cannot name anything (a kind or number mistyped) is ignored."""
    found = Filters()
    if "institution" in filters:
        institution = Institution.objects.filter(
            slug=filters["institution"], is_public=True
        ).first()
        found.holder = [str(institution.pk) if institution else "0"]
    if filters.get("kind") in Kind.values:
        found.kind = [filters["kind"]]
    if "collection" in filters:
        collection = Collection.objects.public().filter(slug=filters["collection"])
        found.collection = [str(collection[0].pk) if collection else "0"]
    for key in ("subject", "person", "organisation", "place"):
        number = whole_number(filters.get(key))
        if number is not None:
            setattr(found, key, [str(number)])
    century = whole_number(filters.get("century"))
    if century is not None and abs(century) <= MAX_CENTURY:
        found.decade = [str(century * 100 + 10 * n) for n in range(10)]
    return found


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


def _centuries(decades: list["FacetCount"]) -> list[tuple[str, str, int]]:
    """The decades' counts summed by century, oldest first."""
    counts: dict[int, int] = defaultdict(int)
    for decade in decades:
        counts[int(decade.value) // 100] += decade.count
    return [
        (str(century), _("%(number)s century") % {"number": _roman(century + 1)}, n)
        for century, n in sorted(counts.items())
    ]


def _facets(counted: dict[str, list["FacetCount"]], filters: dict[str, str]):
    """The index's facet counts as the browse page's facets, under its own names and
    values (institution and collection addresses, authority ids)."""
    holders = Institution.objects.filter(is_public=True).in_bulk(
        [int(f.value) for f in counted.get("holder", []) if f.value.isdigit()]
    )
    collections = Collection.objects.public().in_bulk(
        [int(f.value) for f in counted.get("collection", []) if f.value.isdigit()]
    )

    def rows(name: str) -> list[tuple[str, str, int]]:
        return [(f.value, f.label, f.count) for f in counted.get(name, [])]

    result = [
        _facet(
            "institution",
            _("Institution"),
            filters,
            [
                (holders[pk].slug, str(holders[pk]), f.count)
                for f in counted.get("holder", [])
                if (pk := int(f.value)) in holders
            ],
        ),
        _facet(
            "kind",
            _("Kind"),
            filters,
            [
                (f.value, str(Kind(f.value).label), f.count)
                for f in counted.get("kind", [])
                if f.value in Kind.values
            ],
        ),
        _facet(
            "collection",
            _("Collection"),
            filters,
            [
                (collections[pk].slug, collections[pk].title, f.count)
                for f in counted.get("collection", [])
                if (pk := int(f.value)) in collections
            ],
        ),
        _facet("subject", _("Subject"), filters, rows("subject")),
        _facet("person", _("Person"), filters, rows("person")),
        _facet("organisation", _("Organisation"), filters, rows("organisation")),
        _facet("place", _("Place"), filters, rows("place")),
        _facet("century", _("Date"), filters, _centuries(counted.get("decade", []))),
    ]
    return [facet for facet in result if facet.values]


@dataclass
class Browsed:
    """One page of the browse page: its records, with the count and facets of all."""

    page: Page
    records: list[Resource]
    facets: list[Facet]
    estimated: bool


def browse(filters: dict[str, str], page: str | None, per_page: int) -> Browsed:
    """The public editions passing the filters, by title, from the search index: each
    edition once, with its holders (``held_by``) and its number of editions of its
    work (``editions``). Filtered by an institution, a row is that institution's own
    record of the edition."""
    number = max(whole_number(page) or 1, 1)
    found = records_browse(_index_filters(filters), page=number, page_size=per_page)
    ids = [hit.document.object_id for hit in found.hits]
    records = (
        Resource.objects.public()
        .filter(pk__in=ids)
        .for_listing()
        .prefetch_related(*holders.UNION_PREFETCH)
        .in_bulk()
    )
    own = filters.get("institution")
    listed = []
    for pk in ids:
        if pk not in records:
            continue
        record = records[pk]
        held_by = holders.held_by(record)
        _, record.editions = holders.work_of(record)
        if own and record.institution.slug != own:
            record = _own_record(record, own) or record
        record.held_by = held_by
        listed.append(record)
    return Browsed(
        page=Paginator(range(found.count), per_page).get_page(found.page),
        records=listed,
        facets=_facets(found.facets, filters),
        estimated=found.count_estimated,
    )


def _own_record(record: Resource, institution: str) -> Resource | None:
    """The public record of ``institution`` describing the same edition as ``record``."""
    try:
        links = record.edition_link.edition.links.all()
    except ObjectDoesNotExist:
        return None
    for link in links:
        mine = link.resource
        if (
            mine.institution.slug == institution
            and not mine.is_deleted
            and mine.access == Access.PUBLIC
        ):
            mine.editions = record.editions
            return mine
    return None


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
