"""Telling readers from robots, staff and prefetches, and one reader from another
within a day, without storing anything that identifies them."""

import re

from django.http import HttpRequest

from mura.portal.ratelimit import address_hash

# Crawlers, link previewers, feed readers and scripts announce themselves in the user agent.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|preview|feedfetcher|mediapartners|"
    r"curl|wget|python|httpx|aiohttp|go-http-client|java/|libwww|okhttp|scrapy|lighthouse|pingdom",
    re.IGNORECASE,
)


def is_reader_view(request: HttpRequest) -> bool:
    """A GET by a person reading the site: not a robot, a prefetch, a preview or staff."""
    if request.method != "GET" or getattr(request, "is_preview", False):
        return False
    agent = request.headers.get("User-Agent", "")
    if not agent.strip() or BOTS.search(agent):
        return False
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get(
        "Purpose", ""
    )
    if purpose.startswith(("prefetch", "prerender")):
        return False
    user = getattr(request, "user", None)
    return not (
        user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )


def visitor_hash(request: HttpRequest, day: str) -> str:
    """Address and browser, salted with the secret key and the day: nothing raw is stored."""
    return address_hash(request, day, request.headers.get("User-Agent", ""))
