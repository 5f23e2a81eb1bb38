from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

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
