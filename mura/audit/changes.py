"""Which fields an edit changed: stored by name, shown by the field's label."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.encoding import force_str
from wagtail.models import Revision

SNAPSHOT_ATTRIBUTE = "_audit_before"

# Bookkeeping a revision carries that no person edits.
UNEDITED = {
    "id",
    "pk",
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
    "content_type",
    "owner",
    "translation_key",
    "locale",
    "alias_of",
    "updated_at",
    "modified_at",
    "created_at",
    "search_text",
}


def snapshot(instance: models.Model) -> dict | None:
    """The stored values of an object about to be saved (None for a new one)."""
    if instance.pk is None or instance._state.adding:
        return None
    names = [field.attname for field in instance._meta.concrete_fields]
    return type(instance)._base_manager.filter(pk=instance.pk).values(*names).first()


def _label(model: type[models.Model], name: str) -> str:
    try:
        field = model._meta.get_field(name)
    except Exception:
        return name
    return force_str(getattr(field, "verbose_name", name))


def _from_snapshot(instance: models.Model, before: dict) -> list[str]:
    return [
        field.name
        for field in instance._meta.concrete_fields
        if field.name not in UNEDITED
        and field.attname in before
        and before[field.attname] != getattr(instance, field.attname)
    ]


def _from_revision(revision: Revision) -> list[str]:
    previous = (
        Revision.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            pk__lt=revision.pk,
        )
        .order_by("-pk")
        .first()
    )
    if previous is None:
        return []
    old, new = previous.content, revision.content
    return [
        name
        for name in sorted(set(old) | set(new))
        if name not in UNEDITED and old.get(name) != new.get(name)
    ]


def changed_fields(
    instance: models.Model, revision: Revision | None = None
) -> list[str]:
    """The names of the fields an edit changed: against the values read just before
    the save, or, for objects kept in revisions, against the revision before."""
    before = getattr(instance, SNAPSHOT_ATTRIBUTE, None)
    if before is not None:
        return _from_snapshot(instance, before)
    if revision is not None:
        return _from_revision(revision)
    return []


def field_labels(model: type[models.Model] | None, names: list[str]) -> list[str]:
    """The fields' labels in the reader's language (a name when the field is gone)."""
    labels = []
    for name in names:
        try:
            labels.append(force_str(model._meta.get_field(name).verbose_name))
        except (AttributeError, FieldDoesNotExist):
            labels.append(name)
    return labels
