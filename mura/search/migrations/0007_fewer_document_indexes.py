"""Drop the indexes no search uses, which every indexed record paid for.

Searches reach documents by id; the unique (content type, object id) and the facet
table's (document, name) index serve what the dropped foreign-key indexes served.
The indexes are dropped by name rather than through AlterField, which on SQLite copies
the table and would lose the engine's triggers."""

import django.db.models.deletion
from django.db import migrations, models

DROPPED = {
    "mura_search_searchdocument_kind_1944aeca": ("mura_search_searchdocument", "kind"),
    "mura_search_searchdocument_language_3593d5d4": (
        "mura_search_searchdocument",
        "language",
    ),
    "mura_search_searchdocument_year_5c61f101": ("mura_search_searchdocument", "year"),
    "mura_search_searchdocument_content_type_id_4dedada3": (
        "mura_search_searchdocument",
        "content_type_id",
    ),
    "mura_search_searchfacet_document_id_6d905322": (
        "mura_search_searchfacet",
        "document_id",
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("mura_search", "0006_document_facet_values"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}"',
                    f'CREATE INDEX "{name}" ON "{table}" ("{column}")',
                )
                for name, (table, column) in DROPPED.items()
            ]
            # PostgreSQL's pattern-matching twins of the text columns' indexes.
            + [
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{name}_like"', migrations.RunSQL.noop
                )
                for name in DROPPED
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="searchdocument",
                    name="content_type",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="contenttypes.contenttype",
                        verbose_name="content type",
                    ),
                ),
                migrations.AlterField(
                    model_name="searchdocument",
                    name="kind",
                    field=models.CharField(max_length=32, verbose_name="kind"),
                ),
                migrations.AlterField(
                    model_name="searchdocument",
                    name="language",
                    field=models.CharField(
                        blank=True, max_length=8, verbose_name="language"
                    ),
                ),
                migrations.AlterField(
                    model_name="searchdocument",
                    name="year",
                    field=models.SmallIntegerField(
                        blank=True, null=True, verbose_name="year"
                    ),
                ),
                migrations.AlterField(
                    model_name="searchfacet",
                    name="document",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="facets",
                        to="mura_search.searchdocument",
                        verbose_name="document",
                    ),
                ),
            ],
        )
    ]
