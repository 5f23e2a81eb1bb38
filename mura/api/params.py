"""Parameter types the endpoints share, bounded so that no value a client sends reaches a
database that cannot hold it (a 64-bit integer, text without NUL, a date it can store)."""

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from django.db.models import TextChoices
from django.utils import timezone
from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

MAX_ID = 2**63 - 1  # the largest key PostgreSQL's bigint and SQLite's INTEGER hold

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID, description="A numeric id.")]
PageNumber = Annotated[int, Field(ge=1, le=MAX_ID)]
# PostgreSQL refuses NUL in text; a slug or code is never longer than this.
Text = Annotated[str, Field(max_length=200, pattern=r"^[^\x00]*$")]
LongText = Annotated[str, Field(max_length=1000, pattern=r"^[^\x00]*$")]
# A slug a list is filtered by; `?institution=` (empty) filters nothing.
SlugFilter = Annotated[Text | None, BeforeValidator(lambda value: value or None)]


def one_of(choices: type[TextChoices]) -> Any:
    """The choices' values as an inline enum: OpenAPI names an Enum component by its class
    name, and the catalogue's, the institutions' and the questions' `Kind` would collide."""
    return Literal[tuple(choices.values)]


def _iso_8601(value: Any) -> Any:
    """Only ISO 8601 text: pydantic would also read `0.5` as seconds since 1970."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError as error:
            raise PydanticCustomError(
                "datetime_parsing", "not an ISO 8601 date and time"
            ) from error
    return value


def _storable(moment: datetime) -> datetime:
    """An aware UTC moment; a naive one is read in the site's time zone. A moment that
    falls outside year 1-9999 in UTC cannot be compared in SQLite, so it is refused."""
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=timezone.get_default_timezone())
    try:
        return moment.astimezone(UTC)
    except OverflowError as error:
        raise PydanticCustomError(
            "datetime_range", "the moment is outside the years 1-9999"
        ) from error


Moment = Annotated[datetime, BeforeValidator(_iso_8601), AfterValidator(_storable)]
