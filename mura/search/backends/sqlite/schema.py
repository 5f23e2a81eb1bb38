# ruff: noqa: S608 - SQL is assembled from constants; no value of any reader in it.
"""SQLite's full-text structure over SearchDocument, for the migration that creates it
and the rebuild that pauses and resumes it.

Two external-content FTS5 tables over the analysed keys (no second copy of them):
``mura_search_fts`` over every field, and the small ``mura_search_titles`` over titles
and creators, which carries the prefix index for suggestions and ranks the first page
of words found in many titles. Triggers keep them in step with the documents in the
record's own transaction; an fts5vocab table lists the keys for "did you mean". The
narrow index holds all that counting and ordering read of a document. docs/PERFORMANCE.md
says why each is built as it is."""

from mura.search.tables import DOCUMENT

FTS = "mura_search_fts"
TITLES = "mura_search_titles"
VOCAB = "mura_search_vocab"
NARROW_INDEX = "search_doc_narrow"
NARROW_COLUMNS = (
    "id, is_public, institution_id, kind, language, year, date, boost, facet_values"
)
#: each FTS5 table with the document columns it holds and its options
TABLES = {
    FTS: (("title_keys", "creator_keys", "body_keys", "id_keys"), ""),
    TITLES: (("title_keys", "creator_keys"), ", prefix='3'"),
}
#: the keys are lowercase ASCII letters and digits with spaces between
TOKENIZE = "tokenize='ascii'"
#: bytes of pending terms an FTS5 table collects before writing a segment
HASHSIZE = 16 * 2**20


def _values(row: str, columns: tuple[str, ...]) -> str:
    return ", ".join(f"{row}.{column}" for column in columns)


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return (
        f"INSERT INTO {table}(rowid, {', '.join(columns)}) "
        f"VALUES (new.id, {_values('new', columns)});"
    )


def _delete(table: str, columns: tuple[str, ...]) -> str:
    return (
        f"INSERT INTO {table}({table}, rowid, {', '.join(columns)}) "
        f"VALUES ('delete', old.id, {_values('old', columns)});"
    )


def _trigger(name: str, event: str, *statements: str) -> str:
    body = "\n    ".join(statements)
    return f"CREATE TRIGGER {name} AFTER {event} ON {DOCUMENT} BEGIN\n    {body}\nEND"


def row_triggers() -> dict[str, str]:
    """The triggers a rebuild pauses (insert and delete), by name."""
    triggers = {}
    for table, (columns, _) in TABLES.items():
        triggers[f"{table}_ai"] = _trigger(
            f"{table}_ai", "INSERT", _insert(table, columns)
        )
        triggers[f"{table}_ad"] = _trigger(
            f"{table}_ad", "DELETE", _delete(table, columns)
        )
    return triggers


def update_triggers() -> list[str]:
    """Updates of a document's keys (indexing writes new documents instead)."""
    return [
        _trigger(
            f"{table}_au", "UPDATE", _delete(table, columns), _insert(table, columns)
        )
        for table, (columns, _) in TABLES.items()
    ]


def create() -> list[str]:
    """Statements that create the structure (over an empty document table)."""
    statements = []
    for table, (columns, options) in TABLES.items():
        statements += [
            f"CREATE VIRTUAL TABLE {table} USING fts5({', '.join(columns)}, "
            f"content='{DOCUMENT}', content_rowid='id', {TOKENIZE}{options})",
            f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {HASHSIZE})",
        ]
    statements.append(f"CREATE VIRTUAL TABLE {VOCAB} USING fts5vocab({FTS}, row)")
    statements += [*row_triggers().values(), *update_triggers()]
    statements.append(f"CREATE INDEX {NARROW_INDEX} ON {DOCUMENT} ({NARROW_COLUMNS})")
    return statements


def drop() -> list[str]:
    """Statements that remove the structure."""
    triggers = [*row_triggers(), *(f"{table}_au" for table in TABLES)]
    return [
        f"DROP INDEX IF EXISTS {NARROW_INDEX}",
        *(f"DROP TRIGGER IF EXISTS {name}" for name in triggers),
        f"DROP TABLE IF EXISTS {VOCAB}",
        *(f"DROP TABLE IF EXISTS {table}" for table in TABLES),
    ]
