"""The REST API at /api/v1/: each app contributes a router from its own `api.py`."""

import importlib
import importlib.util

from django.urls import path
from ninja import NinjaAPI

API_APPS = ["institutions", "catalog", "news", "events", "search"]

api = NinjaAPI(
    title="Mura API",
    version="1",
    description="Read access to the union catalogue, news and events; registration for events.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

for app in API_APPS:
    module_name = f"mura.{app}.api"
    if importlib.util.find_spec(module_name) is not None:
        module = importlib.import_module(module_name)
        api.add_router(module.ROUTE_PREFIX, module.router)

urlpatterns = [path("", api.urls)]
