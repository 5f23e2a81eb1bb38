"""What exhibition and story pages tell search engines and social networks."""

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.safestring import SafeString
from wagtail.images.models import AbstractImage

from mura.catalog.models import Resource
from mura.catalog.seo import ORGANISATION_TYPES, SCHEMA_TYPES
from mura.institutions.models import Institution
from mura.portal.seo import jsonld_script, page_meta

if TYPE_CHECKING:
    from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage


def _public_image(resource: Resource | None) -> AbstractImage | None:
    if resource is None:
        return None
    return next(
        (
            file.image
            for file in resource.files.all()
            if file.image_id and file.access == "public"
        ),
        None,
    )


def exhibition_meta(
    request: HttpRequest,
    page: "ExhibitionPage | ArtifactStoryPage",
    *,
    artifact: Resource | None = None,
) -> dict:
    """Address, texts and picture for Open Graph; the artifact's photo when the page has none."""
    return page_meta(
        request,
        page,
        description=page.search_description or page.summary,
        image=page.listing_image or _public_image(artifact),
    )


def _organisation(request: HttpRequest, institution: Institution) -> dict:
    return {
        "@type": ORGANISATION_TYPES.get(institution.kind, "Organization"),
        "name": institution.name,
        "url": request.build_absolute_uri(institution.get_absolute_url()),
    }


def _work(request: HttpRequest, resource: Resource) -> dict:
    return {
        "@type": SCHEMA_TYPES[resource.kind],
        "@id": request.build_absolute_uri(resource.get_absolute_url()),
        "name": resource.title,
        "url": request.build_absolute_uri(resource.get_absolute_url()),
        "identifier": resource.public_id,
        **({"dateCreated": resource.date_text} if resource.date_text else {}),
        "holdingArchive"
        if resource.is_archival
        else "sourceOrganization": _organisation(request, resource.institution),
    }


def featured_records(page: "ExhibitionPage") -> list[Resource]:
    """Every record the exhibition shows readers, once each, in page order."""
    records: dict[int, Resource] = {}
    for block in page.body:
        if block.block_type == "catalogue_item" and block.value.public_item:
            records.setdefault(block.value.public_item.pk, block.value.public_item)
        elif block.block_type == "items_grid":
            for resource in block.value.public_items:
                records.setdefault(resource.pk, resource)
    return list(records.values())


def exhibition_jsonld(
    request: HttpRequest, page: "ExhibitionPage", meta: dict
) -> SafeString:
    venues = list(page.venues.all())
    data: dict = {
        "@context": "https://schema.org",
        "@type": "ExhibitionEvent",
        "@id": meta["url"],
        "name": page.title,
        "url": meta["url"],
        "inLanguage": meta["language"],
        "eventAttendanceMode": "https://schema.org/"
        + ("MixedEventAttendanceMode" if venues else "OnlineEventAttendanceMode"),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": [{"@type": "VirtualLocation", "url": meta["url"]}]
        + [
            {
                "@type": "Place",
                "name": venue.name,
                "address": ", ".join(p for p in (venue.address, venue.city) if p),
            }
            for venue in venues
        ],
        "organizer": _organisation(request, page.institution),
    }
    if meta["description"]:
        data["description"] = meta["description"]
    if meta["image"]:
        data["image"] = meta["image"]
    if page.start_date:
        data["startDate"] = page.start_date.isoformat()
    if page.end_date:
        data["endDate"] = page.end_date.isoformat()
    if page.curator_list:
        data["contributor"] = [
            {"@type": "Person", "name": name} for name in page.curator_list
        ]
    stops = [venue for venue in venues if venue.start_date]
    if stops:
        data["subEvent"] = [
            {
                "@type": "ExhibitionEvent",
                "name": f"{page.title} — {venue}",
                "startDate": venue.start_date.isoformat(),
                **({"endDate": venue.end_date.isoformat()} if venue.end_date else {}),
                "location": {
                    "@type": "Place",
                    "name": venue.name,
                    "address": venue.city,
                    **(
                        {
                            "geo": {
                                "@type": "GeoCoordinates",
                                "latitude": float(venue.latitude),
                                "longitude": float(venue.longitude),
                            }
                        }
                        if venue.on_map
                        else {}
                    ),
                },
            }
            for venue in stops
        ]
    works = [_work(request, resource) for resource in featured_records(page)]
    if works:
        data["workFeatured"] = works
    return jsonld_script(data)


def story_jsonld(
    request: HttpRequest,
    page: "ArtifactStoryPage",
    meta: dict,
    *,
    artifact: Resource | None,
    related: list[Resource],
) -> SafeString:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": meta["url"],
        "headline": page.title[:110],
        "url": meta["url"],
        "inLanguage": meta["language"],
        "publisher": _organisation(request, page.institution),
    }
    if meta["description"]:
        data["description"] = meta["description"]
    if meta["image"]:
        data["image"] = meta["image"]
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.authors:
        data["author"] = [
            {"@type": "Person", "name": name.strip()}
            for name in page.authors.split(",")
            if name.strip()
        ]
    if artifact is not None:
        data["about"] = _work(request, artifact)
    mentions = [_work(request, resource) for resource in related]
    mentions += [
        {
            "@type": "Person",
            "name": link.person.name,
            "url": request.build_absolute_uri(link.person.get_absolute_url()),
        }
        for link in page.related_people.all()
    ]
    if mentions:
        data["mentions"] = mentions
    return jsonld_script(data)
