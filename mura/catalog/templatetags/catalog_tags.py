from django import template
from django.urls import reverse

from mura.catalog import archival, holdings
from mura.catalog.covers import cover_version
from mura.catalog.models import DigitalFile, Resource
from mura.institutions.models import Institution

register = template.Library()


@register.filter
def public_image(resource: Resource) -> DigitalFile | None:
    """The first image a reader may see (uses the prefetched files of for_listing())."""
    images = resource.public_images()
    return images[0] if images else None


@register.inclusion_tag("catalog/tags/institution_holdings.html")
def institution_holdings(institution: Institution) -> dict:
    """`{% institution_holdings institution %}`: what one institution holds, by kind
    and by collection, each count linked to the catalogue filtered to it."""
    found = holdings.institution_holdings(institution=institution)
    return {"holdings": found, "institution": institution}


@register.simple_tag
def record_counts() -> dict[int, int]:
    """`{% record_counts as counts %}`: public records per institution id."""
    return holdings.records_per_institution()


@register.filter
def count_for(counts: dict[int, int], key: int) -> int:
    return counts.get(key, 0)


register.filter("shelfmark", archival.shelfmark)


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
