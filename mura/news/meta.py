"""What an article tells search engines and social networks: Open Graph, JSON-LD, share links."""

import json
from typing import TYPE_CHECKING
from urllib.parse import quote

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

if TYPE_CHECKING:
    from mura.news.models import NewsArticlePage

OG_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_US"}
# What json_script escapes, so that no text can close the <script> element.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _image_url(request: HttpRequest, page: "NewsArticlePage") -> str:
    if not page.listing_image:
        return ""
    return request.build_absolute_uri(
        page.listing_image.get_rendition("fill-1200x630").url
    )


def article_meta(request: HttpRequest, page: "NewsArticlePage") -> dict:
    """Addresses and texts the article shares with search engines and social networks."""
    url = request.build_absolute_uri(page.get_url(request))
    description = page.search_description or page.lead or page.summary
    title = page.seo_title or page.title
    quoted_url, quoted_title = quote(url, safe=""), quote(title, safe="")
    language = page.original.locale.language_code
    return {
        "url": url,
        "language": language,
        "og_locale": OG_LOCALES.get(language, language),
        "title": title,
        "description": description,
        "image": _image_url(request, page),
        "share": [
            ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={quoted_url}"),
            ("VK", f"https://vk.com/share.php?url={quoted_url}&title={quoted_title}"),
            (
                "Telegram",
                f"https://t.me/share/url?url={quoted_url}&text={quoted_title}",
            ),
            ("WhatsApp", f"https://wa.me/?text={quoted_title}%20{quoted_url}"),
            ("X", f"https://x.com/intent/tweet?url={quoted_url}&text={quoted_title}"),
        ],
        "mailto": f"mailto:?subject={quoted_title}&body={quoted_url}",
    }


def article_jsonld(page: "NewsArticlePage", meta: dict) -> SafeString:
    """schema.org NewsArticle as a data block: browsers do not execute it, so the strict CSP
    (script-src 'self') neither blocks it nor reports it."""
    institution = page.institution
    organisation = {"@type": "Organization", "name": institution.name}
    if institution.website:
        organisation["url"] = institution.website
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": meta["description"],
        "url": meta["url"],
        "mainEntityOfPage": meta["url"],
        "inLanguage": meta["language"],
        "datePublished": localtime(page.published_at).isoformat(),
        "dateModified": localtime(
            max(page.last_published_at or page.published_at, page.published_at)
        ).isoformat(),
        "author": organisation,
        "publisher": organisation,
        "keywords": [tag.name for tag in page.tags.all()],
    }
    if meta["image"]:
        data["image"] = [meta["image"]]
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308 (escaped above like json_script)
    )
