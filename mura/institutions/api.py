from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from mura.api.pagination import PageNumberPagination
from mura.institutions.models import Institution

ROUTE_PREFIX = "/institutions"
router = Router(tags=["institutions"])


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


@router.get("", response=list[InstitutionOut], summary="List institutions")
@paginate(PageNumberPagination)
def list_institutions(
    request: HttpRequest, kind: str | None = None, region: str | None = None
):
    institutions = Institution.objects.public()
    if kind:
        institutions = institutions.filter(kind=kind)
    if region:
        institutions = institutions.filter(region=region)
    return institutions


@router.get(
    "/{slug_or_id}", response=InstitutionOut, summary="One institution by id or slug"
)
def get_institution(request: HttpRequest, slug_or_id: str):
    lookup = {"pk": int(slug_or_id)} if slug_or_id.isdigit() else {"slug": slug_or_id}
    return get_object_or_404(Institution.objects.public(), **lookup)
