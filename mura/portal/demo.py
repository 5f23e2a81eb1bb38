"""Demo site structure: a home page in Kazakh with Russian and English translations,
and the reader of every app's demo data files."""

from pathlib import Path
from typing import Any, TextIO

import yaml
from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from mura.portal.addresses import site_sync
from mura.portal.models import HomePage, PortalSettings


def demo_file(app: str, name: str) -> Path:
    """A file of an app's demo content: ``mura/<app>/demo_data/<name>``."""
    return Path(__file__).resolve().parents[1] / app / "demo_data" / name


def demo_data(app: str, name: str) -> Any:
    """The content of an app's demo YAML file."""
    return yaml.safe_load(demo_file(app, name).read_text(encoding="utf-8"))


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def ensure_roots(locale: Locale) -> Page:
    """Wagtail's root page and root collection, which its migrations create, recreated on an
    emptied database (after a flush or a restore into a blank schema)."""
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def translate_page(page: Page, locale: Locale, **fields) -> Page:
    """The page's translation in the locale, created (with its parents) when missing."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def load(*, stdout: TextIO) -> None:
    home_texts = demo_data("portal", "home.yaml")
    locales = ensure_locales()
    root = ensure_roots(locales["kk"])
    home = HomePage.objects.filter(locale=locales["kk"]).first()
    if home is None:
        # Wagtail's placeholder "Welcome" page (and the site pointing at it) makes way for ours.
        Page.objects.filter(depth=2).not_type(HomePage).delete()
        home = root.add_child(
            instance=HomePage(locale=locales["kk"], slug="home", **home_texts["kk"])
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    site.root_page, site.site_name = home, "Mura"
    site.save()
    site_sync()
    for code in ("ru", "en"):
        translate_page(home, locales[code], **home_texts[code])
    portal_settings = PortalSettings.for_site(site)
    portal_settings.contact_email = (
        portal_settings.contact_email or "info@mura.example.org"
    )
    portal_settings.save()
    stdout.write("  home page in kk, ru, en")
