"""One public record as a file for a reference manager or another catalogue."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from lxml import etree

from mura.catalog.models import Resource
from mura.interop.citations import resource_to_bibtex, resource_to_ris
from mura.interop.exporters import with_related
from mura.interop.marc.marcxml import record_element
from mura.interop.marc.writing import resource_to_marc21

# extension → (content type, writer of the body from the record and its address)
FORMATS = {
    "ris": (
        "application/x-research-info-systems; charset=utf-8",
        lambda resource, url: resource_to_ris(resource, url=url).encode(),
    ),
    "bib": (
        "application/x-bibtex; charset=utf-8",
        lambda resource, url: resource_to_bibtex(resource, url=url).encode(),
    ),
    "mrc": (
        "application/marc",
        lambda resource, url: resource_to_marc21(resource, url=url).as_marc(),
    ),
    "xml": (
        "application/marcxml+xml; charset=utf-8",
        lambda resource, url: etree.tostring(
            record_element(resource_to_marc21(resource, url=url)),
            xml_declaration=True,
            encoding="utf-8",
        ),
    ),
}


def record_export(request: HttpRequest, public_id: str, extension: str) -> HttpResponse:
    if extension not in FORMATS:
        raise Http404(_("No such format."))
    resource = get_object_or_404(
        with_related(Resource.objects.public()), public_id=public_id
    )
    content_type, write = FORMATS[extension]
    url = request.build_absolute_uri(resource.get_absolute_url())
    response = HttpResponse(write(resource, url), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{resource.public_id}.{extension}"'
    )
    return response
