# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""Writing the index: one object at a time (signals), the objects of a block together
(``indexing_deferred``, for imports) or everything (``mura reindex``)."""

import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, models, transaction
from django.utils import timezone

from mura.search import analysis
from mura.search.backends import get_backend
from mura.search.backends.options import SearchOptions
from mura.search.models import SearchDocument, SearchQueryLog
from mura.search.registry import Entry, Registration, registration_for, registrations
from mura.search.tables import DOCUMENT, FACET_LABEL
from mura.search.tasks import query_log_prune_task
from mura.search.vocabulary import vocabulary

Progress = Callable[[str, int, int], None]


#: model → ids saved or deleted inside ``indexing_deferred``, indexed when it ends
_deferred: ContextVar[dict[type[models.Model], set[int]] | None] = ContextVar(
    "mura_search_deferred", default=None
)


@contextmanager
def indexing_deferred() -> Iterator[None]:
    """Index what is saved or deleted inside the block when the block ends, once per
    object and in batches (an import: a batch reads the records' links with a few
    queries, where indexing each record as it was saved took a dozen). Use it inside the
    transaction that writes the objects, so the index still changes with them; nothing
    is indexed when the block fails or its transaction is set to roll back (a dry run)."""
    if _deferred.get() is not None:  # the outer block indexes
        yield
        return
    pending: dict[type[models.Model], set[int]] = defaultdict(set)
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    if pending and not (connection.in_atomic_block and transaction.get_rollback()):
        documents_refresh(pending)


def documents_refresh(ids: dict[type[models.Model], set[int]]) -> None:
    """Bring the documents of these objects in step with them: the ones that are gone,
    rolled back or unsearchable lose theirs."""
    for model, pks in ids.items():
        registration = registration_for(model)
        content_type = ContentType.objects.get_for_model(registration.model)
        documents_write(
            pairs=_refreshed(registration, content_type, sorted(pks)),
            content_type=content_type,
        )
    vocabulary.forget()


def _refreshed(
    registration: Registration, content_type: ContentType, pks: list[int]
) -> Iterable[tuple[int, Entry]]:
    """(id, entry) of the searchable objects of ``pks``, a batch at a time, each
    batch's old documents deleted first."""
    size = _batch_size()
    for at in range(0, len(pks), size):
        batch = pks[at : at + size]
        SearchDocument.objects.filter(
            content_type=content_type, object_id__in=batch
        ).delete()
        for obj in registration.queryset().filter(pk__in=batch):
            if (entry := registration.build(obj)) is not None:
                yield obj.pk, entry


def _defer(model: type[models.Model], object_id: int) -> bool:
    """Note the object for the enclosing ``indexing_deferred`` block, if there is one."""
    pending = _deferred.get()
    if pending is not None:
        pending[model].add(object_id)
    return pending is not None


def document_index(*, instance: models.Model) -> None:
    """Bring the object's search document in step with it (or drop it when unsearchable)."""
    registration = registration_for(type(instance))
    if (
        registration is None
        or instance.pk is None
        or _defer(registration.model, instance.pk)
    ):
        return
    content_type = ContentType.objects.get_for_model(registration.model)
    entry = registration.build(instance)
    with transaction.atomic():
        SearchDocument.objects.filter(
            content_type=content_type, object_id=instance.pk
        ).delete()
        if entry is not None:
            batch = [(instance.pk, entry)]
            _write(
                batch, analysis.analyse_fields(_texts(batch)), content_type.pk, _now()
            )
    vocabulary.forget()


def documents_index(*, objects: Sequence[models.Model]) -> None:
    """Write the documents of objects of one model now, built from the instances
    given: for objects whose links are all in memory (a batch just stored), which
    would otherwise be read again at the end of an ``indexing_deferred`` block."""
    if not objects:
        return
    registration = registration_for(type(objects[0]))
    content_type = ContentType.objects.get_for_model(registration.model)
    with transaction.atomic():
        SearchDocument.objects.filter(
            content_type=content_type, object_id__in=[obj.pk for obj in objects]
        ).delete()
        documents_write(
            pairs=(
                (obj.pk, entry)
                for obj in objects
                if (entry := registration.build(obj)) is not None
            ),
            content_type=content_type,
        )


def document_remove(*, model: type[models.Model], object_id: int) -> None:
    registration = registration_for(model)
    if registration is None or _defer(registration.model, object_id):
        return
    content_type = ContentType.objects.get_for_model(registration.model)
    SearchDocument.objects.filter(
        content_type=content_type, object_id=object_id
    ).delete()
    vocabulary.forget()


def _batch_size() -> int:
    """Objects read, analysed and written together (``SearchOptions.index_batch``)."""
    return SearchOptions.from_settings().index_batch


def _batches(objects: Iterable[models.Model]) -> Iterable[list[models.Model]]:
    size = _batch_size()
    batch: list[models.Model] = []
    for obj in objects:
        batch.append(obj)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# Rows are written in this column order; the analysed keys come last.
_ROW_COLUMNS = [
    "id",
    "content_type_id",
    "object_id",
    "kind",
    "title",
    "creators",
    "body",
    "identifiers",
    "institution_id",
    "language",
    "date",
    "year",
    "has_image",
    "thumbnail",
    "is_public",
    "url",
    "boost",
    "group_key",
    "indexed_at",
    "facet_values",
    "id_keys",
    "title_keys",
    "creator_keys",
    "body_keys",
]
_DOCUMENT_SQL = (
    f"INSERT INTO {DOCUMENT} ({', '.join(_ROW_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(_ROW_COLUMNS))})"
)
# The newest labels of a facet value win (an authority renamed since).
_LABEL_SQL = (
    f"INSERT INTO {FACET_LABEL} (name, value, label_kk, label_ru, label_en) "
    "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (name, value) DO UPDATE SET "
    "label_kk = excluded.label_kk, label_ru = excluded.label_ru, "
    "label_en = excluded.label_en"
)
#: Batches handed to the analysis workers ahead of the one being written.
AHEAD = 8


def _reserve_ids(cursor, count: int) -> list[int]:
    """Primary keys for ``count`` new documents (inside the batch's transaction)."""
    table = DOCUMENT
    if connection.vendor == "postgresql":
        cursor.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
            "FROM generate_series(1, %s)",
            [count],
        )
        return [row[0] for row in cursor.fetchall()]
    # SQLite: the write transaction holds the database lock, so the ids stay ours; past
    # every id ever committed (AUTOINCREMENT's counter), so none is used twice.
    cursor.execute(
        f"SELECT MAX(COALESCE(MAX(id), 0), COALESCE((SELECT seq FROM sqlite_sequence "
        f"WHERE name = '{table}'), 0)) FROM {table}"
    )
    first = cursor.fetchone()[0] + 1
    return list(range(first, first + count))


def _now():
    return connection.ops.adapt_datetimefield_value(timezone.now())


def _row(
    pk: int, object_id: int, entry: Entry, content_type_id: int, now, adapt
) -> list:
    """The document's values in ``_ROW_COLUMNS`` order, up to the analysed keys
    (``adapt`` is the database's date adapter)."""
    year = (
        entry.year
        if entry.year is not None
        else (entry.date.year if entry.date else None)
    )
    identifiers = [
        *filter(None, map(analysis.identifier_key, entry.identifiers)),
        *(analysis.facet_key(f.name, f.value) for f in entry.facets),
    ]
    return [
        pk,
        content_type_id,
        object_id,
        entry.kind,
        entry.title[:2000],
        entry.creators,
        entry.body,
        " · ".join(entry.identifiers),
        entry.institution_id,
        entry.language,
        adapt(entry.date),
        year,
        entry.has_image,
        entry.thumbnail[:500] or None,
        entry.is_public,
        entry.url[:500],
        entry.boost,
        entry.group[:64] or None,
        now,
        facet_values(entry, year),
        " ".join(dict.fromkeys(identifiers)),
    ]


def facet_values(entry: Entry, year: int | None) -> str:
    """Every facet value of a document as ``name=value`` lines, the column facets first
    (an empty value when it has none): counting reads this one column per match."""
    decade = "" if year is None else str(year // 10 * 10)
    lines = [
        f"kind={entry.kind}",
        f"institution={entry.institution_id or ''}",
        f"language={entry.language}",
        f"decade={decade}",
        *(f"{f.name}={f.value}" for f in entry.facets),
    ]
    return "\n".join(dict.fromkeys(lines))


def _texts(batch: list[tuple[int, Entry]]) -> list[tuple[str, str, str, str]]:
    return [(e.title, e.creators, e.body, e.language) for _, e in batch]


def _write(batch, analysed, content_type_id: int, now, written=None) -> None:
    """Store a batch of documents; ``written`` (kept by a rebuild across its batches)
    holds the spelling pairs and facet labels already written, most recur."""
    keys, spellings = analysed
    labels = {
        (f.name, f.value): (f.label_kk, f.label_ru, f.label_en)
        for _, entry in batch
        for f in entry.facets
    }
    with transaction.atomic(), connection.cursor() as cursor:
        if written is not None:
            spellings = spellings - written.spellings
            written.spellings |= spellings
            labels = {k: v for k, v in labels.items() if written.labels.get(k) != v}
            written.labels.update(labels)
        get_backend().spellings_add(spellings)
        ids = _reserve_ids(cursor, len(batch))
        adapt = connection.ops.adapt_datetimefield_value
        rows = [
            [*_row(pk, object_id, entry, content_type_id, now, adapt), *field_keys]
            for pk, (object_id, entry), field_keys in zip(ids, batch, keys, strict=True)
        ]
        cursor.executemany(_DOCUMENT_SQL, rows)
        if labels:
            cursor.executemany(
                _LABEL_SQL,
                [[*name_value, *names] for name_value, names in labels.items()],
            )


@dataclass
class _Written:
    """What a rebuild has written so far that recurs from batch to batch."""

    spellings: set[tuple[str, str]] = field(default_factory=set)
    labels: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)


def documents_write(
    *, pairs: Iterable[tuple[int, Entry]], content_type: ContentType
) -> int:
    """Insert documents for (object id, entry) pairs in batches (the index must not hold them).

    Rows go in with executemany, not through model instances: building and adapting
    instances cost more than SQLite spent storing them (bench/search_bench.py). The
    text is analysed in worker processes once there is more than a little of it, while
    this process reads the next objects and writes the previous batch."""
    now = _now()
    written = 0
    recurring = _Written()
    with analysis.AnalysisPool() as pool:
        pending: deque = deque()
        for batch in _batches(pairs):  # type: ignore[arg-type]
            pending.append((batch, pool.submit(_texts(batch))))
            while len(pending) > AHEAD or (pending and pending[0][1].done()):
                done, keys = pending.popleft()
                _write(done, keys.result(), content_type.pk, now, recurring)
                written += len(done)
        for done, keys in pending:
            _write(done, keys.result(), content_type.pk, now, recurring)
            written += len(done)
    vocabulary.forget()
    return written


def _entries(
    registration: Registration, progress: Progress | None
) -> Iterable[tuple[int, Entry]]:
    objects = registration.queryset()
    total = objects.count() if hasattr(objects, "count") else 0
    label = registration.model._meta.verbose_name_plural
    for done, obj in enumerate(
        objects.iterator(chunk_size=_batch_size())
        if hasattr(objects, "iterator")
        else objects,
        1,
    ):
        entry = registration.build(obj)
        if entry is not None:
            yield obj.pk, entry
        if progress and (done % 100 == 0 or done == total):
            progress(str(label), done, total)


def index_rebuild(*, progress: Progress | None = None) -> dict[str, float]:
    """Empty the index and build it again from every registered model."""
    started = time.perf_counter()
    backend = get_backend()
    backend.rebuild_begin()
    counts: dict[str, float] = {}
    try:
        for registration in registrations():
            content_type = ContentType.objects.get_for_model(registration.model)
            written = documents_write(
                pairs=_entries(registration, progress), content_type=content_type
            )
            counts[str(registration.model._meta.verbose_name_plural)] = written
    finally:
        backend.rebuild_end()
    vocabulary.forget()
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts


#: a query log row, committed without waiting for the write-ahead log's flush (the
#: setting holds for this statement's own transaction)
_LOG_UNFLUSHED = (
    "WITH unflushed AS (SELECT set_config('synchronous_commit', 'off', true)) "
    f"INSERT INTO {SearchQueryLog._meta.db_table} (query, normalised, filters, "
    "result_count, took_ms, source, created_at) "
    "SELECT %s, %s, %s, %s, %s, %s, %s FROM unflushed"
)


def query_log(
    *, query: str, filters: str, result_count: int, took_ms: int, source: str
) -> None:
    """Remember what was searched and how many records it found; nothing about who.

    The day's first search also queues the pruning of queries older than
    ``MURA_SEARCH_LOG_DAYS``."""
    typed = analysis.reader_text(query, 300)
    values = {
        "query": typed,
        "normalised": query_normalised(typed),
        "filters": filters[:300],
        "result_count": result_count,
        "took_ms": took_ms,
        "source": source,
    }
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # One statement that does not wait for the disk: a crash may lose the last
        # moments' rows, while the write-ahead log's flush cost a search more than its
        # statements (docs/PERFORMANCE.md).
        with connection.cursor() as cursor:
            cursor.execute(_LOG_UNFLUSHED, [*values.values(), timezone.now()])
    else:
        SearchQueryLog.objects.create(**values)
    today = timezone.localdate().isoformat()
    if cache.add(f"mura:search:log-pruned:{today}", True, 2 * 86400):
        transaction.on_commit(lambda: query_log_prune_task.enqueue(today))


def query_normalised(query: str) -> str:
    """A query as the engine reads it: its words in lowercase, one space apart."""
    return " ".join(word.lower() for word in analysis.words(query))[:300]
