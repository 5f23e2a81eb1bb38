"""The column facets (kind, institution, language, decade) join the facet values each
document carries, so that counting facets over a sample of matches reads that one
column: the facet query no longer builds a string per match (bench/search_bench.py:
20 -> 7 ms for 5,000 matches of a million). The engine's update triggers are held
meanwhile, as no indexed key changes.

SQLite also gets a narrow index with all but the texts, which counting and ordering
read (the table's rows are wide, and a million of them do not stay in memory: a page
of results at 1M records 11 -> 8 ms, the facet counts 8 -> 6 ms). PostgreSQL does
without: its B-tree entries are limited to about 2.7 kB, which a record with many
subjects could exceed."""

from django.db import migrations

TABLE = "mura_search_searchdocument"
UPDATE_TRIGGERS = ("mura_search_fts_au", "mura_search_titles_au")
NEWLINE = {"sqlite": "char(10)", "postgresql": "chr(10)"}
# What services.facet_values writes: decades rounded down, empty values when unknown.
VALUES = (
    "'kind=' || kind || {nl} || 'institution=' || COALESCE(CAST(institution_id AS text), '')"
    " || {nl} || 'language=' || language || {nl} || 'decade=' || CASE WHEN year IS NULL"
    " THEN '' ELSE CAST(year - ((year % 10) + 10) % 10 AS text) END"
    " || CASE WHEN facet_values = '' THEN '' ELSE {nl} || facet_values END"
)


def fill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    update = f"UPDATE {TABLE} SET facet_values = {VALUES.format(nl=NEWLINE[vendor])}"
    cursor = schema_editor.connection.cursor()
    if vendor == "sqlite":
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (%s, %s)",
            UPDATE_TRIGGERS,
        )
        triggers = [row[0] for row in cursor.fetchall()]
        for name in UPDATE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(update)
        for sql in triggers:
            cursor.execute(sql)
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS search_doc_narrow ON {TABLE} (id, is_public, "
            "institution_id, kind, language, year, date, boost, facet_values)"
        )
        return
    cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER mura_search_vector_update")
    cursor.execute(update)
    cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER mura_search_vector_update")


class Migration(migrations.Migration):
    dependencies = [("mura_search", "0008_fts_ascii_tokenizer")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
