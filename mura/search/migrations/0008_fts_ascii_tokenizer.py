"""SQLite: the FTS5 tables split the stored keys with the 'ascii' tokenizer, and
collect 16 MB of new terms in memory before writing a segment.

The engine never sees text, only the analyser's keys: lowercase letters and digits
separated by spaces. 'ascii' splits them exactly where 'unicode61' did (it keeps every
non-ASCII character in a token, and the keys hold no non-ASCII separator) without
decoding and case-folding each character again: the full-text part of a rebuild of
1,000,000 records took 13 % less time (bench/search_bench.py). A bigger buffer of
pending terms ('hashsize', 1 MB by default) means fewer, larger segments to merge: a
rebuild of 100,000 records 2.0 -> 1.2 s; it only fills that far in a transaction that
writes that much. The triggers refer to the tables by name and stay as they are."""

from django.db import migrations

TABLE = "mura_search_searchdocument"
TOKENIZE = "tokenize='ascii'"
HASHSIZE = 16 * 2**20

FORWARD = [
    "DROP TABLE IF EXISTS mura_search_vocab",
    "DROP TABLE IF EXISTS mura_search_fts",
    f"""CREATE VIRTUAL TABLE mura_search_fts USING fts5(
        title_keys, creator_keys, body_keys, id_keys, content='{TABLE}',
        content_rowid='id', {TOKENIZE})""",
    "CREATE VIRTUAL TABLE mura_search_vocab USING fts5vocab(mura_search_fts, row)",
    "INSERT INTO mura_search_fts(mura_search_fts, rank) "
    f"VALUES ('hashsize', {HASHSIZE})",
    "INSERT INTO mura_search_fts(mura_search_fts) VALUES ('rebuild')",
    "DROP TABLE IF EXISTS mura_search_titles",
    f"""CREATE VIRTUAL TABLE mura_search_titles USING fts5(
        title_keys, creator_keys, content='{TABLE}', content_rowid='id', {TOKENIZE},
        prefix='3')""",
    "INSERT INTO mura_search_titles(mura_search_titles, rank) "
    f"VALUES ('hashsize', {HASHSIZE})",
    "INSERT INTO mura_search_titles(mura_search_titles) VALUES ('rebuild')",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in FORWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("mura_search", "0007_fewer_document_indexes")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
