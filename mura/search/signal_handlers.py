"""Keep the index in step with the records, inside the records' own transaction.

Pages enter the index when published and leave it when unpublished or deleted; other
models on every save. Saving a page draft changes nothing the public can find.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from mura.search.registry import dependents_of, registration_for
from mura.search.services import document_index, document_remove


def _on_save(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    if registration_for(sender) is not None and not isinstance(instance, Page):
        document_index(instance=instance)
    _reindex_dependents(sender, instance)


def _reindex_dependents(sender, instance) -> None:
    dependents = dependents_of(sender)
    if dependents is not None:
        for obj in dependents(instance):
            document_index(instance=obj)


def _on_delete(sender, instance, **kwargs) -> None:
    if registration_for(sender) is not None:
        document_remove(model=sender, object_id=instance.pk)
    _reindex_dependents(sender, instance)


def _on_publish(sender, instance, **kwargs) -> None:
    if registration_for(type(instance)) is not None:
        document_index(instance=instance)


def _on_unpublish(sender, instance, **kwargs) -> None:
    if registration_for(type(instance)) is not None:
        document_remove(model=type(instance), object_id=instance.pk)


def connect() -> None:
    post_save.connect(_on_save, dispatch_uid="mura_search_save")
    post_delete.connect(_on_delete, dispatch_uid="mura_search_delete")
    page_published.connect(_on_publish, dispatch_uid="mura_search_publish")
    page_unpublished.connect(_on_unpublish, dispatch_uid="mura_search_unpublish")
