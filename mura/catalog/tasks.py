"""Background work for digital files: renditions are made once, off the request."""

from django_tasks import task

from mura.catalog.models import DigitalFile

# The sizes the item page and the listings use; "original" serves the zoom link.
RENDITION_SPECS = ("max-960x960", "fill-320x240", "original")


@task()
def make_derivatives(file_id: int) -> list[str]:
    file = DigitalFile.objects.select_related("image").filter(pk=file_id).first()
    if file is None or file.image is None:
        return []
    return [file.image.get_rendition(spec).url for spec in RENDITION_SPECS]
