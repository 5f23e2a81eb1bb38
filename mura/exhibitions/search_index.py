"""Virtual exhibitions and "history of one artifact" stories in the search index."""

from django.utils.translation import gettext_lazy as _

from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage
from mura.search.indexing import page_entry, page_indexer, rich_text, stream_text
from mura.search.registry import Entry, register


@page_indexer
def build_exhibition(page: ExhibitionPage) -> Entry:
    venues = [str(venue) for venue in page.venues.all()]
    return page_entry(
        page,
        kind="exhibition",
        body=[rich_text(page.introduction), stream_text(page.body), *venues],
        creators=page.curators,
        year=page.start_date.year if page.start_date else None,
    )


@page_indexer
def build_story(page: ArtifactStoryPage) -> Entry:
    return page_entry(
        page,
        kind="story",
        body=[
            page.artifact.title if page.artifact else "",
            rich_text(page.introduction),
            stream_text(page.chapters),
            stream_text(page.provenance),
        ],
        creators=page.authors,
        date=page.first_published_at,
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
