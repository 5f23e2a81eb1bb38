"""PostgreSQL: the title vector with its GIN index beside the whole text's
(``backends/postgres/schema.py``; docs/PERFORMANCE.md). SQLite has its titles table."""

from django.db import migrations

from mura.search.backends.postgres import schema


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in schema.create():
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("mura_search", "0004_document_thumbnail"),
    ]

    operations = [
        migrations.RunPython(create, migrations.RunPython.noop),
    ]
