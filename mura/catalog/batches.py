"""Storing many validated records at once: what `resource_save` does for one record
(the row, its links and copies, subjects and collections, a revision and a history
entry, the search document), with a few statements for a whole batch. The importer
writes through here; a record with digital files goes through `resource_save`."""

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_field_value,
)
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, Revision

from mura.catalog.editions import editions_link
from mura.catalog.models import (
    Authority,
    Holding,
    Resource,
    ResourceAgent,
    ResourcePlace,
)
from mura.catalog.rows import rows_insert
from mura.catalog.search_index import document_index, documents_index
from mura.catalog.tasks import authorities_index as authorities_index_task
from mura.portal.content_version import content_changed

#: The child relations stored here; a record holding others (files) is not batched.
BATCHED_CHILDREN = {
    "agents": ResourceAgent,
    "places": ResourcePlace,
    "holdings": Holding,
}
BATCHED_M2M = ("subjects", "collections")
#: Rows per UPDATE: SQLite allows 32,766 parameters a statement.
UPDATE_BATCH = 60


def can_batch(resource: Resource) -> bool:
    """Whether `resources_store` writes all that was given to the record (not files)."""
    return "files" not in resource._cluster_related_objects


def resources_store(
    *,
    resources: Sequence[Resource],
    user: AbstractBaseUser | None = None,
) -> None:
    """Store records already checked by `resource_validate` (new and changed ones
    together), each with its links, a revision and a history entry, and link them
    to their editions, in the caller's transaction. A new record that starts an
    edition of its own is indexed from memory here, and so are the records of an
    edition others joined that are not its public description (they have none); the
    documents of the others follow with the enclosing ``indexing_deferred`` block."""
    if not resources:
        return
    now = timezone.now()
    new = [resource for resource in resources if resource.pk is None]
    changed = [resource for resource in resources if resource.pk is not None]
    with transaction.atomic():
        rows_insert(new)
        if changed:
            _update_rows(changed, now=now)
        _replace_children(resources, changed_ids=[r.pk for r in changed])
        _record_revisions(resources, new_ids={r.pk for r in new}, user=user, now=now)
        linked = editions_link(resources=resources)
        in_memory = [resource for resource in new if resource.pk in linked.alone]
        documents_index(objects=in_memory)
    # Stored without a save's signals: the pages that show records change here.
    content_changed()
    done = linked.indexed | {resource.pk for resource in in_memory}
    for resource in resources:
        if resource.pk not in done:
            document_index(instance=resource)


def authorities_insert(*, authorities: Sequence[Authority]) -> None:
    """Insert new authorities, validated, of one model: without a save's signals, so
    without being indexed (`authorities_index` does that for a batch of them)."""
    rows_insert(authorities)


def authorities_index(*, authorities: Sequence[Authority]) -> None:
    """Index authorities stored by `authorities_insert` as saving each would have: the
    public search's documents (with the enclosing ``indexing_deferred`` block), and the
    admin choosers' Wagtail index with one task a model rather than one each. A new
    authority has no records of its own to index again: the batch that names it
    indexes its records itself."""
    by_model: dict[type[Authority], list[int]] = defaultdict(list)
    for authority in authorities:
        by_model[type(authority)].append(authority.pk)
        document_index(instance=authority)
    for model, ids in by_model.items():
        authorities_index_task.enqueue(model._meta.label, ids)
    if authorities:
        content_changed()


def _update_rows(resources: Sequence[Resource], *, now) -> None:
    for resource in resources:
        resource.updated_at = now
    names = [
        field.name
        for field in Resource._meta.concrete_fields
        if not field.primary_key
        and field.name not in ("public_id", "created_at", "latest_revision")
    ]
    Resource.objects.bulk_update(resources, names, batch_size=UPDATE_BATCH)


def _replace_children(resources: Sequence[Resource], *, changed_ids: list[int]) -> None:
    """Links, copies and the many-to-many sets given to the records, as modelcluster's
    commit leaves them (a relation not given to a changed record is kept as it is)."""
    changed = set(changed_ids)
    for name, model in BATCHED_CHILDREN.items():
        given = [r for r in resources if name in r._cluster_related_objects]
        replaced = [r.pk for r in given if r.pk in changed]
        if replaced:
            model.objects.filter(resource_id__in=replaced).delete()
        rows = []
        for resource in given:
            for order, child in enumerate(resource._cluster_related_objects[name]):
                child.pk = None
                child.resource = resource
                child.sort_order = order
                rows.append(child)
        rows_insert(rows)
    for name in BATCHED_M2M:
        through = getattr(Resource, name).through
        target = f"{Resource._meta.get_field(name).related_model._meta.model_name}_id"
        given = [r for r in resources if name in r._cluster_related_objects]
        replaced = [r.pk for r in given if r.pk in changed]
        if replaced:
            through.objects.filter(resource_id__in=replaced).delete()
        rows_insert(
            [
                through(resource_id=resource.pk, **{target: other.pk})
                for resource in given
                for other in resource._cluster_related_objects[name]
            ]
        )


def _record_revisions(
    resources: Sequence[Resource],
    *,
    new_ids: set[int],
    user: AbstractBaseUser | None,
    now,
) -> None:
    """A revision and a "created"/"edited" history entry per record, as
    `save_revision(log_action=...)` writes them one at a time."""
    base_type = ContentType.objects.get_for_model(Resource)
    for resource in resources:
        if resource.pk in new_ids:
            # A new record holds no other children: say so, rather than ask for them.
            names = [r.get_accessor_name() for r in get_all_child_relations(resource)]
            names += [f.name for f in get_all_child_m2m_relations(resource)]
            for name in names:
                if name not in resource._cluster_related_objects:
                    setattr(resource, name, [])
    revisions = [
        Revision(
            content_type=ContentType.objects.get_for_model(
                resource, for_concrete_model=False
            ),
            base_content_type=base_type,
            object_id=str(resource.pk),
            user=user,
            content=_serialisable_data(resource),
            object_str=str(resource)[:255],
            created_at=now,
        )
        for resource in resources
    ]
    rows_insert(revisions)
    for resource, revision in zip(resources, revisions, strict=True):
        resource.latest_revision = revision
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Resource._meta.db_table} SET latest_revision_id = %s "  # noqa: S608
            "WHERE id = %s",
            [(resource.latest_revision_id, resource.pk) for resource in resources],
        )
    log_registry.scan_for_actions()
    rows_insert(
        [
            ModelLogEntry(
                content_type=ContentType.objects.get_for_model(
                    resource, for_concrete_model=False
                ),
                label=ModelLogEntry.objects.get_instance_title(resource),
                action="wagtail.create" if resource.pk in new_ids else "wagtail.edit",
                timestamp=now,
                data={},
                user=user,
                revision=revision,
                content_changed=True,
                object_id=str(resource.pk),
            )
            for resource, revision in zip(resources, revisions, strict=True)
        ]
    )


#: Values modelcluster stores as they are (``is_protected_type``), besides text.
PLAIN_VALUES = (type(None), int, float, bool, Decimal)


def _serialisable_data(obj: models.Model) -> dict:
    """``obj.serializable_data()`` (a revision's content) as modelcluster gives it,
    without asking each field for its value through ``pre_save`` and
    ``value_to_string`` where those return the attribute as it is (text, numbers,
    keys): for a record, that was most of the work of storing its revision."""
    data = _fields_data(obj)
    for relation in get_all_child_relations(obj):
        name = relation.get_accessor_name()
        clustered = hasattr(relation.related_model, "serializable_data")
        data[name] = [
            _serialisable_data(child) if clustered else _fields_data(child)
            for child in getattr(obj, name).all()
        ]
    for field in get_all_child_m2m_relations(obj):
        if field.serialize:
            data[field.name] = [child.pk for child in getattr(obj, field.name).all()]
    return data


def _fields_data(obj: models.Model) -> dict:
    """modelcluster's ``get_serializable_data_for_fields``, taking plain values as
    they are."""
    pk_field = obj._meta.pk
    while pk_field.remote_field and pk_field.remote_field.parent_link:
        pk_field = pk_field.remote_field.model._meta.pk
    data = {"pk": get_field_value(pk_field, obj)}
    for field in obj._meta.fields:
        if not field.serialize:
            continue
        value = getattr(obj, field.attname)
        if field.remote_field is not None or (
            type(field).pre_save is models.Field.pre_save
            and (
                type(value) in PLAIN_VALUES
                or (
                    type(value) is str
                    and type(field).value_to_string is models.Field.value_to_string
                )
            )
        ):
            data[field.name] = value
        else:
            data[field.name] = get_field_value(field, obj)
    return data
