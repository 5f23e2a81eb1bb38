"""Which images the IIIF services may serve: an image is public when a public catalogue
file of a public record shows it, or, when no catalogue file uses it, a live public page
does. An image that only restricted catalogue files use is never served.

The answer is cached in the shared cache under a generation number that any change to
records, files or pages bumps, so a record made restricted stops serving at once."""

import time
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from mura.catalog.choices import Access
from mura.catalog.models import DigitalFile, Resource

_GENERATION_KEY = "iiif:generation"
_TIMEOUT = 60 * 60
#: How long a server process trusts the generation it last read from the shared cache.
GENERATION_SECONDS = 1.0


@dataclass(frozen=True)
class PublicImage:
    """What the Image API needs to know of a public image, without loading it."""

    pk: int
    width: int
    height: int
    file_name: str
    file_hash: str


class AccessAnswers:
    """Answers to "may a reader see image N?", remembered per process and in the shared
    cache under a generation number; a change anywhere bumps the generation, which every
    process reads again within GENERATION_SECONDS (at once in the process that changed)."""

    def __init__(self) -> None:
        self._generation = 0
        self._read_at = -GENERATION_SECONDS
        self._answers: dict[int, PublicImage | None] = {}

    def generation(self) -> int:
        now = time.monotonic()
        if now - self._read_at >= GENERATION_SECONDS:
            current = cache.get_or_set(_GENERATION_KEY, 0, None)
            if current != self._generation:
                self._answers.clear()
                self._generation = current
            self._read_at = now
        return self._generation

    def changed(self) -> None:
        try:
            cache.incr(_GENERATION_KEY)
        except ValueError:
            cache.set(_GENERATION_KEY, 1, None)
        self.forget()

    def forget(self) -> None:
        """Drop what this process remembers (the shared cache keeps its answers)."""
        self._answers.clear()
        self._read_at = -GENERATION_SECONDS

    def image(self, image_id: int) -> PublicImage | None:
        generation = self.generation()
        if image_id not in self._answers:
            key = f"iiif:image:{generation}:{image_id}"
            found = cache.get(key)
            if found is None:
                found = _lookup(image_id) or False
                cache.set(key, found, _TIMEOUT)
            self._answers[image_id] = found or None
        return self._answers[image_id]


answers = AccessAnswers()


def access_changed() -> None:
    """Forget every remembered answer (a record, file, image or page changed)."""
    answers.changed()


def public_image(image_id: int) -> PublicImage | None:
    """The image if a reader may see it, else None."""
    return answers.image(image_id)


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
