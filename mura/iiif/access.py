"""Which images the IIIF services may serve: an image is public when a public catalogue
file of a public record shows it, or, when no catalogue file uses it, a live public page
does. An image that only restricted catalogue files use is never served.

The answer is cached in the shared cache under a generation number that any change to
records, files or pages bumps, so a record made restricted stops serving at once."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from mura.catalog.choices import Access
from mura.catalog.models import DigitalFile, Resource

_GENERATION_KEY = "iiif:generation"
_TIMEOUT = 60 * 60


@dataclass(frozen=True)
class PublicImage:
    """What the Image API needs to know of a public image, without loading it."""

    pk: int
    width: int
    height: int
    file_name: str
    file_hash: str


def access_changed() -> None:
    """Forget every cached answer (a record, file or page changed)."""
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 1, None)


def public_image(image_id: int) -> PublicImage | None:
    """The image if a reader may see it, else None."""
    generation = cache.get_or_set(_GENERATION_KEY, 0, None)
    key = f"iiif:image:{generation}:{image_id}"
    found = cache.get(key)
    if found is None:
        found = _lookup(image_id) or False
        cache.set(key, found, _TIMEOUT)
    return found or None


def _lookup(image_id: int) -> PublicImage | None:
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None or not _is_public(image):
        return None
    return PublicImage(
        pk=image.pk,
        width=image.width,
        height=image.height,
        file_name=image.file.name,
        file_hash=image.get_file_hash() or str(image.pk),
    )


def _is_public(image) -> bool:
    files = DigitalFile.objects.filter(image=image)
    if files.exists():
        return files.filter(
            access=Access.PUBLIC, resource__in=Resource.objects.public()
        ).exists()
    page_type = ContentType.objects.get_for_model(Page)
    pages = ReferenceIndex.get_references_to(image).filter(base_content_type=page_type)
    page_ids = [int(pk) for pk in pages.values_list("object_id", flat=True)]
    return Page.objects.live().public().filter(pk__in=page_ids).exists()
