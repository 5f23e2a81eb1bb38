"""RSS 2.0 and Atom feeds of the news, one per language: `?lang=ru` or `?lang=en` (Kazakh by default).

The feeds live outside the language prefixes, like the event calendars (`/feeds/events.ics?lang=`),
so one address serves every feed reader; the parameter picks the articles and the interface words."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from mura.news.models import NewsArticlePage, NewsIndexPage
from mura.portal.translation import LANGUAGE_CODES

FEED_SIZE = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    url_name = "feeds:news_rss"

    def __call__(self, request, *args, **kwargs):
        language = request.GET.get("lang", "kk")
        with translation.override(language if language in LANGUAGE_CODES else "kk"):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs) -> str:
        return translation.get_language()

    def title(self, language: str) -> str:
        return gettext("Mura: news of libraries, archives and museums")

    def description(self, language: str) -> str:
        return gettext(
            "The latest news of the region's libraries, archives and museums."
        )

    subtitle = description

    def link(self, language: str) -> str:
        index = (
            NewsIndexPage.objects.live().filter(locale__language_code=language).first()
        )
        return index.get_url() if index else "/"

    def feed_url(self, language: str) -> str:
        return f"{reverse(self.url_name)}?lang={language}"

    def items(self, language: str):
        articles = (
            NewsArticlePage.objects.for_listing()
            .in_language(language)
            .prefetch_related("tags")
        )
        return articles[:FEED_SIZE]

    def item_title(self, item: NewsArticlePage) -> str:
        return item.title

    def item_description(self, item: NewsArticlePage) -> str:
        return item.lead or item.summary

    def item_link(self, item: NewsArticlePage) -> str:
        return item.get_url()

    def item_pubdate(self, item: NewsArticlePage):
        return item.published_at

    def item_updateddate(self, item: NewsArticlePage):
        return max(item.last_published_at or item.published_at, item.published_at)

    def item_author_name(self, item: NewsArticlePage) -> str:
        return item.institution.name

    def item_categories(self, item: NewsArticlePage) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    url_name = "feeds:news_atom"
    author_name = "Mura"
