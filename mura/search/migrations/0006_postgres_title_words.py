"""PostgreSQL: the GIN index of the titles' words that suggestions read
(``backends/postgres/schema.py``; docs/PERFORMANCE.md). SQLite has its titles table."""

from django.db import migrations

from mura.search.backends.postgres import schema


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in [schema.title_words_function(), *schema.gin_create()]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("mura_search", "0005_postgres_title_vector"),
    ]

    operations = [
        migrations.RunPython(create, migrations.RunPython.noop),
    ]
