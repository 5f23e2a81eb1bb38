"""The search index's tables, and each engine's full-text structure over them.

The structure comes from the same ``schema`` modules the backends use to pause and
resume it during a rebuild; docs/PERFORMANCE.md says why it is built as it is."""

import django.db.models.deletion
from django.db import migrations, models

from mura.search.backends.postgres import schema as postgres
from mura.search.backends.sqlite import schema as sqlite

SCHEMAS = {"sqlite": sqlite, "postgresql": postgres}


def _run(step: str):
    def run(apps, schema_editor):
        schema = SCHEMAS.get(schema_editor.connection.vendor)
        for statement in getattr(schema, step)() if schema else []:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("institutions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchQueryLog",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("query", models.CharField(max_length=300, verbose_name="query")),
                (
                    "filters",
                    models.CharField(
                        blank=True, max_length=300, verbose_name="filters"
                    ),
                ),
                ("result_count", models.PositiveIntegerField(verbose_name="results")),
                ("took_ms", models.PositiveIntegerField(verbose_name="time, ms")),
                (
                    "source",
                    models.CharField(
                        default="page", max_length=8, verbose_name="source"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        auto_now_add=True, db_index=True, verbose_name="searched at"
                    ),
                ),
            ],
            options={
                "verbose_name": "search query",
                "verbose_name_plural": "search queries",
                "ordering": ["-created_at"],
            },
        ),
        migrations.CreateModel(
            name="SearchFacetLabel",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("name", models.CharField(max_length=16, verbose_name="facet")),
                ("value", models.CharField(max_length=64, verbose_name="value")),
                (
                    "label_kk",
                    models.CharField(max_length=300, verbose_name="label (Kazakh)"),
                ),
                (
                    "label_ru",
                    models.CharField(
                        blank=True, max_length=300, verbose_name="label (Russian)"
                    ),
                ),
                (
                    "label_en",
                    models.CharField(
                        blank=True, max_length=300, verbose_name="label (English)"
                    ),
                ),
            ],
            options={
                "verbose_name": "facet value",
                "verbose_name_plural": "facet values",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("name", "value"), name="search_facet_label_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchSpelling",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("key", models.CharField(max_length=100, verbose_name="spelling key")),
                (
                    "form",
                    models.CharField(max_length=200, verbose_name="exact form key"),
                ),
            ],
            options={
                "verbose_name": "Latin spelling",
                "verbose_name_plural": "Latin spellings",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("key", "form"), name="search_spelling_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField(verbose_name="object id")),
                ("kind", models.CharField(max_length=32, verbose_name="kind")),
                ("title", models.TextField(verbose_name="title")),
                ("creators", models.TextField(blank=True, verbose_name="creators")),
                ("body", models.TextField(blank=True, verbose_name="text")),
                (
                    "identifiers",
                    models.TextField(blank=True, verbose_name="identifiers"),
                ),
                (
                    "language",
                    models.CharField(blank=True, max_length=8, verbose_name="language"),
                ),
                (
                    "date",
                    models.DateTimeField(blank=True, null=True, verbose_name="date"),
                ),
                (
                    "year",
                    models.SmallIntegerField(
                        blank=True, null=True, verbose_name="year"
                    ),
                ),
                (
                    "has_image",
                    models.BooleanField(default=False, verbose_name="has an image"),
                ),
                ("is_public", models.BooleanField(default=True, verbose_name="public")),
                ("url", models.CharField(max_length=500, verbose_name="address")),
                ("boost", models.FloatField(default=1.0, verbose_name="boost")),
                ("title_keys", models.TextField(blank=True, verbose_name="title keys")),
                (
                    "creator_keys",
                    models.TextField(blank=True, verbose_name="creator keys"),
                ),
                ("body_keys", models.TextField(blank=True, verbose_name="text keys")),
                (
                    "id_keys",
                    models.TextField(blank=True, verbose_name="identifier keys"),
                ),
                (
                    "indexed_at",
                    models.DateTimeField(auto_now=True, verbose_name="indexed"),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="contenttypes.contenttype",
                        verbose_name="content type",
                    ),
                ),
                (
                    "institution",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="institutions.institution",
                        verbose_name="institution",
                    ),
                ),
                (
                    "facet_values",
                    models.TextField(
                        blank=True, default="", verbose_name="facet values"
                    ),
                ),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
                "indexes": [
                    models.Index(
                        fields=["is_public", "kind"], name="search_doc_public_kind"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id"),
                        name="search_document_unique_object",
                    )
                ],
            },
        ),
        migrations.RunPython(_run("create"), _run("drop")),
    ]
