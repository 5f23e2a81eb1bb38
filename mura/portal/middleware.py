import copy
import re
from collections.abc import Callable

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Site

from mura.portal.content_version import content_cached
from mura.portal.ratelimit import rate_limited

ADMIN_PREFIX = "/admin/"
NUL = "\x00"


class AdminLanguageMiddleware:
    """The admin speaks Kazakh unless its user chose otherwise: the browser's language or
    the public site's does not decide it.

    A staff member's own choice (Account → Preferences: Kazakh, Russian or English) still
    wins, because Wagtail applies it inside its views, after this default; the sign-in
    page and accounts that never chose get the default."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        request.LANGUAGE_CODE = settings.MURA_ADMIN_DEFAULT_LANGUAGE
        # override, not activate: the language must not outlive this request's thread use
        with translation.override(settings.MURA_ADMIN_DEFAULT_LANGUAGE):
            return self.get_response(request)


class RequestLimitMiddleware:
    """Per-address limits on requests that cost someone something but are handled by
    views Mura does not own: Wagtail's password-reset form e-mails a staff member on
    every POST, its password forms for private pages and documents could be guessed at
    without end, and django-simple-captcha's refresh writes a row on every call."""

    LIMITS = (
        (
            "POST",
            re.compile(r"^/admin/password_reset/"),
            "password-reset",
            ((5, 3600),),
        ),
        (
            "POST",
            re.compile(
                r"^/(?:[a-z]{2}/)?_util/authenticate_with_password/"
                r"|^/documents/authenticate_with_password/"
            ),
            "page-password",
            ((10, 600), (50, 86_400)),
        ),
        (
            "GET",
            re.compile(r"^/captcha/refresh/"),
            "captcha-refresh",
            ((30, 600), (200, 86_400)),
        ),
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for method, path, scope, limits in self.LIMITS:
            if (
                request.method == method
                and path.match(request.path_info)
                and rate_limited(request, scope, limits)
            ):
                return HttpResponse(
                    gettext(
                        "Too many requests from your address. Wait a while and try again."
                    ),
                    status=429,
                    content_type="text/plain; charset=utf-8",
                    headers={"Retry-After": str(limits[0][1])},
                )
        return self.get_response(request)


def _without_nul(text: str) -> str:
    return text.replace(NUL, " ").strip() if NUL in text else text


class NullCharacterMiddleware:
    """No database column can hold a NUL character (PostgreSQL refuses the whole query)
    and no reader types one: in a page's query string it becomes a space (trimmed at the
    ends) before any view reads it, and an address holding one names no page. The API
    and OAI-PMH check their own input and answer in their own error shapes."""

    SELF_CHECKING = ("/api/", "/oai")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(self.SELF_CHECKING):
            return self.get_response(request)
        if NUL in request.path_info:
            raise Http404
        if any(
            NUL in key or NUL in "".join(values) for key, values in request.GET.lists()
        ):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(
                    _without_nul(key), [_without_nul(value) for value in values]
                )
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


def _site_for(request: HttpRequest) -> Site | None:
    host, port = request._get_raw_host(), request.get_port()
    site = content_cached(
        f"site:{host}:{port}", lambda: Site._find_for_request(request)
    )
    # A copy: Wagtail pins things on the request's site.
    return copy.copy(site)


class SiteMiddleware:
    """Give each request its Wagtail site (``Site.find_for_request``) without a query:
    every page and every link to a page asks for it. The health check and uploaded
    files need no site, and answer without the database."""

    SITELESS = ("/healthz", "/media/", "/static/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(self.SITELESS):
            request._wagtail_site = _site_for(request)
        return self.get_response(request)


# Each header of ContentSecurityPolicyMiddleware: its name, what the settings alone make
# of it, the attribute that exempts a response and the address prefixes left without it.
_csp_headers: list[tuple[str, str, str, tuple[str, ...]]] = []
_CSP_SETTINGS = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
# What a view's csp_update/csp_replace/csp_override decorator leaves on its response.
_CSP_CHANGES = tuple(
    f"_csp_{change}{suffix}"
    for change in ("config", "update", "replace")
    for suffix in ("", "_ro")
)


@receiver(setting_changed)
def _csp_settings_changed(*, setting: str, **kwargs) -> None:
    if setting in _CSP_SETTINGS:
        _csp_headers.clear()


def _csp_settings_headers() -> list[tuple[str, str, str, tuple[str, ...]]]:
    if not _csp_headers:
        for header, report_only, exempt, name in (
            (HEADER, False, "_csp_exempt", _CSP_SETTINGS[0]),
            (HEADER_REPORT_ONLY, True, "_csp_exempt_ro", _CSP_SETTINGS[1]),
        ):
            excluded = (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
            _csp_headers.append(
                (
                    header,
                    build_policy(report_only=report_only),
                    exempt,
                    tuple(excluded or ()),
                )
            )
    return _csp_headers


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy the settings make built once per process:
    django-csp builds it for every response (copying the settings and joining every
    directive), which took longer than the rest of a page served from the cache. A
    response a view's decorator changed, or whose page took a nonce, still has its
    policy built by django-csp."""

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, change, None) is not None for change in _CSP_CHANGES
        ):
            return super().process_response(request, response)
        if response.status_code in (404, 500) and settings.DEBUG:
            return response  # Django's debug pages, as django-csp leaves them
        for header, policy, exempt, excluded in _csp_settings_headers():
            if (
                policy
                and header not in response
                and not getattr(response, exempt, False)
                and not request.path_info.startswith(excluded)
            ):
                response[header] = policy
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
