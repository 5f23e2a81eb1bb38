"""Background work for the catalogue: digital files' renditions are made once, off the
request; authorities an import created enter the admin choosers' search a batch at a time."""

from django.apps import apps
from django_tasks import task
from wagtail.search.backends import get_search_backends_with_name

from mura.catalog.models import DigitalFile

# The sizes the item page and the listings use; "original" serves the zoom link.
RENDITION_SPECS = ("max-960x960", "fill-320x240", "original")


@task()
def make_derivatives(file_id: int) -> list[str]:
    file = DigitalFile.objects.select_related("image").filter(pk=file_id).first()
    if file is None or file.image is None:
        return []
    return [file.image.get_rendition(spec).url for spec in RENDITION_SPECS]


@task()
def authorities_index(model_label: str, ids: list[int]) -> int:
    """Index authorities stored without a save's signals (an import's batch) for the
    admin's choosers, as Wagtail's task does for one saved authority, in one call for
    them all: each call recomputes the whole index's title norms."""
    model = apps.get_model(model_label)
    objects = list(model.objects.filter(pk__in=ids))
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add_bulk(model, objects)
    return len(objects)
