"""The API's one error shape, `{"detail", "errors"}`, for every way a request can be wrong.

Ninja's own answers (422 with pydantic's English list, Django's HTML 400 for an oversized
body, a plain-text 405) are replaced here so that a client meets one documented shape in
its own language, whatever it got wrong."""

import functools
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, Throttled, ValidationError

request_logger = logging.getLogger("django.request")


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class ApiError(Exception):
    """Raised anywhere inside an API view to answer with this status and message."""

    def __init__(
        self, status: int, detail: str, errors: dict[str, list[str]] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or {}


def error_response(
    status: int, detail: str, errors: dict[str, list[str]] | None = None
) -> JsonResponse:
    return JsonResponse({"detail": detail, "errors": errors or {}}, status=status)


def invalid(errors: dict[str, list[str]]) -> ApiError:
    return ApiError(400, gettext("Please correct the marked fields."), errors)


def _message(error: dict[str, Any]) -> str:
    """Pydantic's error as a sentence in the reader's language (its own text is English)."""
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "missing":
        return gettext("This field is required.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return gettext("Enter a whole number.")
    if kind in ("greater_than_equal", "greater_than"):
        limit = context.get("ge", context.get("gt"))
        return gettext("Enter a number no smaller than %(limit)s.") % {"limit": limit}
    if kind in ("less_than_equal", "less_than"):
        limit = context.get("le", context.get("lt"))
        return gettext("Enter a number no larger than %(limit)s.") % {"limit": limit}
    if kind == "string_type":
        return gettext("Give this as text (a JSON string).")
    if kind == "string_too_long":
        return gettext("Use at most %(limit)s characters.") % {
            "limit": context.get("max_length")
        }
    if kind == "string_pattern_mismatch":
        return gettext("This text contains characters that are not allowed.")
    if kind in ("bool_type", "bool_parsing"):
        return gettext("Give true or false.")
    if kind in ("list_type", "too_long"):
        return gettext("Give a list of at most %(limit)s items.") % {
            "limit": context.get("max_length", 100)
        }
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return gettext("Give an object.")
    if kind.startswith(("datetime_", "date_", "timezone_")):
        return gettext(
            "Enter a date and time in ISO 8601, e.g. 2026-04-08T16:32:00+05:00."
        )
    if kind in ("enum", "literal_error"):
        return gettext("Choose one of: %(choices)s.") % {
            "choices": context.get("expected", "")
        }
    if kind == "extra_forbidden":
        return gettext("This field is not known.")
    return gettext("This value is not valid.")


def field_errors(errors: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """{"field": [message, ...]} from ninja's error list; nested fields are named with
    dots (`sections.0`), the parameter's source (query, path, body) is dropped."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        if location and location[0] == "body":
            location = location[2:]  # and the name of the view's argument that holds it
        elif location and location[0] in ("query", "path", "header", "cookie"):
            location = location[1:]
        name = ".".join(location) or "__all__"
        fields.setdefault(name, []).append(_message(error))
    return fields


def install_handlers(api: NinjaAPI) -> None:
    """Every exception ninja sees becomes the error shape, an unexpected one a 500."""

    @api.exception_handler(ApiError)
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return error_response(exc.status, exc.detail, exc.errors)

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        """Wrong parameters are a 422, as ninja answers them, naming only them; a body
        is judged once they are right, its field errors a 400."""
        parameters = [error for error in exc.errors if error["loc"][0] != "body"]
        if parameters:
            return error_response(
                422,
                gettext("Please correct the marked fields."),
                field_errors(parameters),
            )
        if any(e["loc"][2:] == () and e["type"] == "missing" for e in exc.errors):
            # No body at all: ninja does not ask the parser about an empty one.
            try:
                api.parser.parse_body(request)
            except ApiError as refusal:
                return api_error(request, refusal)
        return error_response(
            400, gettext("Please correct the marked fields."), field_errors(exc.errors)
        )

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404, gettext("Nothing was found at this address."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        # Ninja raises these itself only for a body it cannot parse, wrapping the
        # parser's (mura.api.parser) own refusal or Django's limit on its size.
        if isinstance(exc.__cause__, (ApiError, RequestDataTooBig)):
            return api.on_exception(request, exc.__cause__)
        return error_response(exc.status_code, gettext("The request body is not JSON."))

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return error_response(
            429,
            gettext(
                "Too many requests from your network in a minute. "
                "Please try again shortly."
            ),
        )

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return error_response(413, gettext("The request body is too large."))

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        # A bug, not bad input: logged as Django logs a 500 (traceback, admins'
        # e-mail), and the client still reads the shape it was promised.
        request_logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exc,
            extra={"status_code": 500, "request": request},
        )
        return error_response(
            500, gettext("Something went wrong on our side. It has been logged.")
        )

    @api.exception_handler(TooManyFieldsSent)
    def too_many_fields(request: HttpRequest, exc: TooManyFieldsSent) -> HttpResponse:
        return error_response(400, gettext("The request has too many parameters."))


def in_readers_language(view: Callable) -> Callable:
    """/api/ has no language prefix, so LocaleMiddleware leaves it in Kazakh; the API answers
    in the language of the Accept-Language header (or the language cookie) instead."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override(translation.get_language_from_request(request)):
            try:
                response = view(request, *args, **kwargs)
            except Http404:  # raised outside an operation, e.g. by ninja's root view
                return error_response(
                    404, gettext("Nothing was found at this address.")
                )
            if response.status_code == 405 and not response.get(
                "Content-Type", ""
            ).startswith("application/json"):
                allowed = response.get("Allow", "")
                response = error_response(
                    405,
                    gettext("This address does not accept %(method)s requests.")
                    % {"method": request.method},
                )
                response["Allow"] = allowed
            return response

    return wrapper


@in_readers_language
def unknown_path(request: HttpRequest, path: str = "") -> HttpResponse:
    return error_response(404, gettext("Nothing was found at this address."))
