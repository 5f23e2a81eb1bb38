"""Anonymous readers' pages kept in the shared cache, per language and content version.

A page is stored as the view rendered it for an anonymous reader, with what must be
new for each reader left as holes, filled as it is served:

- the CSRF token of every form (the reader gets their own token and cookie, so a
  comment or a registration posted from a cached page passes Django's check);
- the CAPTCHA key of every form (a code is used once: each reader gets a new one, from
  a batch made in one write: ``captcha_keys.py``);
- fragments a template marks ``<!--mura:fill NAME ID-->…<!--/mura:fill-->``, redrawn by
  the filler an app registers under NAME (the news app counts the visit and prints the
  article's views), so what the cache serves stays as honest as a fresh page;
- work a fresh page did that must happen for every reader (the statistics count a
  view): an app registers it with ``replay_register`` and asks for it while the page is
  drawn with ``replay_on_hit``; it runs again each time the page is served from here.

Signed-in users, POSTs, htmx fragments, readers with a session or messages, searches and
personal addresses are never served from or stored in the cache; nor is a response that
sets a cookie, writes to the session, queues a message or asks not to be cached. The key
holds the content version (``content_version.py``), so a publication, an approval or a
record change reaches every reader on their next request."""

import hashlib
import os
import re
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CsrfViewMiddleware,
)
from django.utils import translation
from django.utils.cache import get_max_age, patch_vary_headers

from mura.portal.captcha_keys import captcha_key
from mura.portal.content_version import (
    content_version,
    request_version_reset,
    request_version_set,
)

CACHE_ALIAS = "pages"
STATUS_HEADER = "X-Mura-Page-Cache"
# Addresses (after the language prefix) never kept: the admin and Wagtail's own views,
# searches (each one is logged), posting endpoints, downloads and personal pages.
UNCACHED = re.compile(
    r"^/(?:[a-z]{2}/)?(?:admin|api|search|comments|captcha|documents|media|_util|i18n"
    r"|oai|records|feeds|healthz|sitemap|robots\.txt)(?:[/.-]|$)"
    r"|/registration/|/certificates/"
)
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{32,64}(")')
CSRF_HOLE = b"\x00mura-csrf\x00"
CAPTCHA_KEY = re.compile(rb'name="[\w-]*captcha_0" value="([0-9a-f]{40})"')
CAPTCHA_HOLE = b"\x00mura-captcha-%d\x00"
CAPTCHA_HOLES = re.compile(rb"\x00mura-captcha-(\d+)\x00")
FILL = re.compile(
    rb"<!--mura:fill ([a-z][a-z-]*) (\d+)-->(.*?)<!--/mura:fill-->", re.DOTALL
)
HOLES = re.compile(
    rb"\x00mura-(?:(csrf)|captcha-(\d+))\x00"
    rb"|<!--mura:fill ([a-z][a-z-]*) (\d+)-->(.*?)<!--/mura:fill-->",
    re.DOTALL,
)
CSRF, CAPTCHA, FILL_HOLE = "csrf", "captcha", "fill"
# The kept entries' shape: a new one is kept under new keys, never read in the old one.
LAYOUT = 2
KEPT_HEADERS = ("Content-Type", "Content-Language", "X-Robots-Tag", "Link")

# Random bytes to CSRF letters: a byte's low six bits name one of the 62 letters, and
# the 8 byte values naming none are dropped, so every letter is equally likely.
_LETTER_OF_BYTE = bytes(
    CSRF_ALLOWED_CHARS.encode()[byte & 63] if byte & 63 < 62 else 0
    for byte in range(256)
)
_NO_LETTER = bytes(byte for byte in range(256) if byte & 63 >= 62)
_LETTER_NUMBER = {letter: number for number, letter in enumerate(CSRF_ALLOWED_CHARS)}

Filler = Callable[[HttpRequest, int], str]
_fillers: dict[str, Filler] = {}
_replays: dict[str, Callable[..., object]] = {}


def filler_register(name: str, filler: Filler) -> None:
    """``filler(request, id)`` redraws ``<!--mura:fill name id-->`` on a cached page."""
    _fillers[name] = filler


def replay_register(name: str, work: Callable[..., object]) -> None:
    """``work(request, *args)`` runs for each reader a cached page is served to."""
    _replays[name] = work


def replay_on_hit(request: HttpRequest, name: str, *args) -> None:
    """Ask, while a page is drawn, for ``name``'s work to run again with ``args`` each
    time this page is served from the cache (the fresh page has done it already)."""
    request.__dict__.setdefault("_mura_replays", []).append((name, args))


def _cache():
    return caches[CACHE_ALIAS]


def _seconds() -> int:
    return settings.MURA_PAGE_CACHE_SECONDS


def _reader_may_share(request: HttpRequest) -> bool:
    """An anonymous reader's GET of a public address, with nothing of their own."""
    if request.method != "GET" or not _seconds():
        return False
    if request.headers.get("HX-Request") or request.headers.get("Authorization"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    if UNCACHED.search(request.path):
        return False
    user = getattr(request, "user", None)
    return not (user and user.is_authenticated)


def _key(request: HttpRequest, version: str, language: str) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"mura:page:{LAYOUT}:{version}:{language}:{request.get_host()}:{address}"


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if response.cookies or get_max_age(response) == 0:
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not getattr(messages, "added_new", False)


def _with_holes(content: bytes) -> bytes:
    content = CSRF_INPUT.sub(
        lambda match: match.group(1) + CSRF_HOLE + match.group(2), content
    )
    for number, key in enumerate(dict.fromkeys(CAPTCHA_KEY.findall(content))):
        content = content.replace(key, CAPTCHA_HOLE % number)
    return content


def _parts(content: bytes) -> list[bytes | tuple]:
    """The page cut at its holes, once as it is kept, so that serving it is one pass:
    the bytes between the holes, and for each hole ``(CSRF,)``, ``(CAPTCHA, number)``
    or ``(FILL_HOLE, name, id, what the fresh page had)``."""
    content = _with_holes(content)
    parts: list[bytes | tuple] = []
    end = 0
    for match in HOLES.finditer(content):
        parts.append(content[end : match.start()])
        csrf, captcha, name, number, fresh = match.groups()
        if csrf:
            parts.append((CSRF,))
        elif captcha is not None:
            parts.append((CAPTCHA, int(captcha)))
        else:
            parts.append((FILL_HOLE, name.decode(), int(number), fresh))
        end = match.end()
    parts.append(content[end:])
    return parts


def _csrf_letters(count: int) -> str:
    letters = b""
    while len(letters) < count:
        letters += os.urandom(count + 8).translate(_LETTER_OF_BYTE, _NO_LETTER)
    return letters[:count].decode()


def _csrf_token(request: HttpRequest) -> str:
    """Django's ``get_token``: the reader's CSRF secret (a new one, sent as their cookie,
    when they have none), masked anew. Django draws each of its 64 random letters with
    a read of the system's random source of its own, which took longer than the rest
    of a cached page; here each string is one read. Django's middleware still checks
    the token and sets the cookie."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = request.META["CSRF_COOKIE"] = _csrf_letters(CSRF_SECRET_LENGTH)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _csrf_letters(CSRF_SECRET_LENGTH)
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(_LETTER_NUMBER[x] + _LETTER_NUMBER[y]) % 62]
        for x, y in zip(secret, mask, strict=True)
    )
    return mask + cipher


def _filled(request: HttpRequest, parts: list[bytes | tuple]) -> bytes:
    out: list[bytes] = []
    captchas: dict[int, bytes] = {}
    token = b""
    for part in parts:
        if part.__class__ is bytes:
            out.append(part)
        elif part[0] == CSRF:
            token = token or _csrf_token(request).encode()
            out.append(token)
        elif part[0] == CAPTCHA:
            if part[1] not in captchas:
                captchas[part[1]] = captcha_key().encode()
            out.append(captchas[part[1]])
        else:
            filler = _fillers.get(part[1])
            out.append(part[3] if filler is None else filler(request, part[2]).encode())
    return b"".join(out)


def _markers_removed(content: bytes) -> bytes:
    return FILL.sub(rb"\3", content)


class PageCacheHitMiddleware:
    """Serve a kept page right after the security and CSP middleware, without the rest
    of the stack: a reader with no session cookie is anonymous, the language is the
    path's prefix (``i18n_patterns(prefix_default_language=False)``), and what the
    skipped middleware would add to the page is added here with Django's own code (the
    CSRF cookie, ``X-Frame-Options``, ``Vary``, ``Content-Language``,
    ``Content-Length``). A miss goes down
    the whole stack, where ``PageCacheMiddleware`` keeps the page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)
        self.frame_options = XFrameOptionsMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _reader_may_share(request):
            return self.get_response(request)
        version = content_version()
        token = request_version_set(version)
        try:
            prefix = translation.get_language_from_path(request.path_info)
            language = prefix or settings.LANGUAGE_CODE
            stored = _cache().get(_key(request, version, language))
            if stored is None:
                return self.get_response(request)
            with translation.override(language):
                request.LANGUAGE_CODE = language
                self.csrf.process_request(request)
                response = _from_cache(request, stored)
        finally:
            request_version_reset(token)
        self.csrf.process_response(request, response)
        self.frame_options.process_response(request, response)
        # What LocaleMiddleware marks on a page.
        if not prefix:
            patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", language)
        response.headers["Content-Length"] = str(len(response.content))
        return response


class PageCacheMiddleware:
    """Keep anonymous pages (inside every middleware a page needs, so a kept page is
    what the whole stack draws); ``PageCacheHitMiddleware`` serves them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if _reader_may_share(request) and _storable(request, response):
            language = translation.get_language()
            if language == (
                translation.get_language_from_path(request.path_info)
                or settings.LANGUAGE_CODE
            ):
                _store(_key(request, content_version(), language), request, response)
        if not response.streaming and b"<!--mura:fill" in response.content:
            response.content = _markers_removed(response.content)
        return response


def _store(key: str, request: HttpRequest, response: HttpResponse) -> None:
    stored = {
        "parts": _parts(response.content),
        "headers": [
            (name, response[name]) for name in KEPT_HEADERS if response.has_header(name)
        ],
        "replays": getattr(request, "_mura_replays", []),
    }
    _cache().set(key, stored, _seconds())
    response[STATUS_HEADER] = "miss"


def _from_cache(request: HttpRequest, stored: dict) -> HttpResponse:
    for name, args in stored.get("replays", ()):
        _replays[name](request, *args)
    response = HttpResponse(_filled(request, stored["parts"]))
    for name, value in stored["headers"]:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return response
