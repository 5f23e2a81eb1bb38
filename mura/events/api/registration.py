"""Registration through the API: the checks the body's shape cannot express, then the
same service the web form uses, so that its messages match the form's."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja.throttling import BaseThrottle

from mura.api.errors import ApiError, invalid
from mura.events.api.schemas import YES_NO, RegistrationIn
from mura.events.models import EventPage, EventSection, ExtraQuestion, Registration
from mura.events.services import (
    REGISTRATION_LIMITS,
    DuplicateRegistration,
    RegistrationClosed,
    registration_create,
)
from mura.portal.ratelimit import rate_limited


class RegistrationLimit(BaseThrottle):
    """The form's limit per address, counted before the body is read: a flood of bad
    bodies is stopped like a flood of good ones."""

    def allow_request(self, request: HttpRequest) -> bool:
        return not rate_limited(request, "event-registration", REGISTRATION_LIMITS)


def registration_from_api(*, event: EventPage, body: RegistrationIn) -> Registration:
    """The registration `body` asks for, or the ApiError that says what is wrong."""
    _check_answers(event, body.answers)
    sections = list(EventSection.objects.filter(event=event, pk__in=body.sections))
    if len(sections) != len(set(body.sections)):
        raise invalid(
            {"sections": [gettext("This section does not belong to the event.")]}
        )
    data = body.model_dump(exclude={"sections", "answers"})
    data["answers"] = {f"question_{key}": value for key, value in body.answers.items()}
    try:
        return registration_create(event=event, data=data, sections=sections)
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
