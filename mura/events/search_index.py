"""Events in the search index."""

from django.utils.translation import gettext_lazy as _

from mura.events.models import EventPage
from mura.search.indexing import page_entry, page_indexer, rich_text
from mura.search.registry import Entry, register


@page_indexer
def build(page: EventPage) -> Entry:
    return page_entry(
        page,
        kind="event",
        body=[
            page.lead,
            rich_text(page.description),
            page.occasion,
            page.venue_name,
            page.venue_address,
        ],
        creators=page.partners_text,
        date=page.start,
    )


register(
    EventPage,
    build=build,
    queryset=lambda: EventPage.objects.live().select_related("locale"),
    kinds={"event": _("Event")},
)
