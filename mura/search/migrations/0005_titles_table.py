"""SQLite: a small FTS5 table over titles and creators, and no prefix index on the big one.

Measured in bench/search_bench.py at 1,000,000 records: ranking a frequent word over
every match of the whole text took 558 ms, while most first pages are title and creator
matches; suggestions only look at titles. The titles table carries the prefix index
(the main table's made every insert dearer) and ranks the first pages of words that
occur in many titles. PostgreSQL keeps its one weighted tsvector."""

from django.db import migrations

TABLE = "mura_search_searchdocument"
COLUMNS = "title_keys, creator_keys, body_keys, id_keys"
TOKENIZE = "tokenize='unicode61 remove_diacritics 0'"

FORWARD = [
    "DROP TABLE IF EXISTS mura_search_vocab",
    "DROP TABLE IF EXISTS mura_search_fts",
    f"""CREATE VIRTUAL TABLE mura_search_fts USING fts5(
        {COLUMNS}, content='{TABLE}', content_rowid='id', {TOKENIZE})""",
    "CREATE VIRTUAL TABLE mura_search_vocab USING fts5vocab(mura_search_fts, row)",
    "INSERT INTO mura_search_fts(mura_search_fts) VALUES ('rebuild')",
    f"""CREATE VIRTUAL TABLE mura_search_titles USING fts5(
        title_keys, creator_keys, content='{TABLE}', content_rowid='id', {TOKENIZE},
        prefix='3')""",
    f"""CREATE TRIGGER mura_search_titles_ai AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO mura_search_titles(rowid, title_keys, creator_keys)
        VALUES (new.id, new.title_keys, new.creator_keys);
    END""",
    f"""CREATE TRIGGER mura_search_titles_ad AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO mura_search_titles(mura_search_titles, rowid, title_keys, creator_keys)
        VALUES ('delete', old.id, old.title_keys, old.creator_keys);
    END""",
    f"""CREATE TRIGGER mura_search_titles_au AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO mura_search_titles(mura_search_titles, rowid, title_keys, creator_keys)
        VALUES ('delete', old.id, old.title_keys, old.creator_keys);
        INSERT INTO mura_search_titles(rowid, title_keys, creator_keys)
        VALUES (new.id, new.title_keys, new.creator_keys);
    END""",
    "INSERT INTO mura_search_titles(mura_search_titles) VALUES ('rebuild')",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in FORWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("mura_search", "0004_latin_spellings")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
