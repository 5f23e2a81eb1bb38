"""What a catalogue record tells search engines: schema.org types and JSON-LD."""

from collections.abc import Callable
from typing import Any

from django.urls import reverse

from mura.catalog.choices import AgentRole, Kind
from mura.catalog.models import Resource

SCHEMA_TYPES = {
    Kind.BOOK: "Book",
    Kind.PERIODICAL: "Periodical",
    Kind.MANUSCRIPT: "Manuscript",
    Kind.FONDS: "ArchiveComponent",
    Kind.SERIES: "ArchiveComponent",
    Kind.FILE: "ArchiveComponent",
    Kind.ARCHIVAL_ITEM: "ArchiveComponent",
    Kind.MUSEUM_OBJECT: "VisualArtwork",
    Kind.PHOTO: "Photograph",
    Kind.AUDIOVISUAL: "MediaObject",
    Kind.E_RESOURCE: "CreativeWork",
}
ORGANISATION_TYPES = {
    "library": "Library",
    "archive": "ArchiveOrganization",
    "museum": "Museum",
}


IIIF_MANIFEST_TYPE = (
    'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
)


def resource_jsonld(
    resource: Resource, absolute: Callable[[str], str], image_urls: list[str]
) -> dict[str, Any]:
    """The record as schema.org data, for its page and for the JSON-LD export."""
    institution = resource.institution
    url = absolute(resource.get_absolute_url())
    holder = {
        "@type": ORGANISATION_TYPES.get(institution.kind, "Organization"),
        "name": institution.name,
        "address": institution.address,
        "url": absolute(institution.get_absolute_url()),
    }
    data: dict = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES[resource.kind],
        "@id": url,
        "url": url,
        "identifier": resource.public_id,
        "name": resource.title,
    }
    if resource.description:
        data["description"] = resource.description[:500]
    if resource.date_text:
        data["dateCreated"] = resource.date_text
    if resource.language:
        data["inLanguage"] = resource.language
    creators = [
        {
            "@type": "Person" if link.person_id else "Organization",
            "name": link.agent.name,
        }
        for link in resource.agents.all()
        if link.role
        not in (AgentRole.DEPICTED, AgentRole.DONOR, AgentRole.FORMER_OWNER)
    ]
    if creators:
        data["creator"] = creators
    subjects = [subject.name for subject in resource.subjects.all()]
    if subjects:
        data["keywords"] = subjects
    if image_urls:
        data["image"] = image_urls
        data["subjectOf"] = {
            "@type": "CreativeWork",
            "url": absolute(reverse("iiif:manifest", args=[resource.public_id])),
            "encodingFormat": IIIF_MANIFEST_TYPE,
        }
    if resource.isbn:
        data["isbn"] = resource.isbn
    if resource.publisher:
        data["publisher"] = {"@type": "Organization", "name": resource.publisher}
    if resource.material:
        data["artMedium" if resource.kind == Kind.MUSEUM_OBJECT else "material"] = (
            resource.material
        )
    if resource.is_archival:
        data["holdingArchive"] = holder
        if resource.parent_id:
            data["isPartOf"] = absolute(resource.parent.get_absolute_url())
    else:
        data["sourceOrganization"] = holder
    return data
