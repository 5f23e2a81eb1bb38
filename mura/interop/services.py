"""Importing mapped records into the catalogue through the catalogue's own services,
so validation, history and search indexing happen exactly as for an admin edit, a
batch of records at a time (`mura.catalog.batches`)."""

import contextlib
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, router, transaction
from django.utils.translation import gettext as _

from mura.catalog.batches import (
    authorities_index,
    authorities_insert,
    can_batch,
    resources_store,
)
from mura.catalog.models import Organisation, Person, Place, Resource, Subject
from mura.catalog.services import (
    resource_build,
    resource_create,
    resource_delete,
    resource_save,
    resource_update,
    resource_validate,
)
from mura.institutions.models import Institution
from mura.interop.records import (
    ImportItem,
    PendingRecord,
    Position,
    RecordProblem,
    name_key,
)
from mura.search.services import indexing_deferred

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
YEARS = re.compile(r"(1[0-9]{3}|20[0-9]{2})")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: list[tuple[Position, str]] = field(default_factory=list)
    warnings: list[tuple[Position, str]] = field(default_factory=list)
    dry_run: bool = False
    #: Records of the file done (committed, or rolled back in a dry run), problems too.
    records: int = 0

    def add(self, other: "ImportReport") -> None:
        """Count a batch's outcome in; its messages in the order of the file."""
        for name in ("created", "updated", "unchanged", "deleted", "records"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped += sorted(other.skipped, key=lambda pair: pair[0].number)
        self.warnings += sorted(other.warnings, key=lambda pair: pair[0].number)


class AuthorityIndex:
    """Find-or-create authorities by normalised name; one query per model per import.
    Whole authorities are kept: a record's search document is built from them. New
    ones are indexed a batch at a time (`index_created`)."""

    def __init__(self) -> None:
        self._keys: dict[type[models.Model], dict[str, models.Model]] = {}
        self._created: list[tuple[type[models.Model], str, models.Model]] = []
        self._indexed = 0

    def _index(self, model: type[models.Model]) -> dict[str, models.Model]:
        if model not in self._keys:
            keys: dict[str, models.Model] = {}
            for authority in model.objects.all():
                for name in (authority.name_kk, authority.name_ru, authority.name_en):
                    if name:
                        keys.setdefault(name_key(name), authority)
            self._keys[model] = keys
        return self._keys[model]

    def get(
        self, model: type[models.Model], name: str, *, language: str, dates: str = ""
    ) -> models.Model:
        key = name_key(name)
        keys = self._index(model)
        if key in keys:
            return keys[key]
        values = {"name_kk": name[:300]}
        if CYRILLIC.search(name):
            if language == "ru":
                values["name_ru"] = name[:300]
        else:
            values["name_en"] = name[:300]
        if model is Person and dates:
            years = [int(year) for year in YEARS.findall(dates)]
            values.update(
                life_dates=dates[:100],
                birth_year=years[0] if years else None,
                death_year=years[1] if len(years) > 1 else None,
            )
        authority = model(**values)
        authority.full_clean()
        authorities_insert(authorities=[authority])
        keys[key] = authority
        self._created.append((model, key, authority))
        return authority

    def index_created(self) -> None:
        """Index the authorities created since the last call (in the batch's block)."""
        authorities_index(
            authorities=[
                authority for *_key, authority in self._created[self._indexed :]
            ]
        )
        self._indexed = len(self._created)

    def knows_all(self, item: ImportItem) -> bool:
        """Whether every authority the item names exists already (nothing to create)."""
        names = [
            ({"person": Person, "organisation": Organisation}[kind], name)
            for _role, kind, name, _dates in item.agents
        ]
        names += [(Place, name) for _role, name in item.places]
        names += [(Subject, name) for name in item.subjects]
        return all(name_key(name) in self._index(model) for model, name in names)

    def checkpoint(self) -> int:
        return len(self._created)

    def forget_since(self, checkpoint: int) -> None:
        """A record's savepoint was rolled back: its new authorities are gone too."""
        for model, key, _authority in self._created[checkpoint:]:
            self._keys[model].pop(key, None)
        del self._created[checkpoint:]
        self._indexed = min(self._indexed, checkpoint)


def _truncated(values: dict[str, str]) -> dict[str, str]:
    result = {}
    for name, value in values.items():
        limit = Resource._meta.get_field(name).max_length
        result[name] = (
            value[: limit - 1] + "…" if limit and len(value) > limit else value
        )
    return result


def _resource_data(item: ImportItem, authorities: AuthorityIndex) -> dict:
    language = item.fields.get("language", "")
    models_by_kind = {"person": Person, "organisation": Organisation}
    data: dict = {
        **_truncated(item.fields),
        "source_id": item.source_id[:100],
        "original_format": item.original_format,
        "original_record": item.original_record,
        "agents": [
            (
                role,
                authorities.get(
                    models_by_kind[kind], name, language=language, dates=dates
                ),
            )
            for role, kind, name, dates in item.agents
        ],
        "places": [
            (role, authorities.get(Place, name, language=language))
            for role, name in item.places
        ],
        "subjects": list(
            {
                subject.pk: subject
                for subject in (
                    authorities.get(Subject, name, language=language)
                    for name in item.subjects
                )
            }.values()
        ),
    }
    if item.holdings:
        data["holdings"] = [
            {
                key: value[:limit]
                for (key, value), limit in zip(
                    holding.items(), (100, 200, 100), strict=True
                )
            }
            for holding in item.holdings
        ]
    return {**data, **item.extra}


Item = ImportItem | PendingRecord | RecordProblem

#: An import commits a batch when it holds this many records or would take about this
#: long: a writer waiting for SQLite's lock (a reader's comment, the task worker) waits
#: about that long, never for the whole file. The first batch is small; the next ones
#: are sized from the pace of the last.
BATCH_RECORDS = 500  # = SearchOptions.index_batch: the index is written in-process
BATCH_SECONDS = 0.25
FIRST_BATCH = 50
#: Between batches on SQLite the lock is left free this long: a writer waiting for it
#: polls about every 100 ms, and with a shorter gap readers' writes (a comment form's
#: CAPTCHA code, a search's log row) missed it now and then (docs/PERFORMANCE.md). The
#: next batch is read and mapped meanwhile; only what is left of the gap is slept.
SQLITE_PAUSE = 0.25


def records_import(
    *,
    institution: Institution,
    items: Iterable[Item],
    dry_run: bool = False,
    user: AbstractBaseUser | None = None,
    batch_records: int = BATCH_RECORDS,
    batch_seconds: float = BATCH_SECONDS,
    report: ImportReport | None = None,
    on_batch: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Create or update one record per item, matched on institution + source identifier.

    Records are read outside the transaction and committed in batches (``batch_records``
    at most, sized to take about ``batch_seconds``), each with its search documents,
    so the index always matches what is committed. A record that fails is left out
    alone and reported with its position; with ``dry_run`` every batch is rolled back,
    so nothing is written (a record repeated in the file is then counted once per
    batch it is in). ``on_batch`` is called in each batch's transaction with the
    report so far (an import run records its position there); ``report`` continues
    the counts of an import resumed."""
    report = report or ImportReport(dry_run=dry_run)
    authorities = AuthorityIndex()
    iterator = iter(items)
    connection = transaction.get_connection(router.db_for_write(Resource))
    size = min(FIRST_BATCH, batch_records)
    freed_at = None  # when a batch that held SQLite's lock committed
    while batch := list(islice(iterator, size)):
        _map_changed(batch, institution=institution)
        if freed_at is not None:
            time.sleep(max(0.0, SQLITE_PAUSE - (time.monotonic() - freed_at)))
        started = time.monotonic()
        wrote = _import_batch(
            batch,
            report=report,
            institution=institution,
            authorities=authorities,
            user=user,
            dry_run=dry_run,
            on_batch=on_batch,
        )
        if len(batch) < size:
            break
        pace = len(batch) / max(time.monotonic() - started, 0.001)
        fits = min(pace * batch_seconds, batch_records)
        size = min(batch_records, 2 * size, max(FIRST_BATCH, int(fits)))
        # A batch of unchanged records held no lock for writers to wait on.
        sqlite = connection.vendor == "sqlite" and not connection.in_atomic_block
        freed_at = time.monotonic() if wrote and sqlite else None
    return report


def _map_changed(batch: list[Item], *, institution: Institution) -> None:
    """Map the batch's new and changed records before its transaction begins (on
    SQLite, while other writers have the lock); unchanged ones stay unmapped."""
    pending = [item for item in batch if isinstance(item, PendingRecord)]
    if not pending:
        return
    stored = dict(
        Resource.objects.filter(
            institution=institution,
            source_id__in=[item.source_id[:100] for item in pending],
        ).values_list("source_id", "source_hash")
    )
    for item in pending:
        if stored.get(item.source_id[:100]) != item.source_hash:
            item.mapped()


def _import_batch(
    batch: list[Item],
    *,
    report: ImportReport,
    institution: Institution,
    authorities: AuthorityIndex,
    user: AbstractBaseUser | None,
    dry_run: bool,
    on_batch: Callable[[ImportReport], None] | None,
) -> bool:
    """Write one batch in one transaction (in a few statements; a record at a time
    when the database refuses one of them, to name it); whether it stored records."""
    checkpoint = authorities.checkpoint()
    # The batch's search documents are written at its end, in its transaction.
    with transaction.atomic(), indexing_deferred():
        outcome = ImportReport(records=len(batch))
        writer = _BatchWriter(
            institution=institution, authorities=authorities, user=user
        )
        try:
            with transaction.atomic():
                writer.write(batch, outcome)
        except DatabaseError:
            authorities.forget_since(checkpoint)
            outcome = ImportReport(records=len(batch))
            for item in batch:
                writer.write_alone(item, outcome)
        authorities.index_created()
        report.add(outcome)
        if on_batch is not None:
            on_batch(report)
        if dry_run:
            transaction.set_rollback(True)
    if dry_run:
        authorities.forget_since(checkpoint)
    return outcome.created + outcome.updated + outcome.deleted > 0


@dataclass
class _BatchWriter:
    institution: Institution
    authorities: AuthorityIndex
    user: AbstractBaseUser | None

    def write(self, batch: list[Item], outcome: ImportReport) -> None:
        """The batch's records, in runs where no identifier repeats (a record given
        twice in a file is created, then updated)."""
        run: list[ImportItem | PendingRecord] = []
        seen: set[str] = set()
        for item in batch:
            if isinstance(item, RecordProblem):
                outcome.skipped.append((item.position, item.reason))
                continue
            key = item.source_id[:100]
            if key in seen:
                self._write_run(run, outcome)
                run, seen = [], set()
            seen.add(key)
            run.append(item)
        self._write_run(run, outcome)

    def _write_run(
        self, run: list[ImportItem | PendingRecord], outcome: ImportReport
    ) -> None:
        if not run:
            return
        stored = Resource.objects.filter(
            institution=self.institution,
            source_id__in=[item.source_id[:100] for item in run],
        )
        known = {
            source_id: (pk, source_hash, is_deleted)
            for pk, source_id, source_hash, is_deleted in stored.values_list(
                "pk", "source_id", "source_hash", "is_deleted"
            )
        }
        changes: list[tuple[ImportItem, int | None]] = []
        for pending in run:
            pk, source_hash, is_deleted = known.get(
                pending.source_id[:100], (None, "", False)
            )
            if (
                isinstance(pending, PendingRecord)
                and pk is not None
                and not is_deleted
                and source_hash == pending.source_hash
            ):
                outcome.unchanged += 1
                continue
            item = pending.mapped() if isinstance(pending, PendingRecord) else pending
            if isinstance(item, RecordProblem):
                outcome.skipped.append((item.position, item.reason))
                continue
            outcome.warnings += [(item.position, text) for text in item.warnings]
            if item.deleted or is_deleted:
                self._write_alone(item, outcome)
            elif pk is not None and source_hash == item.fingerprint():
                outcome.unchanged += 1
            else:
                changes.append((item, pk))
        rows = Resource.objects.in_bulk([pk for _item, pk in changes if pk])
        records = []
        for item, pk in changes:
            row = rows.get(pk) if pk else None
            if row is not None and row.original_record == item.original_record:
                # Imported before fingerprints were kept: keep one now.
                row.source_hash = item.fingerprint()
                Resource.objects.filter(pk=pk).update(source_hash=row.source_hash)
                outcome.unchanged += 1
            elif (resource := self._built(item, row, outcome)) is not None:
                records.append(resource)
                outcome.created += row is None
                outcome.updated += row is not None
        resources_store(resources=records, user=self.user)

    def _built(
        self, item: ImportItem, row: Resource | None, outcome: ImportReport
    ) -> Resource | None:
        """The record built and validated, or None (reported) when it is not valid;
        one with files is saved at once, the others are stored with the run."""
        checkpoint = self.authorities.checkpoint()
        try:
            # A record that fails takes the authorities it created with it.
            with _savepoint(needed=not self.authorities.knows_all(item)):
                resource = resource_build(
                    institution=self.institution,
                    kind=item.kind,
                    data=_resource_data(item, self.authorities),
                    resource=row,
                )
                resource.source_hash = item.fingerprint()
                resource_validate(resource=resource, check_database=False)
                if not can_batch(resource):
                    resource_save(resource=resource, user=self.user)
                    outcome.created += row is None
                    outcome.updated += row is not None
                    return None
        except ValidationError as error:
            self.authorities.forget_since(checkpoint)
            outcome.skipped.append((item.position, "; ".join(error.messages)))
            return None
        except DatabaseError as error:  # e.g. a value the database refuses
            self.authorities.forget_since(checkpoint)
            outcome.skipped.append((item.position, _refused(error)))
            return None
        return resource

    def write_alone(self, item: Item, outcome: ImportReport) -> None:
        """One record in a savepoint of its own (the database refused the batch)."""
        if isinstance(item, RecordProblem):
            outcome.skipped.append((item.position, item.reason))
            return
        item = item.mapped() if isinstance(item, PendingRecord) else item
        if isinstance(item, RecordProblem):
            outcome.skipped.append((item.position, item.reason))
            return
        outcome.warnings += [(item.position, text) for text in item.warnings]
        self._write_alone(item, outcome)

    def _write_alone(self, item: ImportItem, outcome: ImportReport) -> None:
        checkpoint = self.authorities.checkpoint()
        try:
            with transaction.atomic():
                result = _import_one(
                    item,
                    institution=self.institution,
                    authorities=self.authorities,
                    user=self.user,
                )
        except ValidationError as error:
            self.authorities.forget_since(checkpoint)
            outcome.skipped.append((item.position, "; ".join(error.messages)))
            return
        except DatabaseError as error:
            self.authorities.forget_since(checkpoint)
            outcome.skipped.append((item.position, _refused(error)))
            return
        setattr(outcome, result, getattr(outcome, result) + 1)


def _savepoint(*, needed: bool):
    return transaction.atomic() if needed else contextlib.nullcontext()


def _refused(error: DatabaseError) -> str:
    return _("the database refused the record (%(error)s)") % {"error": error}


def _import_one(
    item: ImportItem,
    *,
    institution: Institution,
    authorities: AuthorityIndex,
    user: AbstractBaseUser | None,
) -> str:
    existing = Resource.objects.filter(
        institution=institution, source_id=item.source_id[:100]
    ).first()
    if item.deleted:
        if existing is None or existing.is_deleted:
            return "unchanged"
        resource_delete(resource=existing, user=user)
        return "deleted"
    if existing is not None and existing.is_deleted:
        raise ValidationError(
            _(
                "a record with this identifier was deleted in the catalogue; "
                "restore it first"
            )
        )
    if existing is not None and existing.original_record == item.original_record:
        return "unchanged"
    data = {**_resource_data(item, authorities), "source_hash": item.fingerprint()}
    if existing is None:
        resource_create(institution=institution, kind=item.kind, data=data, user=user)
        return "created"
    resource_update(resource=existing, data=data, user=user)
    return "updated"
