from django.utils.translation import gettext_lazy as _

from mura.events.models import EventPage
from mura.search.indexers import language_independent
from mura.search.indexers.pages import is_public, is_searchable, page_url, rich_text
from mura.search.registry import Entry, register


@language_independent
def build(page: EventPage) -> Entry | None:
    if not is_searchable(page):
        return None
    details = (
        page.lead,
        rich_text(page.description),
        page.occasion,
        page.venue_name,
        page.venue_address,
    )
    return Entry(
        kind="event",
        title=page.title,
        url=page_url(page),
        creators=page.partners_text,
        body="\n".join(part for part in details if part),
        institution_id=page.institution_id,
        language=page.locale.language_code,
        date=page.start,
        has_image=page.listing_image_id is not None,
        is_public=is_public(page),
    )


register(
    EventPage,
    build=build,
    queryset=lambda: EventPage.objects.live().select_related("locale"),
    kinds={"event": _("Event")},
)
