"""Reads for editions and works: which institutions hold an edition, with their copies,
and a work's editions by year. Only public records of public institutions count."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Prefetch, Q

from mura.catalog.choices import Access
from mura.catalog.models import Edition, EditionRecord, Holding, Resource, Work
from mura.institutions.models import Institution


@dataclass
class Holder:
    """One institution's record of an edition, with its copies."""

    institution: Institution
    record: Resource
    copies: list[Holding] = field(default_factory=list)


@dataclass
class EditionRow:
    edition: Edition
    record: Resource
    holders: list[Holder]


@dataclass
class WorkSummary:
    work: Work
    editions: int
    libraries: int


def _edition_id(resource: Resource) -> int | None:
    try:
        return resource.edition_link.edition_id
    except ObjectDoesNotExist:
        return None


def _public_records(edition_ids: Iterable[int]):
    return (
        Resource.objects.public()
        .filter(edition_link__edition_id__in=list(edition_ids))
        .select_related("institution", "edition_link")
        .prefetch_related("holdings")
        .order_by("institution__name_kk", "pk")
    )


def _holders(records: Iterable[Resource]) -> dict[int, list[Holder]]:
    holders: dict[int, list[Holder]] = defaultdict(list)
    for record in records:
        holders[record.edition_link.edition_id].append(
            Holder(record.institution, record, list(record.holdings.all()))
        )
    return holders


def edition_holders(resource: Resource) -> list[Holder]:
    """Every public record of the resource's edition, by institution (this one alone
    when it has no edition)."""
    edition_id = _edition_id(resource)
    if edition_id is None:
        return [Holder(resource.institution, resource, list(resource.holdings.all()))]
    return _holders(_public_records([edition_id]))[edition_id]


def work_summary(resource: Resource) -> WorkSummary | None:
    """The resource's work with its number of editions and libraries (None: no work)."""
    edition_id = _edition_id(resource)
    if edition_id is None:
        return None
    work = Work.objects.get(editions=edition_id)
    return _summaries([work])[work.pk]


def _summaries(works: list[Work]) -> dict[int, WorkSummary]:
    public = Q(
        editions__links__resource__is_deleted=False,
        editions__links__resource__access="public",
        editions__links__resource__institution__is_public=True,
    )
    counted = Work.objects.filter(pk__in=[w.pk for w in works]).annotate(
        n_editions=Count("editions", filter=public, distinct=True),
        n_libraries=Count(
            "editions__links__resource__institution", filter=public, distinct=True
        ),
    )
    by_pk = {w.pk: w for w in works}
    return {
        w.pk: WorkSummary(by_pk[w.pk], w.n_editions, w.n_libraries) for w in counted
    }


def work_editions(work: Work) -> list[EditionRow]:
    """The work's editions with a public record, oldest first, each with its holders."""
    editions = {e.pk: e for e in work.editions.all()}
    holders = _holders(_public_records(editions))
    rows = []
    for edition_id, found in holders.items():
        primary = next(
            (h.record for h in found if h.record.pk == editions[edition_id].primary_id),
            found[0].record,
        )
        rows.append(EditionRow(editions[edition_id], primary, found))
    return sorted(
        rows, key=lambda row: (row.record.year_from or 9999, row.record.title)
    )


#: What `held_by` and `work_of` read, prefetched for a page of records.
UNION_PREFETCH = (
    Prefetch(
        "edition_link__edition__links",
        queryset=EditionRecord.objects.select_related("resource__institution"),
    ),
    "edition_link__edition__work__editions",
)


def _edition(resource: Resource) -> Edition | None:
    try:
        return resource.edition_link.edition
    except ObjectDoesNotExist:
        return None


def held_by(resource: Resource) -> list[Institution]:
    """The public institutions whose public records describe the resource's edition."""
    edition = _edition(resource)
    found: list[Institution] = []
    for link in edition.links.all() if edition else ():
        record = link.resource
        if (
            not record.is_deleted
            and record.access == Access.PUBLIC
            and record.institution.is_public
            and record.institution not in found
        ):
            found.append(record.institution)
    return found or [resource.institution]


def work_of(resource: Resource) -> tuple[Work | None, int]:
    """The resource's work and its number of editions (None, 1 without a work)."""
    edition = _edition(resource)
    if edition is None:
        return None, 1
    return edition.work, max(len(edition.work.editions.all()), 1)
