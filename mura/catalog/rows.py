# ruff: noqa: S608 - SQL is assembled from the model's names; values are parameters.
"""Inserting many new rows in few statements, for the importer's batches.

Django's ``bulk_create`` compiles every value through its query compiler; for an
import that cost more than the database spent storing the rows. Here values go in
as the instances hold them, except where their field must adapt them (dates, JSON,
UUIDs)."""

from collections.abc import Sequence

from django.db import connections, models, router

#: Field types whose Python values every database driver takes as they are.
AS_IS = frozenset(
    {
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "ForeignKey",
        "IntegerField",
        "ParentalKey",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallIntegerField",
        "TextField",
    }
)
#: Rows per statement: SQLite allows 32,766 parameters a statement.
ROWS_PER_INSERT = 250


def rows_insert(objects: Sequence[models.Model]) -> None:
    """Insert new objects of one model (no signals, as ``bulk_create``) and set
    their primary keys."""
    if not objects:
        return
    model = type(objects[0])
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    as_is = [field.get_internal_type() in AS_IS for field in fields]
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    statement = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) VALUES "
    )
    returning = f" RETURNING {quote(model._meta.pk.column)}"
    with connection.cursor() as cursor:
        for at in range(0, len(objects), ROWS_PER_INSERT):
            chunk = objects[at : at + ROWS_PER_INSERT]
            values = []
            for obj in chunk:
                # Links to objects stored since they were set take their keys now.
                obj._prepare_related_fields_for_save(operation_name="rows_insert")
                values += [
                    getattr(obj, field.attname)
                    if plain
                    else field.get_db_prep_save(field.pre_save(obj, True), connection)
                    for field, plain in zip(fields, as_is, strict=True)
                ]
            cursor.execute(
                statement + ", ".join([row] * len(chunk)) + returning, values
            )
            for obj, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = connection.alias
