from django import template
from django.urls import reverse

from mura.catalog.choices import Access
from mura.catalog.covers import cover_version
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


@register.filter
def imprint(resource: Resource) -> str:
    """Edition, place and publisher ("3-басылым. Павлодар : ЭКО"): what tells editions apart."""
    place_publisher = " : ".join(
        part for part in (resource.publication_place, resource.publisher) if part
    )
    return ". ".join(
        part.rstrip(". ") for part in (resource.edition, place_publisher) if part
    )


@register.filter
def cover_url(resource: Resource) -> str:
    """The address of the record's generated cover (drawn on its first request)."""
    url = reverse("catalog:cover", kwargs={"public_id": resource.public_id})
    return f"{url}?v={cover_version(resource)}"
