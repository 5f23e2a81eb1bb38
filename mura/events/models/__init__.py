"""Events: pages that tell readers about them, the programme, registration and its waiting list.

The programme (sections, slots, speakers), the extra questions and the registrations are
ordinary models attached to the original language version of an event page: they are live
operational data (places are counted against them), not versioned page content, and the
Russian and English translations of the page share them."""

from mura.events.models.pages import (
    EventIndexPage,
    EventMaterial,
    EventPage,
    EventPageQuerySet,
    EventPhoto,
    EventReport,
)
from mura.events.models.programme import (
    EventSection,
    ExtraQuestion,
    ProgrammeSlot,
    SlotQuerySet,
    Speaker,
)
from mura.events.models.registrations import (
    Registration,
    RegistrationQuerySet,
    new_code,
    new_token,
)

__all__ = [
    "EventIndexPage",
    "EventMaterial",
    "EventPage",
    "EventPageQuerySet",
    "EventPhoto",
    "EventReport",
    "EventSection",
    "ExtraQuestion",
    "ProgrammeSlot",
    "Registration",
    "RegistrationQuerySet",
    "SlotQuerySet",
    "Speaker",
    "new_code",
    "new_token",
]
