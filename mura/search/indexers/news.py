from django.utils.translation import gettext_lazy as _

from mura.news.models import NewsArticlePage
from mura.search.indexers import language_independent
from mura.search.indexers.pages import is_public, is_searchable, page_url, rich_text
from mura.search.registry import Entry, FacetValue, register


@language_independent
def build(page: NewsArticlePage) -> Entry | None:
    if not is_searchable(page):
        return None
    tags = [tag.name for tag in page.tags.all()]
    return Entry(
        kind="news",
        title=page.title,
        url=page_url(page),
        body="\n".join(
            part for part in (page.lead, rich_text(page.body), "\n".join(tags)) if part
        ),
        institution_id=page.institution_id,
        language=page.locale.language_code,
        date=page.published_at,
        has_image=page.listing_image_id is not None,
        is_public=is_public(page),
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
