"""Request bodies: only a JSON object sent as `application/json` is read, so a web page on
another site cannot send one without the browser asking the API first (CORS)."""

import json
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja.parser import Parser

from mura.api.errors import ApiError


class JsonObjectParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        """The JSON object the body holds, else an ApiError (415 or 400) saying why."""
        if request.content_type != "application/json":
            raise ApiError(415, gettext("Send the request body as application/json."))
        try:
            payload = json.loads(request.body.decode("utf-8"))
        except UnicodeDecodeError as error:
            raise ApiError(
                400, gettext("The request body is not UTF-8 text.")
            ) from error
        except ValueError as error:
            raise ApiError(400, gettext("The request body is not JSON.")) from error
        if not isinstance(payload, dict):
            raise ApiError(400, gettext("The request body must be a JSON object."))
        return payload
