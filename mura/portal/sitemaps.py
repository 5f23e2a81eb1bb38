"""The sitemap's building blocks: every address in every language, with hreflang
alternates, in sections of at most ``MURA_SITEMAP_SECTION_SIZE`` addresses.

Apps describe their own addresses (``<app>/sitemaps.py``); ``mura/urls.py`` assembles the
sections. Addresses are paths: the sitemap views prefix the request's scheme and host."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Page

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class MultilingualSitemap(Sitemap):
    """Each item in every language, each address naming the others as alternates."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def limit(self) -> int:
        return settings.MURA_SITEMAP_SECTION_SIZE


class ViewSitemap(MultilingualSitemap):
    """Pages of named views that take no arguments (lists and indexes)."""

    def __init__(self, *names: str) -> None:
        self.names = names

    def items(self) -> list[str]:
        return list(self.names)

    def location(self, item: str) -> str:
        return reverse(item)


class EveryLanguage:
    """The (object, language) pairs of a queryset in every language, for the paginator:
    a section reads only its own slice of the table, never the whole of it."""

    def __init__(self, queryset) -> None:
        self.queryset = queryset

    def count(self) -> int:
        return self.queryset.count() * len(LANGUAGE_CODES)

    def __getitem__(self, index: slice) -> list[tuple]:
        per_object = len(LANGUAGE_CODES)
        first = index.start // per_object
        objects = self.queryset[first : -(-index.stop // per_object)]
        pairs = [(obj, code) for obj in objects for code in LANGUAGE_CODES]
        skip = index.start - first * per_object
        return pairs[skip : skip + index.stop - index.start]


class ModelSitemap(MultilingualSitemap):
    """The objects of a queryset, at their ``get_absolute_url()``, in every language."""

    date_field: str | None = None

    def __init__(self, queryset) -> None:
        self.queryset = queryset

    def items(self):
        return self.queryset.order_by("pk")

    def _items(self) -> EveryLanguage:
        return EveryLanguage(self.items())

    def location(self, item) -> str:
        """The address in the active language, reversed once per object: in the
        languages' address trees only the prefix differs."""
        path = item.__dict__.get("_sitemap_path")
        if path is None:
            with translation.override(settings.LANGUAGE_CODE):
                path = item.__dict__["_sitemap_path"] = item.get_absolute_url()
        language = get_language()
        return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"

    def lastmod(self, item):
        return getattr(item, self.date_field) if self.date_field else None

    def get_latest_lastmod(self):
        if not self.date_field:
            return None
        return (
            self.queryset.order_by(f"-{self.date_field}")
            .values_list(self.date_field, flat=True)
            .first()
        )


@dataclass
class PageTranslations:
    """One Wagtail page and its published translations, by language code."""

    pages: dict[str, Page] = field(default_factory=dict)


class PageSitemap(MultilingualSitemap):
    """Every live page open to everyone, once per translation."""

    def items(self) -> list[PageTranslations]:
        groups: dict = {}
        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .select_related("locale")
            .order_by("path")
        )
        for page in pages:
            if page.locale.language_code in LANGUAGE_CODES and page.get_url_parts():
                group = groups.setdefault(page.translation_key, PageTranslations())
                group.pages[page.locale.language_code] = page
        return list(groups.values())

    def get_languages_for_item(self, item: PageTranslations) -> list[str]:
        return [code for code in LANGUAGE_CODES if code in item.pages]

    def location(self, item: PageTranslations) -> str:
        page = item.pages.get(get_language()) or next(iter(item.pages.values()))
        return page.get_url_parts()[2]

    def lastmod(self, item: PageTranslations):
        dates = [page.last_published_at for page in item.pages.values()]
        return max(filter(None, dates), default=None)

    def get_latest_lastmod(self):
        return None
