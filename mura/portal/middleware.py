import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext

ADMIN_PREFIX = "/admin/"


class AdminLanguageMiddleware:
    """Wagtail ships no Kazakh admin catalogue: staff without a chosen language get Russian.

    A staff user's own choice (Account → Preferences) still wins, because Wagtail
    applies it after this default."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.permitted = {
            code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES
        }

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path.startswith(ADMIN_PREFIX)
            and translation.get_language() not in self.permitted
        ):
            request.LANGUAGE_CODE = settings.MURA_ADMIN_DEFAULT_LANGUAGE
            # override, not activate: the language must not outlive this request's thread use
            with translation.override(settings.MURA_ADMIN_DEFAULT_LANGUAGE):
                return self.get_response(request)
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
        from mura.portal.clients import rate_limited

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


class NullCharacterMiddleware:
    """A NUL character in the address or the query string is answered with 400 before any
    view reads it: no database column can hold one (PostgreSQL refuses the query outright),
    and no reader types one. The API and OAI-PMH check their own input and answer in
    their own error shapes."""

    SELF_CHECKING = ("/api/", "/oai")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(self.SELF_CHECKING):
            return self.get_response(request)
        query = request.GET
        if "\x00" in request.path_info or any(
            "\x00" in key or any("\x00" in value for value in query.getlist(key))
            for key in query
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)
