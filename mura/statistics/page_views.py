"""Which pages count as read, and under which kind."""

from wagtail.models import Page

from mura.events.models import EventPage
from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage
from mura.news.models import NewsArticlePage
from mura.statistics.models import ViewKind

PAGE_KINDS: dict[type[Page], ViewKind] = {
    NewsArticlePage: ViewKind.NEWS,
    ArtifactStoryPage: ViewKind.STORY,
    ExhibitionPage: ViewKind.EXHIBITION,
    EventPage: ViewKind.EVENT,
}

KIND_PAGES = {kind: model for model, kind in PAGE_KINDS.items()}


def page_kind(page: Page) -> ViewKind | None:
    return PAGE_KINDS.get(type(page))
