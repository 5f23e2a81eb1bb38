"""REST API: events with their programme, and registration without login."""

from datetime import datetime
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import BaseModel, ConfigDict, StrictBool, StrictInt, StrictStr
from pydantic import ValidationError as PydanticValidationError

from mura.api.errors import ApiError, ErrorOut, field_errors, invalid, read_json_object
from mura.api.pagination import PageNumberPagination
from mura.api.params import MAX_ID, ObjectId, Text, one_of
from mura.events.choices import EventKind
from mura.events.models import (
    EventPage,
    EventSection,
    ExtraQuestion,
    ProgrammeSlot,
    Registration,
)
from mura.events.services import (
    REGISTRATION_LIMITS,
    DuplicateRegistration,
    RegistrationClosed,
    registration_create,
)
from mura.portal.ratelimit import rate_limited

ROUTE_PREFIX = "/events"


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


class QuestionOut(Schema):
    id: int = Field(description="The key of its answer in a registration's `answers`")
    label: str = Field(description="The question in the reader's language")
    type: one_of(ExtraQuestion.Kind)
    choices: list[str] = Field(description="The answers allowed; empty for free text")
    required: bool


class EventDetailOut(EventOut):
    programme: ProgrammeOut
    questions: list[QuestionOut] = Field(
        description="Extra questions of the registration form, answered in `answers`"
    )


class RegistrationOut(Schema):
    id: int
    status: str
    position: int | None


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
    summary="List events (upcoming first; ?when=past or ?when=all)",
)
@paginate(PageNumberPagination)
def list_events(
    request: HttpRequest,
    when: Literal["upcoming", "past", "all"] = "upcoming",
    kind: one_of(EventKind) | None = None,
    institution: Text | None = None,
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
def get_event(request: HttpRequest, event_id: ObjectId):
    event = get_object_or_404(_events(), pk=event_id)
    return {
        **_event_out(event, request),
        "programme": _programme(event),
        "questions": [_question(question) for question in event.questions.all()],
    }


def _question(question: ExtraQuestion) -> dict:
    choices = {
        ExtraQuestion.Kind.YES_NO: list(YES_NO),
        ExtraQuestion.Kind.CHOICE: question.option_list,
    }
    return {
        "id": question.pk,
        "label": question.label,
        "type": question.kind,
        "choices": choices.get(question.kind, []),
        "required": question.required,
    }


YES_NO = ("yes", "no")
NO_NUL = r"^[^\x00]*$"  # PostgreSQL stores no NUL in text


def _text(field: str) -> Any:
    """A JSON string as long as the registration's column allows; nothing else is text."""
    limit = Registration._meta.get_field(field).max_length or 5000
    return Annotated[StrictStr, Field(max_length=limit, pattern=NO_NUL)]


class RegistrationIn(BaseModel):
    """The body of a registration: strict JSON types, no unknown fields."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Айгүл Сапарова",
                    "email": "aigul@example.kz",
                    "organisation": "С. Торайғыров атындағы облыстық кітапхана",
                    "position": "кітапханашы",
                    "country": "KZ",
                    "region": "Павлодар",
                    "participation": "in-person",
                    "consent": True,
                    "sections": [12],
                    "answers": {"7": "yes", "8": "Шеберлік сағаты"},
                }
            ]
        },
    )

    name: _text("name")
    email: _text("email")
    organisation: _text("organisation")
    position: _text("position") | None = None
    # The service names an unknown code in words the form also uses.
    country: _text("country") = Field(description="ISO 3166-1 alpha-2, e.g. KZ")
    region: _text("region") | None = None
    phone: _text("phone") | None = None
    participation: Literal[tuple(Registration.Participation.values)] = (
        Registration.Participation.IN_PERSON.value
    )
    accessibility: _text("accessibility") | None = None
    consent: StrictBool = Field(description="Consent to personal data processing")
    sections: list[Annotated[StrictInt, Field(ge=1, le=MAX_ID)]] = Field(
        default=[], max_length=100, description="Ids of the programme's sections"
    )
    answers: dict[
        Annotated[str, Field(pattern=r"^[0-9]{1,18}$")],
        Annotated[StrictStr, Field(max_length=2000, pattern=NO_NUL)],
    ] = Field(
        default={},
        max_length=100,
        description=(
            "Answers to the event's extra questions (`questions` of GET /events/{id}): "
            '{"question id": "answer"}; a yes-no question takes "yes" or "no", a choice '
            "question one of its `choices`. A required question left out is a 400 "
            "with errors under `question_<id>`."
        ),
    )


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
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": RegistrationIn.model_json_schema()}
            },
            "required": True,
        }
    },
)
def create_registration(request: HttpRequest, event_id: ObjectId):
    """Fields are validated by the same service the web form uses, so messages match it.

    The body is read here rather than by ninja so that the content type is checked first
    and every mistake, even a wrong type, is a 400 with field errors in the reader's
    language (Accept-Language)."""
    payload = read_json_object(request)
    if rate_limited(request, "event-registration", REGISTRATION_LIMITS):
        raise ApiError(
            429,
            gettext(
                "Too many registrations from your network in a minute. Please try again shortly."
            ),
        )
    event = get_object_or_404(EventPage.objects.originals().live(), pk=event_id)
    try:
        body = RegistrationIn.model_validate(payload)
    except PydanticValidationError as error:
        raise invalid(_question_keys(field_errors(error.errors()))) from error
    _check_answers(event, body.answers)
    sections = list(EventSection.objects.filter(event=event, pk__in=body.sections))
    if len(sections) != len(set(body.sections)):
        raise invalid(
            {"sections": [gettext("This section does not belong to the event.")]}
        )
    data = body.model_dump(exclude={"sections", "answers"})
    data["answers"] = {f"question_{key}": value for key, value in body.answers.items()}
    try:
        registration = registration_create(event=event, data=data, sections=sections)
    except RegistrationClosed as error:
        raise ApiError(403, " ".join(error.messages)) from error
    except DuplicateRegistration as error:
        raise ApiError(409, " ".join(error.messages), error.message_dict) from error
    except ValidationError as error:
        errors = (
            error.message_dict
            if hasattr(error, "error_dict")
            else {"__all__": error.messages}
        )
        raise invalid(errors) from error
    return Status(
        201,
        {
            "id": registration.pk,
            "status": registration.status,
            "position": registration.position_in_queue,
        },
    )


def _question_keys(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """`answers.7` is reported as `question_7`, the name the service and the form use."""
    return {
        f"question_{name.split('.')[1]}" if name.startswith("answers.") else name: value
        for name, value in errors.items()
    }


def _check_answers(event: EventPage, answers: dict[str, str]) -> None:
    """Answers name questions of this event, and a yes-no question is answered yes or no
    (the service checks choices and required questions, as for the form)."""
    questions = {str(q.pk): q for q in ExtraQuestion.objects.filter(event=event)}
    errors = {}
    for key, value in answers.items():
        question = questions.get(key)
        if question is None:
            errors[f"question_{key}"] = [gettext("This field is not known.")]
        elif question.kind == ExtraQuestion.Kind.YES_NO and value not in YES_NO:
            errors[f"question_{key}"] = [gettext("Choose one of the options.")]
    if errors:
        raise invalid(errors)
