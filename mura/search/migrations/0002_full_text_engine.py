"""The full-text structure over SearchDocument's analysed keys, per database engine.

SQLite: an external-content FTS5 table (no second copy of the keys) kept in step by
triggers, plus an fts5vocab view for "did you mean". PostgreSQL: a weighted tsvector
column filled by a trigger ('simple' configuration: the keys are already analysed),
with a GIN index. Either way the database keeps the index in the record's transaction.
"""

from django.db import migrations

TABLE = "mura_search_searchdocument"
COLUMNS = "title_keys, creator_keys, body_keys, id_keys"

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE mura_search_fts USING fts5(
        {COLUMNS}, content='{TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='3 4 5')""",
    f"""CREATE TRIGGER mura_search_fts_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO mura_search_fts(rowid, {COLUMNS})
        VALUES (new.id, new.title_keys, new.creator_keys, new.body_keys, new.id_keys);
    END""",
    f"""CREATE TRIGGER mura_search_fts_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO mura_search_fts(mura_search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title_keys, old.creator_keys, old.body_keys, old.id_keys);
    END""",
    f"""CREATE TRIGGER mura_search_fts_au AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO mura_search_fts(mura_search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, old.title_keys, old.creator_keys, old.body_keys, old.id_keys);
        INSERT INTO mura_search_fts(rowid, {COLUMNS})
        VALUES (new.id, new.title_keys, new.creator_keys, new.body_keys, new.id_keys);
    END""",
    "CREATE VIRTUAL TABLE mura_search_vocab USING fts5vocab(mura_search_fts, row)",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS mura_search_vocab",
    "DROP TRIGGER IF EXISTS mura_search_fts_au",
    "DROP TRIGGER IF EXISTS mura_search_fts_ad",
    "DROP TRIGGER IF EXISTS mura_search_fts_ai",
    "DROP TABLE IF EXISTS mura_search_fts",
]

POSTGRES_FORWARD = [
    f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector",
    """CREATE FUNCTION mura_search_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('simple', NEW.title_keys), 'A')
            || setweight(to_tsvector('simple', NEW.creator_keys), 'B')
            || setweight(to_tsvector('simple', NEW.id_keys), 'C')
            || setweight(to_tsvector('simple', NEW.body_keys), 'D');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    f"""CREATE TRIGGER mura_search_vector_update BEFORE INSERT OR UPDATE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION mura_search_vector()""",
    f"CREATE INDEX mura_search_vector_gin ON {TABLE} USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    f"DROP TRIGGER IF EXISTS mura_search_vector_update ON {TABLE}",
    "DROP FUNCTION IF EXISTS mura_search_vector()",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("mura_search", "0001_search_index")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
