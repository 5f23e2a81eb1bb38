from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from mura.institutions.models import Institution, Region
from mura.portal.seo import Crumb


def regions_in_use() -> list[tuple[str, str]]:
    used = set(Institution.objects.public().values_list("region", flat=True).distinct())
    return [(value, label) for value, label in Region.choices if value in used]


def institution_list(request: HttpRequest) -> HttpResponse:
    institutions = Institution.objects.public()
    kind = request.GET.get("kind", "")
    region = request.GET.get("region", "")
    if kind in Institution.Kind.values:
        institutions = institutions.of_kind(kind)
    if region in Region.values:
        institutions = institutions.filter(region=region)
    groups = [
        (label, [i for i in institutions if i.kind == value])
        for value, label in Institution.Kind.choices
    ]
    return TemplateResponse(
        request,
        "institutions/institution_list.html",
        {
            "groups": [(label, items) for label, items in groups if items],
            "kinds": Institution.Kind.choices,
            "regions": regions_in_use(),
            "selected_kind": kind,
            "selected_region": region,
        },
    )


def institution_detail(request: HttpRequest, slug: str) -> HttpResponse:
    institution = get_object_or_404(Institution.objects.public(), slug=slug)
    return TemplateResponse(
        request,
        "institutions/institution_detail.html",
        {
            "institution": institution,
            "trail": [
                Crumb(_("Institutions"), reverse("institutions:list")),
                Crumb(institution.short_name or institution.name),
            ],
        },
    )
