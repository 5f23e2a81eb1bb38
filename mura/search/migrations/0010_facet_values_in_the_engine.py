"""Facet filters match a key per value in the engine instead of joining a facet table.

Each document's collection, subject, person, place and tag values become keys among its
identifier keys (``text.facet_key``), their labels one row per distinct value
(SearchFacetLabel), and the facet table with a row per document and value goes (a
rebuild of 300,000 records, back to back: 27.5-28.3 s with it, 25.1-26.6 s without; a
smaller database). Existing documents get their keys here and the engine's triggers
index them row by row: on a big index `mura reindex` afterwards is faster."""

from itertools import groupby, islice
from operator import itemgetter

from django.db import migrations, models

from mura.search.text import facet_key


def move_facets(apps, schema_editor):
    facet = apps.get_model("mura_search", "SearchFacet")
    label = apps.get_model("mura_search", "SearchFacetLabel")
    document = apps.get_model("mura_search", "SearchDocument")
    rows = facet.objects.order_by("document_id", "id").values_list(
        "document_id", "name", "value", "label_kk", "label_ru", "label_en"
    )
    labels = {}
    by_document = (
        (document_id, list(values))
        for document_id, values in groupby(
            rows.iterator(chunk_size=2000), key=itemgetter(0)
        )
    )
    while chunk := list(islice(by_document, 500)):
        keys = {}
        for document_id, values in chunk:
            keys[document_id] = [facet_key(name, value) for _, name, value, *_ in values]
            labels.update({(name, value): names for _, name, value, *names in values})
        for pk, current in document.objects.filter(pk__in=keys).values_list(
            "pk", "id_keys"
        ):
            document.objects.filter(pk=pk).update(
                id_keys=" ".join(dict.fromkeys([*current.split(), *keys[pk]]))
            )
    label.objects.bulk_create(
        [
            label(name=name, value=value, label_kk=kk, label_ru=ru, label_en=en)
            for (name, value), (kk, ru, en) in labels.items()
        ],
        batch_size=500,
    )


class Migration(migrations.Migration):
    dependencies = [("mura_search", "0009_column_facets_in_facet_values")]

    operations = [
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
        migrations.RunPython(move_facets, migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchFacet"),
    ]
