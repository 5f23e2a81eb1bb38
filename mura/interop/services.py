"""Importing mapped records into the catalogue through the catalogue's own services,
so validation, history and search indexing happen exactly as for an admin edit."""

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, router, transaction
from django.utils.translation import gettext as _

from mura.catalog.models import Organisation, Person, Place, Resource, Subject
from mura.catalog.services import resource_create, resource_delete, resource_update
from mura.institutions.models import Institution
from mura.interop.records import ImportItem, Position, RecordProblem, name_key
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


class AuthorityIndex:
    """Find-or-create authorities by normalised name; one query per model per import."""

    def __init__(self) -> None:
        self._keys: dict[type[models.Model], dict[str, int]] = {}
        self._created: list[tuple[type[models.Model], str]] = []

    def _index(self, model: type[models.Model]) -> dict[str, int]:
        if model not in self._keys:
            keys: dict[str, int] = {}
            for pk, *names in model.objects.values_list(
                "pk", "name_kk", "name_ru", "name_en"
            ):
                for name in names:
                    if name:
                        keys.setdefault(name_key(name), pk)
            self._keys[model] = keys
        return self._keys[model]

    def get(
        self, model: type[models.Model], name: str, *, language: str, dates: str = ""
    ) -> models.Model:
        key = name_key(name)
        keys = self._index(model)
        if key in keys:
            return model.from_db(router.db_for_write(model), ["id"], [keys[key]])
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
        authority.save()
        keys[key] = authority.pk
        self._created.append((model, key))
        return authority

    def checkpoint(self) -> int:
        return len(self._created)

    def forget_since(self, checkpoint: int) -> None:
        """A record's savepoint was rolled back: its new authorities are gone too."""
        for model, key in self._created[checkpoint:]:
            self._keys[model].pop(key, None)
        del self._created[checkpoint:]


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
    data = _resource_data(item, authorities)
    if existing is None:
        resource_create(institution=institution, kind=item.kind, data=data, user=user)
        return "created"
    resource_update(resource=existing, data=data, user=user)
    return "updated"


#: An import commits a batch when it holds this many records or has taken this long,
#: so a writer waiting for SQLite's lock (a reader's comment, the task worker) waits
#: about that long, never for the whole file.
BATCH_RECORDS = 200
BATCH_SECONDS = 0.25
#: Between batches on SQLite the lock is left free this long: a writer waiting for it
#: polls about every 100 ms, and with a shorter gap readers' writes (a comment form's
#: CAPTCHA code, a search's log row) missed it now and then (docs/PERFORMANCE.md).
SQLITE_PAUSE = 0.25


def records_import(
    *,
    institution: Institution,
    items: Iterable[ImportItem | RecordProblem],
    dry_run: bool = False,
    user: AbstractBaseUser | None = None,
    batch_records: int = BATCH_RECORDS,
    batch_seconds: float = BATCH_SECONDS,
) -> ImportReport:
    """Create or update one record per item, matched on institution + source identifier.

    Records are committed in batches (``batch_records`` or ``batch_seconds``, whichever
    comes first), each with its search documents, so the index always matches what is
    committed. A record that fails is rolled back alone (a savepoint each) and reported
    with its position; with ``dry_run`` every batch is rolled back, so nothing is
    written (a record repeated in the file is then counted once per batch it is in)."""
    report = ImportReport(dry_run=dry_run)
    authorities = AuthorityIndex()
    iterator = iter(items)
    connection = transaction.get_connection(router.db_for_write(Resource))
    while _import_batch(
        iterator,
        report=report,
        institution=institution,
        authorities=authorities,
        user=user,
        dry_run=dry_run,
        limit=batch_records,
        seconds=batch_seconds,
    ):
        if connection.vendor == "sqlite" and not connection.in_atomic_block:
            time.sleep(SQLITE_PAUSE)
    return report


def _import_batch(
    items: Iterator[ImportItem | RecordProblem],
    *,
    report: ImportReport,
    institution: Institution,
    authorities: AuthorityIndex,
    user: AbstractBaseUser | None,
    dry_run: bool,
    limit: int,
    seconds: float,
) -> bool:
    """Import items into ``report`` until the batch is full; True while items remain."""
    started = time.monotonic()
    checkpoint = authorities.checkpoint()
    remaining = False
    # The batch's search documents are written at its end, in its transaction.
    with transaction.atomic(), indexing_deferred():
        for count, item in enumerate(items, 1):
            _import_item(
                item,
                report=report,
                institution=institution,
                authorities=authorities,
                user=user,
            )
            if count >= limit or time.monotonic() - started >= seconds:
                remaining = True
                break
        if dry_run:
            transaction.set_rollback(True)
    if dry_run:
        authorities.forget_since(checkpoint)
    return remaining


def _import_item(
    item: ImportItem | RecordProblem,
    *,
    report: ImportReport,
    institution: Institution,
    authorities: AuthorityIndex,
    user: AbstractBaseUser | None,
) -> None:
    if isinstance(item, RecordProblem):
        report.skipped.append((item.position, item.reason))
        return
    report.warnings += [(item.position, warning) for warning in item.warnings]
    checkpoint = authorities.checkpoint()
    try:
        with transaction.atomic():
            outcome = _import_one(
                item, institution=institution, authorities=authorities, user=user
            )
    except ValidationError as error:
        authorities.forget_since(checkpoint)
        report.skipped.append((item.position, "; ".join(error.messages)))
        return
    except DatabaseError as error:  # e.g. a value the database refuses
        authorities.forget_since(checkpoint)
        reason = _("the database refused the record (%(error)s)")
        report.skipped.append((item.position, reason % {"error": error}))
        return
    setattr(report, outcome, getattr(report, outcome) + 1)
