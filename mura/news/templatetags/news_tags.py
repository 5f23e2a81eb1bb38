from django import template
from django.utils import translation

from mura.institutions.models import Institution
from mura.news.models import NewsArticlePage, NewsIndexPage
from mura.portal.content_version import content_cached

register = template.Library()


@register.simple_tag
def latest_news(
    limit: int = 4, institution: Institution | None = None
) -> list[NewsArticlePage]:
    """The newest live articles in the reader's language, optionally of one institution."""
    articles = NewsArticlePage.objects.for_listing().in_language(
        translation.get_language()
    )
    if institution is not None:
        articles = articles.filter(institution=institution)
    return list(articles[:limit])


@register.simple_tag(takes_context=True)
def news_index_url(context: template.Context) -> str:
    language = translation.get_language()
    index = content_cached(
        f"news-index:{language}",
        lambda: (
            NewsIndexPage.objects.live().filter(locale__language_code=language).first()
        ),
    )
    return index.get_url(context.get("request")) if index else ""
