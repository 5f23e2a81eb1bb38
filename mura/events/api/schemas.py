"""The events API's answers, read from the models by resolvers, and the registration body."""

from datetime import datetime
from typing import Annotated, Any, Literal

from django.db.models import Count, Q
from django.http import HttpRequest
from ninja import Field, Schema
from pydantic import ConfigDict, StrictBool, StrictInt, StrictStr, model_validator
from pydantic import ValidationError as PydanticValidationError

from mura.api.params import MAX_ID, one_of
from mura.events.models import (
    EventPage,
    EventSection,
    ExtraQuestion,
    ProgrammeSlot,
    Registration,
    Speaker,
)
from mura.institutions.api import InstitutionRef

YES_NO = ("yes", "no")
NO_NUL = r"^[^\x00]*$"  # PostgreSQL stores no NUL in text


def _shown(event: EventPage) -> EventPage:
    """The event in the reader's language, looked up once for the fields that show it."""
    if not hasattr(event, "_shown"):
        event._shown = event.localized
    return event._shown


class Venue(Schema):
    name: str
    address: str
    latitude: float | None
    longitude: float | None


class EventOut(Schema):
    """The original version (the one the API's id names) with the reader's-language title."""

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

    @staticmethod
    def resolve_url(event: EventPage, context: dict) -> str:
        request: HttpRequest = context["request"]
        return request.build_absolute_uri(_shown(event).get_url(request))

    @staticmethod
    def resolve_kind_label(event: EventPage) -> str:
        return str(event.get_kind_display())

    @staticmethod
    def resolve_title(event: EventPage) -> str:
        return _shown(event).title

    @staticmethod
    def resolve_language(event: EventPage) -> str:
        return _shown(event).locale.language_code

    @staticmethod
    def resolve_start(event: EventPage) -> datetime:
        return event.local_start

    @staticmethod
    def resolve_end(event: EventPage) -> datetime:
        return event.local_end

    @staticmethod
    def resolve_venue(event: EventPage) -> dict[str, Any]:
        return {
            "name": event.venue_name,
            "address": event.venue_address,
            "latitude": event.latitude,
            "longitude": event.longitude,
        }

    @staticmethod
    def resolve_registration_open(event: EventPage) -> bool:
        return event.accepts_registrations()

    @staticmethod
    def resolve_confirmed_count(event: EventPage) -> int:
        return event.confirmed

    @staticmethod
    def resolve_waitlist_count(event: EventPage) -> int:
        return event.waiting


class SpeakerOut(Schema):
    id: int
    name: str
    position: str
    organisation: str
    country: str

    @staticmethod
    def resolve_organisation(speaker: Speaker) -> str:
        return speaker.affiliation


class SlotOut(Schema):
    id: int
    kind: str
    title: str
    start: datetime
    end: datetime
    room: str = Field(
        description="The room in the reader's language; the section's when the item names none"
    )
    section_id: int | None
    speakers: list[SpeakerOut]
    moderators: list[SpeakerOut]

    @staticmethod
    def resolve_start(slot: ProgrammeSlot) -> datetime:
        return slot.starts_at(slot.event.tzinfo)

    @staticmethod
    def resolve_end(slot: ProgrammeSlot) -> datetime:
        return slot.ends_at(slot.event.tzinfo)

    @staticmethod
    def resolve_room(slot: ProgrammeSlot) -> str:
        return slot.where


class SectionOut(Schema):
    id: int
    kind: str
    title: str
    room: str = Field(description="The room in the reader's language")
    capacity: int | None
    confirmed_count: int
    registrable: bool

    @staticmethod
    def resolve_confirmed_count(section: EventSection) -> int:
        return section.confirmed


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

    @staticmethod
    def resolve_type(question: ExtraQuestion) -> str:
        return question.kind

    @staticmethod
    def resolve_choices(question: ExtraQuestion) -> list[str]:
        if question.kind == ExtraQuestion.Kind.YES_NO:
            return list(YES_NO)
        if question.kind == ExtraQuestion.Kind.CHOICE:
            return question.option_list
        return []


class EventDetailOut(EventOut):
    programme: ProgrammeOut
    questions: list[QuestionOut] = Field(
        description="Extra questions of the registration form, answered in `answers`"
    )

    @staticmethod
    def resolve_programme(event: EventPage) -> dict[str, list]:
        days: dict[str, list[ProgrammeSlot]] = {}
        for slot in ProgrammeSlot.objects.filter(event=event).for_timetable():
            slot.event = event  # its time zone, without reading the event again
            days.setdefault(slot.day.isoformat(), []).append(slot)
        confirmed = Count(
            "registrations",
            filter=Q(registrations__status=Registration.Status.CONFIRMED),
        )
        return {
            "days": [{"date": day, "slots": slots} for day, slots in days.items()],
            "sections": EventSection.objects.filter(event=event).annotate(
                confirmed=confirmed
            ),
        }


class RegistrationOut(Schema):
    id: int
    status: str
    position: int | None

    @staticmethod
    def resolve_position(registration: Registration) -> int | None:
        return registration.position_in_queue


def _text(field: str) -> Any:
    """A JSON string as long as the registration's column allows; nothing else is text."""
    limit = Registration._meta.get_field(field).max_length or 5000
    return Annotated[StrictStr, Field(max_length=limit, pattern=NO_NUL)]


class RegistrationIn(Schema):
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

    @model_validator(mode="wrap")
    @classmethod
    def _answers_named_as_questions(cls, data: Any, handler: Any) -> Any:
        """An error in `answers.7` is reported under `question_7`, the name the service
        and the form give it."""
        try:
            return handler(data)
        except PydanticValidationError as error:
            errors = [
                {**e, "loc": (f"question_{e['loc'][1]}",)}
                if e["loc"][:1] == ("answers",) and len(e["loc"]) > 1
                else e
                for e in error.errors()
            ]
            raise PydanticValidationError.from_exception_data(
                error.title, errors
            ) from None
