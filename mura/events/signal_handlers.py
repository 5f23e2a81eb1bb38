"""Publishing an event page, from the editor or on schedule, keeps its facts in step."""

from wagtail.signals import page_published

from mura.events.models import EventPage
from mura.events.services import event_sync_translations, event_waitlist_promote


def event_published(sender, instance: EventPage, **kwargs) -> None:
    """Dates, places and capacity are the same in every language; more places promote
    the waiting list."""
    event_sync_translations(event=instance)
    event_waitlist_promote(event=instance)


def connect() -> None:
    page_published.connect(event_published, sender=EventPage)
