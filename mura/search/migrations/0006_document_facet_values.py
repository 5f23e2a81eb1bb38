"""Each document's facet values (``name=value`` per line) on its own row, so that
counting facets over a sample of matches reads one row per match instead of joining
the facet table (bench/search_bench.py). Filled from the facet table; the engine's
update triggers are held meanwhile, as no indexed key changes."""

from django.db import migrations, models

TABLE = "mura_search_searchdocument"
FACET = "mura_search_searchfacet"
UPDATE_TRIGGERS = ("mura_search_fts_au", "mura_search_titles_au")


def fill(apps, schema_editor):
    cursor = schema_editor.connection.cursor()
    if schema_editor.connection.vendor == "sqlite":
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (%s, %s)",
            UPDATE_TRIGGERS,
        )
        triggers = [row[0] for row in cursor.fetchall()]
        for name in UPDATE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(
            f"UPDATE {TABLE} SET facet_values = COALESCE((SELECT group_concat("
            f"name || '=' || value, char(10)) FROM {FACET} WHERE document_id = {TABLE}.id), '')"
        )
        for sql in triggers:
            cursor.execute(sql)
        return
    cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER mura_search_vector_update")
    cursor.execute(
        f"UPDATE {TABLE} d SET facet_values = f.v FROM (SELECT document_id, "
        f"string_agg(name || '=' || value, chr(10)) AS v FROM {FACET} GROUP BY document_id) f "
        "WHERE f.document_id = d.id"
    )
    cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER mura_search_vector_update")


class Migration(migrations.Migration):
    dependencies = [("mura_search", "0005_titles_table")]

    operations = [
        # ADD COLUMN in place: SQLite would otherwise copy the table, and its engine
        # triggers with it.
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"ALTER TABLE {TABLE} ADD COLUMN facet_values text NOT NULL DEFAULT ''",
                    f"ALTER TABLE {TABLE} DROP COLUMN facet_values",
                )
            ],
            state_operations=[
                migrations.AddField(
                    model_name="searchdocument",
                    name="facet_values",
                    field=models.TextField(
                        blank=True, default="", verbose_name="facet values"
                    ),
                )
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
