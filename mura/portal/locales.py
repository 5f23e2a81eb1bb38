"""Wagtail's locales, read once per process and content version: every page names its
language, and a page's ``locale`` is otherwise a query of its own."""

from django.utils import translation
from wagtail.models import Locale, Page

from mura.portal.content_version import content_cached


def locales_by_id() -> dict[int, Locale]:
    return content_cached(
        "locales", lambda: {locale.pk: locale for locale in Locale.objects.all()}
    )


def locale_active() -> Locale:
    """``Locale.get_active()`` without a query."""
    language = translation.get_language()
    for locale in locales_by_id().values():
        if locale.language_code == language:
            return locale
    return Locale.get_active()


def page_locale_attach(page: Page) -> None:
    """Give the page its locale without a query (when the locale is known)."""
    locale = locales_by_id().get(page.locale_id)
    if locale is not None and not Page.locale.is_cached(page):
        page.locale = locale
