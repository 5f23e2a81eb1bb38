"""Counts readers' views of catalogue records, which are Django views, not pages. It sits
inside the page cache, which replays the count when it serves the record from the cache."""

from django.http import HttpRequest, HttpResponse

from mura.catalog.models import Resource
from mura.portal.page_cache import replay_on_hit
from mura.statistics.counting import VIEWS_REPLAY, views_count
from mura.statistics.models import ViewKind

RECORD_VIEW = "catalog:item"


class RecordViewsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if response.status_code == 200 and match and match.view_name == RECORD_VIEW:
            # The record the item view has just read (its TemplateResponse's context).
            resource: Resource = response.context_data["resource"]
            view = (ViewKind.ITEM, resource.public_id, resource.institution_id)
            views_count(request, *view)
            replay_on_hit(request, VIEWS_REPLAY, *view)
        return response
