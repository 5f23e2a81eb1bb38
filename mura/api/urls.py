"""The REST API at /api/v1/: each app contributes a router from its own `api.py`."""

from typing import Any

from django.urls import path, re_path
from ninja import NinjaAPI

from mura.api.errors import (
    ErrorOut,
    in_readers_language,
    install_handlers,
    unknown_path,
)
from mura.api.parser import JsonObjectParser
from mura.catalog.api import router as resources
from mura.catalog.api import works_router as works
from mura.events.api import router as events
from mura.institutions.api import router as institutions
from mura.news.api import router as news
from mura.search.api import router as search

ERROR = {
    "description": "The error, in the reader's language (Accept-Language)",
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}
    },
}
ERROR_STATUSES = {
    "400": "The request cannot be read (too many parameters, or a bad body)",
    "404": "Nothing has this id, or the page is past the last one",
    "422": "A parameter is not valid (errors name it)",
}
BODY_ERROR_STATUSES = {
    "413": "The request body is too large",
    "415": "The request body is not application/json",
}


class MuraAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> dict:
        """Every answer an operation can give is documented, errors included."""
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {}).setdefault(
            "ErrorOut", ErrorOut.model_json_schema()
        )
        for operations in schema["paths"].values():
            for operation in operations.values():
                statuses = dict(ERROR_STATUSES)
                if "requestBody" in operation:
                    statuses |= BODY_ERROR_STATUSES
                # Ninja keys the declared answers by number, JSON by text: one entry
                # each, with the description of what went wrong.
                responses = operation["responses"]
                for status, description in statuses.items():
                    declared = responses.pop(int(status), {})
                    responses[status] = {
                        **ERROR,
                        **declared,
                        "description": description,
                    }
        return schema


api = MuraAPI(
    title="Mura API",
    version="1",
    description=(
        "Read access to the union catalogue, news and events; registration for events. "
        'Every error is JSON {"detail": "...", "errors": {"field": ["..."]}} in the '
        "language of the Accept-Language header (kk, ru or en)."
    ),
    urls_namespace="api",
    parser=JsonObjectParser(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
install_handlers(api)

api.add_router("/institutions", institutions)
api.add_router("/resources", resources)
api.add_router("/works", works)
api.add_router("/news", news)
api.add_router("/events", events)
api.add_router("/search", search)

api_patterns, *names = api.urls
for pattern in api_patterns:
    pattern.callback = in_readers_language(pattern.callback)

urlpatterns = [
    path("", (api_patterns, *names)),
    # Anything else under /api/v1/ is a JSON 404, not the site's HTML page.
    re_path(r"^(?P<path>.*)$", unknown_path),
]
