"""REST API: the institutions (libraries, archives, museums) and their references."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import FilterSchema, Query, Router, Schema
from ninja.pagination import paginate

from mura.api.pagination import PageNumberPagination
from mura.api.params import Text, one_of
from mura.institutions.models import Institution, Region

router = Router(tags=["institutions"])


class InstitutionRef(Schema):
    """An institution as other answers name it (an event's host, an article's author)."""

    id: int
    slug: str
    name: str


class InstitutionOut(Schema):
    id: int
    url: str
    kind: str
    slug: str
    name: str
    name_kk: str
    name_ru: str
    name_en: str
    named_after: str
    region: str
    region_label: str
    city: str
    address: str
    website: str

    @staticmethod
    def resolve_url(obj: Institution, context) -> str:
        return context["request"].build_absolute_uri(obj.get_absolute_url())

    @staticmethod
    def resolve_region_label(obj: Institution) -> str:
        return str(obj.get_region_display())


class InstitutionFilters(FilterSchema):
    kind: one_of(Institution.Kind) | None = None
    region: one_of(Region) | None = None


@router.get("", response=list[InstitutionOut], summary="List institutions")
@paginate(PageNumberPagination)
def list_institutions(request: HttpRequest, filters: Query[InstitutionFilters]):
    return filters.filter(Institution.objects.public())


@router.get(
    "/{slug_or_id}", response=InstitutionOut, summary="One institution by id or slug"
)
def get_institution(request: HttpRequest, slug_or_id: Text):
    is_id = slug_or_id.isascii() and slug_or_id.isdigit()
    lookup = {"pk": int(slug_or_id)} if is_id else {"slug": slug_or_id}
    return get_object_or_404(Institution.objects.public(), **lookup)
