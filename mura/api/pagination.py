"""The list shape every API list shares: {"count", "next", "previous", "results"}."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from mura.api.errors import ApiError
from mura.api.params import PageNumber


def page_not_found(page: int, last: int) -> ApiError:
    return ApiError(
        404,
        gettext("There is no page %(page)s; the last page is %(last)s.")
        % {"page": page, "last": max(last, 1)},
    )


class PageNumberPagination(PaginationBase):
    class Input(Schema):
        page: PageNumber = Field(1)
        page_size: int = Field(20, ge=1, le=100)

    class Output(Schema):
        count: int
        next: str | None
        previous: str | None
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Input, request: HttpRequest, **params: Any
    ) -> dict:
        """A page past the last is a 404, as in Django's paginator: the database is
        never asked for an offset it cannot represent."""
        count = queryset.count() if hasattr(queryset, "count") else len(queryset)
        offset = (pagination.page - 1) * pagination.page_size
        if offset and offset >= count:
            raise page_not_found(pagination.page, -(-count // pagination.page_size))
        results = list(queryset[offset : offset + pagination.page_size])

        def page_url(number: int) -> str:
            query = request.GET.copy()
            query["page"] = str(number)
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        has_next = offset + pagination.page_size < count
        return {
            "count": count,
            "next": page_url(pagination.page + 1) if has_next else None,
            "previous": page_url(pagination.page - 1) if pagination.page > 1 else None,
            "results": results,
        }
