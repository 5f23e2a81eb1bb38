"""Which institution an object belongs to, for scoping its log entries."""

from django.db import models


def _has_institution(model: type[models.Model]) -> bool:
    return any(field.name == "institution" for field in model._meta.concrete_fields)


def institution_id_of(instance: models.Model) -> int | None:
    """The object's own institution, else that of the object it belongs to (a
    registration's event, a digital file's record): its first foreign key to an
    object that has an institution. None for shared things (authorities, users)."""
    model = type(instance)
    if _has_institution(model):
        return instance.institution_id
    for field in model._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and _has_institution(
            field.related_model
        ):
            owner = getattr(instance, field.name, None)
            return owner.institution_id if owner is not None else None
    return None
