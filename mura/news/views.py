"""Which requests are views of an article, and who the (anonymous) visitor is."""

import re

from django.http import HttpRequest
from django.utils import timezone

from mura.news.services import article_view_record
from mura.portal.ratelimit import address_hash

# Crawlers, link previewers, feed readers and scripts announce themselves in the user agent.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|preview|feedfetcher|mediapartners|"
    r"curl|wget|python|httpx|aiohttp|go-http-client|java/|libwww|okhttp|scrapy|lighthouse|pingdom",
    re.IGNORECASE,
)


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or BOTS.search(user_agent) is not None


def is_staff_view(request: HttpRequest) -> bool:
    """Wagtail previews and editors reading their own site are not readers."""
    if getattr(request, "is_preview", False):
        return True
    user = getattr(request, "user", None)
    return bool(
        user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )


def is_prefetch(request: HttpRequest) -> bool:
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get(
        "Purpose", ""
    )
    return purpose.startswith("prefetch") or purpose.startswith("prerender")


def visitor_hash(request: HttpRequest, day: str) -> str:
    """Address and browser, salted with the secret key and the day: nothing raw is stored."""
    return address_hash(request, day, request.headers.get("User-Agent", ""))


def count_view(request: HttpRequest, article) -> bool:
    if request.method != "GET" or is_bot(request.headers.get("User-Agent", "")):
        return False
    if is_staff_view(request) or is_prefetch(request):
        return False
    day = timezone.localdate()
    return article_view_record(
        article_id=article.alias_of_id or article.pk,
        visitor=visitor_hash(request, day.isoformat()),
        day=day,
    )
