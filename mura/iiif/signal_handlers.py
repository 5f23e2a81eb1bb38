"""Keep the IIIF services' answers true: any change to records, their files, images or
pages forgets the cached access answers; a large public image gets its tiles drawn."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished

from mura.catalog.models import DigitalFile, Resource
from mura.iiif.access import access_changed
from mura.iiif.tasks import LARGE_IMAGE, image_tiles_build


def _forget(**kwargs) -> None:
    transaction.on_commit(access_changed)


def _forget_model(sender, instance, **kwargs) -> None:
    # Records are saved as their kind's proxy class, so the sender is checked by type.
    if isinstance(instance, (Resource, DigitalFile, get_image_model())):
        _forget()


post_save.connect(_forget_model, dispatch_uid="iiif-save")
post_delete.connect(_forget_model, dispatch_uid="iiif-delete")
page_published.connect(_forget, dispatch_uid="iiif-published")
page_unpublished.connect(_forget, dispatch_uid="iiif-unpublished")


@receiver(post_save, sender=DigitalFile, dispatch_uid="iiif-tiles")
def _tiles_ahead(sender, instance: DigitalFile, raw: bool = False, **kwargs) -> None:
    # A fixture being loaded (a restore) may not have its images in yet.
    if raw or instance.image_id is None:
        return
    image = instance.image
    if image.width * image.height > LARGE_IMAGE:
        transaction.on_commit(lambda: image_tiles_build.enqueue(image.pk))
