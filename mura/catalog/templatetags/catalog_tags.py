from django import template

from mura.catalog import archival
from mura.catalog.choices import Access
from mura.catalog.models import DigitalFile, Resource

register = template.Library()


@register.filter
def public_image(resource: Resource) -> DigitalFile | None:
    """The first image a reader may see (uses the prefetched files of for_listing())."""
    return next(
        (
            file
            for file in resource.files.all()
            if file.image_id and file.access == Access.PUBLIC
        ),
        None,
    )


register.filter("shelfmark", archival.shelfmark)
