"""REST API: events with their programme, and registration without login."""

from typing import Annotated, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import FilterLookup, FilterSchema, Query, Router, Status
from ninja.pagination import paginate

from mura.api.errors import ErrorOut
from mura.api.pagination import PageNumberPagination
from mura.api.params import ObjectId, SlugFilter, one_of
from mura.events.api.registration import RegistrationLimit, registration_from_api
from mura.events.api.schemas import (
    EventDetailOut,
    EventOut,
    RegistrationIn,
    RegistrationOut,
)
from mura.events.choices import EventKind
from mura.events.models import EventPage

router = Router(tags=["events"])


def _events():
    return (
        EventPage.objects.originals()
        .live()
        .public()
        .select_related("institution")
        .with_counts()
    )


class EventFilters(FilterSchema):
    kind: one_of(EventKind) | None = None
    institution: Annotated[SlugFilter, FilterLookup("institution__slug")] = None


@router.get(
    "",
    response=list[EventOut],
    summary="List events (upcoming first; ?when=past or ?when=all)",
)
@paginate(PageNumberPagination)
def list_events(
    request: HttpRequest,
    when: Literal["upcoming", "past", "all"] = "upcoming",
    filters: Query[EventFilters] = None,
):
    events = filters.filter(_events())
    if when == "past":
        return events.past()
    if when == "upcoming":
        return events.upcoming()
    return events.order_by("-start")


@router.get(
    "/{event_id}", response=EventDetailOut, summary="One event with its programme"
)
def get_event(request: HttpRequest, event_id: ObjectId):
    return get_object_or_404(_events(), pk=event_id)


@router.post(
    "/{event_id}/registrations",
    response={
        201: RegistrationOut,
        400: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        413: ErrorOut,
        415: ErrorOut,
        429: ErrorOut,
    },
    summary="Register for an event (no login; rate-limited per address)",
    throttle=RegistrationLimit(),
)
def create_registration(
    request: HttpRequest, event_id: ObjectId, registration: RegistrationIn
):
    """Fields are validated by the same service the web form uses, so messages match it;
    every mistake in the body, even a wrong type, is a 400 with field errors in the
    reader's language (Accept-Language)."""
    event = get_object_or_404(EventPage.objects.originals().live(), pk=event_id)
    return Status(201, registration_from_api(event=event, body=registration))
