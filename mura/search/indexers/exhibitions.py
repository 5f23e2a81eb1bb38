"""Virtual exhibitions and "history of one artifact" stories."""

from django.utils.translation import gettext_lazy as _

from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage
from mura.search.indexers import language_independent
from mura.search.indexers.pages import is_public, is_searchable, page_url, rich_text
from mura.search.registry import Entry, register


def _stream_text(value) -> str:
    """The searchable text of a StreamField, as Wagtail's own search indexes it."""
    if not value:
        return ""
    return "\n".join(
        rich_text(str(part))
        for part in value.stream_block.get_searchable_content(value)
    )


@language_independent
def build_exhibition(page: ExhibitionPage) -> Entry | None:
    if not is_searchable(page):
        return None
    venues = [str(venue) for venue in page.venues.all()]
    return Entry(
        kind="exhibition",
        title=page.title,
        url=page_url(page),
        creators=page.curators,
        body="\n".join(
            p
            for p in (rich_text(page.introduction), _stream_text(page.body), *venues)
            if p
        ),
        institution_id=page.institution_id,
        language=page.locale.language_code,
        year=page.start_date.year if page.start_date else None,
        has_image=page.listing_image_id is not None,
        is_public=is_public(page),
    )


@language_independent
def build_story(page: ArtifactStoryPage) -> Entry | None:
    if not is_searchable(page):
        return None
    parts = (
        page.artifact.title if page.artifact else "",
        rich_text(page.introduction),
        _stream_text(page.chapters),
        _stream_text(page.provenance),
    )
    return Entry(
        kind="story",
        title=page.title,
        url=page_url(page),
        creators=page.authors,
        body="\n".join(p for p in parts if p),
        institution_id=page.institution_id,
        language=page.locale.language_code,
        date=page.first_published_at,
        has_image=page.listing_image_id is not None,
        is_public=is_public(page),
    )


register(
    ExhibitionPage,
    build=build_exhibition,
    queryset=lambda: (
        ExhibitionPage.objects.live()
        .select_related("locale")
        .prefetch_related("venues")
    ),
    kinds={"exhibition": _("Virtual exhibition")},
)
register(
    ArtifactStoryPage,
    build=build_story,
    queryset=lambda: ArtifactStoryPage.objects.live().select_related(
        "locale", "artifact"
    ),
    kinds={"story": _("History of one artifact")},
)
