"""What pages tell search engines and social networks, in one place: the Open Graph
values of a page, schema.org JSON-LD written safely into a <script> element, and the
breadcrumb trail. Each app's ``seo.py`` builds its own JSON-LD from these."""

import json
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from wagtail.images.models import AbstractImage
from wagtail.models import Page

OG_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}
# What Django's json_script escapes, so that no text can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
SHARE_IMAGE = "fill-1200x630"


def jsonld_text(data: dict[str, Any]) -> SafeString:
    """JSON with <, > and & escaped: safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - escaped above like json_script


def jsonld_script(data: dict[str, Any]) -> SafeString:
    """schema.org data as a data block: browsers do not execute it, so the strict CSP
    (script-src 'self') neither blocks it nor reports it."""
    return format_html(
        '<script type="application/ld+json">{}</script>', jsonld_text(data)
    )


def page_meta(
    request: HttpRequest,
    page: Page,
    *,
    description: str,
    image: AbstractImage | None,
    language: str | None = None,
) -> dict[str, str]:
    """Address, title, description, picture and locale for Open Graph and JSON-LD."""
    language = language or page.locale.language_code
    return {
        "url": request.build_absolute_uri(page.get_url(request)),
        "title": page.seo_title or page.title,
        "description": description,
        "image": request.build_absolute_uri(image.get_rendition(SHARE_IMAGE).url)
        if image
        else "",
        "language": language,
        "og_locale": OG_LOCALES.get(language, language),
    }


@dataclass(frozen=True)
class Crumb:
    """One step of a breadcrumb trail; the current page has no address."""

    label: str
    url: str = ""


def page_breadcrumbs(page: Page, request: HttpRequest | None) -> list[Crumb]:
    """A page under its parent (a news article under the news, an event under events)."""
    parent = page.get_parent()
    return [
        Crumb(parent.title, parent.get_url(request)),
        Crumb(Truncator(page.title).words(6, truncate=" …")),
    ]
