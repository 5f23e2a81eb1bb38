"""REST API: events with their programme, and registration without login."""

import functools
import json
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mura.api.pagination import PageNumberPagination
from mura.events.models import EventPage, EventSection, ProgrammeSlot, Registration
from mura.events.services import (
    REGISTRATION_LIMITS,
    DuplicateRegistration,
    RegistrationClosed,
    registration_create,
)
from mura.portal.clients import rate_limited

ROUTE_PREFIX = "/events"


def in_readers_language(view):
    """/api/ has no language prefix, so LocaleMiddleware leaves it in Kazakh; the API answers
    in the language of the Accept-Language header (or the language cookie) instead."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(translation.get_language_from_request(request)):
            return view(request, *args, **kwargs)

    return wrapper


router = Router(tags=["events"])


class InstitutionRef(Schema):
    id: int
    slug: str
    name: str


class Venue(Schema):
    name: str
    address: str
    latitude: float | None
    longitude: float | None


class EventOut(Schema):
    id: int
    url: str
    kind: str
    kind_label: str
    title: str
    language: str
    start: datetime
    end: datetime
    time_zone: str
    venue: Venue
    institution: InstitutionRef
    registration_open: bool
    capacity: int | None
    confirmed_count: int
    waitlist_count: int


class SpeakerOut(Schema):
    id: int
    name: str
    position: str
    organisation: str
    country: str


class SlotOut(Schema):
    id: int
    kind: str
    title: str
    start: datetime
    end: datetime
    room: str
    section_id: int | None
    speakers: list[SpeakerOut]
    moderators: list[SpeakerOut]


class SectionOut(Schema):
    id: int
    kind: str
    title: str
    room: str
    capacity: int | None
    confirmed_count: int
    registrable: bool


class DayOut(Schema):
    date: str
    slots: list[SlotOut]


class ProgrammeOut(Schema):
    days: list[DayOut]
    sections: list[SectionOut]


class EventDetailOut(EventOut):
    programme: ProgrammeOut


class RegistrationOut(Schema):
    id: int
    status: str
    position: int | None


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


def _with_counts(events):
    status = Registration.Status
    return events.annotate(
        confirmed=Count(
            "registrations", filter=Q(registrations__status=status.CONFIRMED)
        ),
        waiting=Count(
            "registrations", filter=Q(registrations__status=status.WAITLISTED)
        ),
    )


def _event_out(event: EventPage, request: HttpRequest) -> dict:
    """The original version (the one the API's id names) with the reader's-language title."""
    shown = event.localized
    return {
        "id": event.pk,
        "url": request.build_absolute_uri(shown.get_url(request)),
        "kind": event.kind,
        "kind_label": str(event.get_kind_display()),
        "title": shown.title,
        "language": shown.locale.language_code,
        "start": event.local_start,
        "end": event.local_end,
        "time_zone": event.time_zone,
        "venue": {
            "name": event.venue_name,
            "address": event.venue_address,
            "latitude": float(event.latitude) if event.latitude is not None else None,
            "longitude": float(event.longitude)
            if event.longitude is not None
            else None,
        },
        "institution": {
            "id": event.institution.pk,
            "slug": event.institution.slug,
            "name": event.institution.name,
        },
        "registration_open": event.accepts_registrations(),
        "capacity": event.capacity,
        "confirmed_count": event.confirmed,
        "waitlist_count": event.waiting,
    }


def _speaker(speaker) -> dict:
    return {
        "id": speaker.pk,
        "name": speaker.name,
        "position": speaker.position,
        "organisation": speaker.affiliation,
        "country": speaker.country,
    }


def _programme(event: EventPage) -> dict:
    tz = event.tzinfo
    days: dict[str, list] = {}
    for slot in ProgrammeSlot.objects.filter(event=event).for_timetable():
        days.setdefault(slot.day.isoformat(), []).append(
            {
                "id": slot.pk,
                "kind": slot.kind,
                "title": slot.title,
                "start": slot.starts_at(tz),
                "end": slot.ends_at(tz),
                "room": slot.where,
                "section_id": slot.section_id,
                "speakers": [_speaker(s) for s in slot.speakers.all()],
                "moderators": [_speaker(s) for s in slot.moderators.all()],
            }
        )
    confirmed = Count(
        "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
    )
    sections = [
        {
            "id": section.pk,
            "kind": section.kind,
            "title": section.title,
            "room": section.room,
            "capacity": section.capacity,
            "confirmed_count": section.confirmed,
            "registrable": section.registrable,
        }
        for section in EventSection.objects.filter(event=event).annotate(
            confirmed=confirmed
        )
    ]
    return {
        "days": [{"date": day, "slots": slots} for day, slots in days.items()],
        "sections": sections,
    }


class _Serialised:
    """A queryset the shared paginator can count and slice, serialising only the page it shows."""

    def __init__(self, queryset, serialise):
        self.queryset, self.serialise = queryset, serialise

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, window: slice) -> list[dict]:
        return [self.serialise(item) for item in self.queryset[window]]


def _events():
    return _with_counts(
        EventPage.objects.originals().live().public().select_related("institution")
    )


@router.get(
    "",
    response=list[EventOut],
    summary="List events (upcoming first; ?when=past for past ones)",
)
@in_readers_language
@paginate(PageNumberPagination)
def list_events(
    request: HttpRequest,
    when: str = "upcoming",
    kind: str | None = None,
    institution: str | None = None,
):
    events = _events()
    events = (
        events.past()
        if when == "past"
        else events.upcoming()
        if when == "upcoming"
        else events.order_by("-start")
    )
    if kind:
        events = events.filter(kind=kind)
    if institution:
        events = events.filter(institution__slug=institution)
    return _Serialised(events, lambda event: _event_out(event, request))


@router.get(
    "/{event_id}", response=EventDetailOut, summary="One event with its programme"
)
@in_readers_language
def get_event(request: HttpRequest, event_id: int):
    event = get_object_or_404(_events(), pk=event_id)
    return {**_event_out(event, request), "programme": _programme(event)}


REGISTRATION_BODY = {
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["name", "email", "organisation", "country", "consent"],
                "properties": {
                    "name": {"type": "string"},
                    "email": {"type": "string", "format": "email"},
                    "organisation": {"type": "string"},
                    "position": {"type": "string"},
                    "country": {
                        "type": "string",
                        "description": "ISO 3166-1 alpha-2, e.g. KZ",
                    },
                    "region": {"type": "string"},
                    "phone": {"type": "string"},
                    "participation": {
                        "type": "string",
                        "enum": ["in-person", "online"],
                    },
                    "accessibility": {"type": "string"},
                    "consent": {
                        "type": "boolean",
                        "description": "Consent to personal data processing",
                    },
                    "sections": {"type": "array", "items": {"type": "integer"}},
                    "answers": {
                        "type": "object",
                        "description": "Extra questions: {question id: answer}",
                    },
                },
            }
        }
    },
    "required": True,
}


def _error(
    status: int, detail: str, errors: dict[str, list[str]] | None = None
) -> JsonResponse:
    return JsonResponse({"detail": detail, "errors": errors or {}}, status=status)


@router.post(
    "/{event_id}/registrations",
    response={
        201: RegistrationOut,
        400: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        429: ErrorOut,
    },
    summary="Register for an event (no login; rate-limited per address)",
    openapi_extra={"requestBody": REGISTRATION_BODY},
)
@in_readers_language
def create_registration(request: HttpRequest, event_id: int):
    """Fields are validated by the same service the web form uses, so messages match it.

    The body is read here rather than by a schema so that every mistake, even a wrong type,
    comes back as 400 with field errors in the reader's language (Accept-Language)."""
    if rate_limited(request, "event-registration", REGISTRATION_LIMITS):
        return _error(
            429,
            gettext(
                "Too many registrations from your network in a minute. Please try again shortly."
            ),
        )
    event = get_object_or_404(EventPage.objects.originals().live(), pk=event_id)
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return _error(400, gettext("The request body must be a JSON object."))
    section_ids = payload.get("sections") or []
    if not isinstance(section_ids, list) or not all(
        isinstance(pk, int) for pk in section_ids
    ):
        return _error(
            400,
            gettext("Please correct the marked fields."),
            {"sections": [gettext("Give a list of section ids.")]},
        )
    sections = list(EventSection.objects.filter(event=event, pk__in=section_ids))
    if len(sections) != len(set(section_ids)):
        return _error(
            400,
            gettext("Please correct the marked fields."),
            {"sections": [gettext("This section does not belong to the event.")]},
        )
    data = {
        key: payload.get(key)
        for key in (
            "name",
            "email",
            "organisation",
            "position",
            "country",
            "region",
            "phone",
            "accessibility",
            "consent",
        )
    }
    participation = payload.get("participation") or Registration.Participation.IN_PERSON
    if participation not in Registration.Participation.values:
        return _error(
            400,
            gettext("Please correct the marked fields."),
            {"participation": [gettext("Choose one of the options.")]},
        )
    data["participation"] = participation
    answers = payload.get("answers") or {}
    data["answers"] = (
        {f"question_{key}": value for key, value in answers.items()}
        if isinstance(answers, dict)
        else {}
    )
    try:
        registration = registration_create(event=event, data=data, sections=sections)
    except RegistrationClosed as error:
        return _error(403, " ".join(error.messages))
    except DuplicateRegistration as error:
        return _error(409, " ".join(error.messages), error.message_dict)
    except ValidationError as error:
        errors = (
            error.message_dict
            if hasattr(error, "error_dict")
            else {"__all__": error.messages}
        )
        return _error(400, gettext("Please correct the marked fields."), errors)
    return Status(
        201,
        {
            "id": registration.pk,
            "status": registration.status,
            "position": registration.position_in_queue,
        },
    )
