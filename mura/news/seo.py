"""What an article tells search engines and social networks: Open Graph, JSON-LD, share links."""

from typing import TYPE_CHECKING
from urllib.parse import quote

from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.timezone import localtime

from mura.portal.seo import jsonld_script, page_meta

if TYPE_CHECKING:
    from mura.news.models import NewsArticlePage


def article_meta(request: HttpRequest, page: "NewsArticlePage") -> dict:
    """Addresses and texts the article shares with search engines and social networks."""
    meta = page_meta(
        request,
        page,
        description=page.search_description or page.lead or page.summary,
        image=page.listing_image,
        language=page.original.locale.language_code,
    )
    quoted_url, quoted_title = (
        quote(meta["url"], safe=""),
        quote(meta["title"], safe=""),
    )
    meta["share"] = [
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={quoted_url}"),
        ("VK", f"https://vk.com/share.php?url={quoted_url}&title={quoted_title}"),
        ("Telegram", f"https://t.me/share/url?url={quoted_url}&text={quoted_title}"),
        ("WhatsApp", f"https://wa.me/?text={quoted_title}%20{quoted_url}"),
        ("X", f"https://x.com/intent/tweet?url={quoted_url}&text={quoted_title}"),
    ]
    meta["mailto"] = f"mailto:?subject={quoted_title}&body={quoted_url}"
    return meta


def article_jsonld(page: "NewsArticlePage", meta: dict) -> SafeString:
    """schema.org NewsArticle."""
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
    return jsonld_script(data)
