"""Linking catalogue records to editions and editions to works.

`editions_link` takes saved records (one from `resource_save`, a batch from the
importer) and, with a few queries per batch, attaches each library record to the
edition it describes or starts a new one; close but uncertain matches go to the review
queue (`EditionCandidate`). Staff merge and split editions with the services at the
end; both are logged."""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from wagtail.log_actions import log

from mura.catalog.choices import Access, KindGroup
from mura.catalog.edition_keys import Description, Verdict, compare
from mura.catalog.models import (
    CandidateStatus,
    Edition,
    EditionCandidate,
    EditionKey,
    EditionRecord,
    MatchReason,
    Resource,
    ResourceAgent,
    Work,
)
from mura.catalog.rows import rows_insert
from mura.catalog.search_index import documents_index, records_reindex

#: Fields whose presence makes a record a fuller description of its edition.
FULLNESS_FIELDS = (
    "title",
    "other_title",
    "responsibility",
    "date_text",
    "extent",
    "edition",
    "publisher",
    "publication_place",
    "series_title",
    "isbn",
    "issn",
    "udc",
    "bbk",
    "language",
    "notes",
    "description",
)
REASONS = {
    "isbn": MatchReason.ISBN,
    "issn": MatchReason.ISSN,
    "national": MatchReason.NATIONAL,
    "description": MatchReason.DESCRIPTION,
}


def _first_creators(records: list[Resource]) -> dict[int, str]:
    """The first person or organisation of each record: of the links a record holds
    in memory (a batch just stored), or read for the others in one query."""
    creators: dict[int, str] = {}
    unread = []
    for record in records:
        if "agents" not in getattr(record, "_cluster_related_objects", {}):
            unread.append(record.pk)
            continue
        agents = [link.agent for link in record.agents.all() if link.agent]
        if agents:
            creators[record.pk] = _name(agents[0])
    links = (
        ResourceAgent.objects.filter(resource_id__in=unread)
        .select_related("person", "organisation")
        .order_by("resource_id", "sort_order", "pk")
    )
    for link in links if unread else ():
        agent = link.agent
        if link.resource_id not in creators and agent is not None:
            creators[link.resource_id] = _name(agent)
    return creators


def _name(agent) -> str:
    return agent.name_kk or agent.name_ru or agent.name_en


def description_of(resource: Resource, creator: str) -> Description:
    return Description.read(
        title=resource.title,
        other_title=resource.other_title,
        creator=creator,
        year=resource.year_from,
        publisher=resource.publisher,
        extent=resource.extent,
        edition=resource.edition,
        isbn=resource.isbn,
        issn_value=resource.issn,
        national=resource.national_number,
        uniform_title=resource.uniform_title,
    )


class _Matcher:
    """The editions a batch may join: their members' descriptions, by key."""

    def __init__(self, keys: set[str]) -> None:
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.members: dict[int, list[Description]] = defaultdict(list)
        rows = EditionKey.objects.filter(key__in=keys).values_list("key", "edition_id")
        for key, edition_id in rows:
            self.by_key[key].add(edition_id)
        links = EditionRecord.objects.filter(
            edition_id__in={e for ids in self.by_key.values() for e in ids}
        ).values_list("edition_id", "description")
        for edition_id, data in links:
            self.members[edition_id].append(Description.from_data(data))

    def verdicts(self, description: Description) -> dict[int, tuple[Verdict, str]]:
        """Each candidate edition's verdict: SAME only when no member disagrees."""
        editions = {e for key in description.keys() for e in self.by_key.get(key, ())}
        found = {}
        for edition_id in sorted(editions):
            answers = [compare(description, m) for m in self.members[edition_id]]
            kinds = {verdict for verdict, _reason in answers}
            if kinds == {Verdict.SAME}:
                found[edition_id] = answers[0]
            elif Verdict.SAME in kinds or Verdict.UNSURE in kinds:
                reason = next(r for v, r in answers if v != Verdict.DIFFERENT)
                found[edition_id] = (Verdict.UNSURE, reason)
        return found

    def add(self, edition_id: int, description: Description) -> None:
        for key in description.keys():
            self.by_key[key].add(edition_id)
        self.members[edition_id].append(description)


def _works_for(keys: set[str]) -> dict[str, Work]:
    works: dict[str, Work] = {}
    for work in Work.objects.filter(key__in=keys - {""}).order_by("pk"):
        works.setdefault(work.key, work)
    return works


@dataclass(frozen=True)
class Linked:
    """Records of a batch whose documents `editions_link` took care of (ids)."""

    #: they started an edition no other record joined; their link and edition are
    #: left in memory (``record.edition_link``), all their document reads
    alone: set[int] = field(default_factory=set)
    #: their edition changed; indexed, or noted for the ``indexing_deferred`` block
    indexed: set[int] = field(default_factory=set)


#: Editions a batch starts are numbered from here until they are stored, so that the
#: editions already stored come first among equal matches.
PLACEHOLDER = 2**62


@transaction.atomic
def editions_link(*, resources: Sequence[Resource]) -> Linked:
    """Attach saved library records to their editions (the importer calls this once
    per committed batch; `resource_save` for one record). Records are reindexed by
    their caller's save; those whose edition others joined or left are reindexed here.

    Returns which records' search documents need nothing more from the caller."""
    records = [
        r
        for r in resources
        if r.pk is not None and r.group == KindGroup.LIBRARY and not r.is_deleted
    ]
    if not records:
        return Linked()
    ids = [r.pk for r in records]
    creators = _first_creators(records)
    descriptions = {r.pk: description_of(r, creators.get(r.pk, "")) for r in records}
    links = {
        link.resource_id: link
        for link in EditionRecord.objects.filter(resource_id__in=ids)
    }
    touched: set[int] = set()
    pending: list[Resource] = []
    for record in records:
        link, data = links.get(record.pk), descriptions[record.pk].as_data()
        if link is not None and link.reason == MatchReason.STAFF:
            EditionRecord.objects.filter(pk=link.pk).update(description=data)
        elif link is None or link.description != data:
            pending.append(record)
            if link is not None:
                touched.add(link.edition_id)
    if not pending:
        return Linked()
    _detach([r.pk for r in pending if r.pk in links])
    matcher = _Matcher({k for r in pending for k in descriptions[r.pk].keys()})
    works = _works_for({descriptions[r.pk].work_key() for r in pending})
    started: dict[int, Edition] = {}  # placeholder → edition this batch starts
    new_links, new_keys, candidates = [], [], []
    for record in pending:
        description = descriptions[record.pk]
        verdicts = matcher.verdicts(description)
        same = [e for e, (verdict, _r) in verdicts.items() if verdict == Verdict.SAME]
        if same:
            edition_id, reason = same[0], REASONS[verdicts[same[0]][1]]
            touched.add(edition_id)
        else:
            edition_id = PLACEHOLDER + len(started)
            started[edition_id] = _new_edition(record, description, works)
            reason = MatchReason.FIRST
        matcher.add(edition_id, description)
        new_links.append(
            EditionRecord(
                resource=record,
                edition_id=edition_id,
                reason=reason,
                description=description.as_data(),
            )
        )
        new_keys += [
            EditionKey(key=key[:200], resource_id=record.pk, edition_id=edition_id)
            for key in description.keys()
        ]
        candidates += [
            EditionCandidate(resource_id=record.pk, edition_id=other, reason=why[:40])
            for other, (_verdict, why) in verdicts.items()
            if other != edition_id
        ]
    new_works = {id(e.work): e.work for e in started.values() if e.work.pk is None}
    rows_insert(list(new_works.values()))
    rows_insert(list(started.values()))
    for row in (*new_links, *new_keys, *candidates):
        if row.edition_id in started:
            row.edition = started[row.edition_id]
    rows_insert(new_links)
    rows_insert(new_keys)
    EditionCandidate.objects.bulk_create(candidates, ignore_conflicts=True)
    joined = {started[e].pk if e in started else e for e in touched}
    members = Counter(link.edition_id for link in new_links)
    mine = {edition.pk: edition for edition in started.values()}
    alone = set()
    for link in new_links:
        edition = mine.get(link.edition_id)
        if edition is not None and members[edition.pk] == 1:
            # Its one record is its description: all its search document reads.
            edition._prefetched_objects_cache = {"links": [link]}
            link.resource.edition_link = link
            alone.add(link.resource_id)
    return Linked(alone=alone, indexed=editions_refresh(edition_ids=joined))


def _new_edition(
    record: Resource, description: Description, works: dict[str, Work]
) -> Edition:
    """An edition (not stored yet) starting with the record, of its work found or new."""
    key = description.work_key()
    work = works.get(key) if key else None
    if work is None:
        work = Work(title=record.uniform_title or record.title, key=key)
        if key:
            works[key] = work
    return Edition(work=work, primary=record)


def _detach(resource_ids: list[int]) -> None:
    EditionKey.objects.filter(resource_id__in=resource_ids).delete()
    EditionRecord.objects.filter(resource_id__in=resource_ids).delete()
    EditionCandidate.objects.filter(
        resource_id__in=resource_ids, status=CandidateStatus.PENDING
    ).delete()


def _fullness(resource: Resource) -> tuple:
    filled = sum(1 for name in FULLNESS_FIELDS if getattr(resource, name))
    public = resource.access == Access.PUBLIC and resource.institution.is_public
    return (public, filled, len(resource.description), -resource.pk)


def editions_refresh(*, edition_ids: Iterable[int]) -> set[int]:
    """Choose each edition's public description, drop editions and works left empty,
    and bring the search documents of their records in step; returns those records'
    ids."""
    edition_ids = set(edition_ids)
    members: dict[int, list[Resource]] = defaultdict(list)
    for record in Resource.objects.filter(
        edition_link__edition_id__in=edition_ids, is_deleted=False
    ).select_related("institution", "edition_link"):
        members[record.edition_link.edition_id].append(record)
    changed, empty, primaries, others = [], [], [], []
    for edition in Edition.objects.filter(pk__in=edition_ids):
        if not members[edition.pk]:
            empty.append(edition.pk)
            continue
        primary = max(members[edition.pk], key=_fullness)
        if edition.primary_id != primary.pk:
            edition.primary = primary
            changed.append(edition)
        primaries.append(primary.pk)
        for record in members[edition.pk]:
            record.edition_link.edition = edition
            if record is not primary:
                others.append(record)
    Edition.objects.bulk_update(changed, ["primary"])
    work_ids = set(
        Edition.objects.filter(pk__in=empty).values_list("work_id", flat=True)
    )
    EditionRecord.objects.filter(edition_id__in=empty).delete()
    Edition.objects.filter(pk__in=empty).delete()
    Work.objects.filter(pk__in=work_ids, editions=None).delete()
    # The others are not results of their own: their documents go, with no reading.
    documents_index(objects=others)
    records_reindex(primaries)
    return {*primaries, *(record.pk for record in others)}


def edition_leave(*, resource: Resource) -> None:
    """A deleted record no longer describes its edition."""
    edition_id = (
        EditionRecord.objects.filter(resource=resource)
        .values_list("edition_id", flat=True)
        .first()
    )
    if edition_id is not None:
        _detach([resource.pk])
        editions_refresh(edition_ids=[edition_id])


@transaction.atomic
def editions_merge(
    *, edition: Edition, into: Edition, user: AbstractBaseUser | None = None
) -> Edition:
    """Staff say two editions are one: ``edition``'s records join ``into``."""
    if edition.pk == into.pk:
        return into
    moved = list(edition.links.values_list("resource_id", flat=True))
    edition.links.update(edition=into, reason=MatchReason.STAFF)
    EditionKey.objects.filter(edition=edition).update(edition=into)
    EditionCandidate.objects.filter(
        resource_id__in=moved, edition=into, status=CandidateStatus.PENDING
    ).update(status=CandidateStatus.MERGED)
    EditionCandidate.objects.filter(
        edition=edition, resource__edition_candidates__edition=into
    ).delete()
    EditionCandidate.objects.filter(edition=edition).update(edition=into)
    log(
        instance=into,
        action="mura.edition.merge",
        user=user,
        data={"merged": edition.pk, "records": moved},
    )
    editions_refresh(edition_ids=[edition.pk, into.pk])
    into.refresh_from_db()
    return into


@transaction.atomic
def edition_split(
    *, resource: Resource, user: AbstractBaseUser | None = None
) -> Edition:
    """Staff say a record was merged wrongly: it becomes an edition of its own (its
    work found again), and it is not matched to the old edition again."""
    link = EditionRecord.objects.select_related("edition").get(resource=resource)
    old = link.edition
    description = Description.from_data(link.description)
    key = description.work_key()
    work = (
        old.work
        if key and old.work.key == key
        else _works_for({key}).get(key)
        or Work.objects.create(title=resource.uniform_title or resource.title, key=key)
    )
    edition = Edition.objects.create(work=work, primary=resource)
    link.edition, link.reason = edition, MatchReason.STAFF
    link.save(update_fields=["edition", "reason"])
    EditionKey.objects.filter(resource=resource).update(edition=edition)
    EditionCandidate.objects.update_or_create(
        resource=resource,
        edition=old,
        defaults={"status": CandidateStatus.REJECTED, "reason": "split"},
    )
    log(
        instance=old,
        action="mura.edition.split",
        user=user,
        data={"record": resource.public_id, "edition": edition.pk},
    )
    editions_refresh(edition_ids=[old.pk, edition.pk])
    return edition


@transaction.atomic
def candidate_decide(
    *, candidate: EditionCandidate, same: bool, user: AbstractBaseUser | None = None
) -> None:
    """Staff answer the review queue: the record's edition joins the candidate, or not."""
    if same:
        link = EditionRecord.objects.select_related("edition").get(
            resource=candidate.resource
        )
        editions_merge(edition=link.edition, into=candidate.edition, user=user)
        candidate.status = CandidateStatus.MERGED
    else:
        candidate.status = CandidateStatus.REJECTED
    candidate.save(update_fields=["status"])
