"""What an event page tells search engines: schema.org Event."""

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from mura.events.choices import Attendance
from mura.portal.addresses import page_url
from mura.portal.seo import jsonld_script

if TYPE_CHECKING:
    from mura.events.models.pages import EventPage


def event_jsonld(page: "EventPage", request: HttpRequest) -> SafeString:
    """schema.org Event, for search engines; dates carry the event's own UTC offset."""
    modes = {
        Attendance.IN_PERSON: "OfflineEventAttendanceMode",
        Attendance.ONLINE: "OnlineEventAttendanceMode",
        Attendance.HYBRID: "MixedEventAttendanceMode",
    }
    place = {
        "@type": "Place",
        "name": page.venue_name or page.institution.name,
        "address": page.venue_address or page.institution.address,
    }
    if page.on_map:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    locations: list[dict] = [place] if page.attendance != Attendance.ONLINE else []
    if page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.lead or strip_tags(page.description)[:500],
        "startDate": page.local_start.isoformat(),
        "endDate": page.local_end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{modes.get(page.attendance, modes[Attendance.IN_PERSON])}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {
            "@type": "Organization",
            "name": page.institution.name,
            "url": request.build_absolute_uri(page.institution.get_absolute_url()),
        },
        "inLanguage": page.language_codes,
        "url": page_url(page, request=request),
    }
    if page.listing_image:
        data["image"] = request.build_absolute_uri(
            page.listing_image.get_rendition("width-1200").url
        )
    return jsonld_script(data)
