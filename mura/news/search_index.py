"""News articles in the search index."""

from django.utils.translation import gettext_lazy as _

from mura.news.models import NewsArticlePage
from mura.search.indexing import page_entry, page_indexer, rich_text
from mura.search.registry import Entry, FacetValue, register


@page_indexer
def build(page: NewsArticlePage) -> Entry:
    tags = [tag.name for tag in page.tags.all()]
    return page_entry(
        page,
        kind="news",
        body=[page.lead, rich_text(page.body), "\n".join(tags)],
        date=page.published_at,
        facets=[FacetValue("tag", tag.lower(), tag) for tag in tags],
    )


register(
    NewsArticlePage,
    build=build,
    queryset=lambda: (
        NewsArticlePage.objects.live().select_related("locale").prefetch_related("tags")
    ),
    kinds={"news": _("News")},
)
