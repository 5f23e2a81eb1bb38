"""Telling readers from robots, staff and prefetches, and one reader from another
within a day, without storing anything that identifies them."""

import re
from collections import OrderedDict

from django.core.cache import cache
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


# Readers this process has seen counted lately (their markers are in the shared cache).
SEEN_HERE_LIMIT = 10_000
_seen_here: OrderedDict[str, None] = OrderedDict()


def first_view(key: str, seconds: int) -> bool:
    """Mark a reader's view of something in the shared cache for ``seconds``; True when
    no process had marked it. A view this process marked itself is known without
    asking the shared cache (the key names the reader, the thing and the day)."""
    if key in _seen_here:
        _seen_here.move_to_end(key)
        return False
    first = cache.add(key, True, seconds)
    _seen_here[key] = None
    if len(_seen_here) > SEEN_HERE_LIMIT:
        _seen_here.popitem(last=False)
    return first


def seen_here_forget() -> None:
    """Forget the readers this process has seen (a test's database and cache are new)."""
    _seen_here.clear()
