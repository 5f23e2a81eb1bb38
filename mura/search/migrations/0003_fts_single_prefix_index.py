"""FTS5 with one prefix index (3 characters) instead of three.

Measured in bench/search_bench.py: prefix indexes for 3, 4 and 5 characters made every
insert about three times dearer, while suggestions only need the shortest prefixes
indexed (longer ones are found quickly by scanning the term b-tree)."""

from django.db import migrations

TABLE = "mura_search_searchdocument"
COLUMNS = "title_keys, creator_keys, body_keys, id_keys"

FORWARD = [
    "DROP TABLE IF EXISTS mura_search_vocab",
    "DROP TABLE IF EXISTS mura_search_fts",
    f"""CREATE VIRTUAL TABLE mura_search_fts USING fts5(
        {COLUMNS}, content='{TABLE}', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='3')""",
    "CREATE VIRTUAL TABLE mura_search_vocab USING fts5vocab(mura_search_fts, row)",
    "INSERT INTO mura_search_fts(mura_search_fts) VALUES ('rebuild')",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in FORWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("mura_search", "0002_full_text_engine")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
