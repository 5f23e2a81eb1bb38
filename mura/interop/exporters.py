"""Writing the catalogue as MARC 21, MARCXML, Dublin Core, CSV or schema.org JSON-LD."""

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import BinaryIO

from lxml import etree

from mura.catalog.models import AgentRole, Kind, Resource, ResourceQuerySet
from mura.catalog.seo import resource_jsonld
from mura.interop.csv_format import HEADER, csv_row
from mura.interop.marc.codes import LANGUAGE_CODES
from mura.interop.marc.marcxml import MARC_NS, record_element
from mura.interop.marc.writing import resource_to_marc21

FORMATS = ("marc21", "marcxml", "dc", "csv", "jsonld")
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DCMI_TYPES = {
    Kind.PHOTO: "StillImage",
    Kind.AUDIOVISUAL: "MovingImage",
    Kind.MUSEUM_OBJECT: "PhysicalObject",
    Kind.E_RESOURCE: "InteractiveResource",
    Kind.FONDS: "Collection",
    Kind.SERIES: "Collection",
}
CREATOR_ROLES = (
    AgentRole.AUTHOR,
    AgentRole.PHOTOGRAPHER,
    AgentRole.MAKER,
    AgentRole.FONDS_CREATOR,
)


def export_queryset(
    *, institution_slug: str | None = None, include_restricted: bool = False
) -> ResourceQuerySet:
    """Live records (never tombstones); only public ones unless `include_restricted`."""
    queryset = (
        Resource.objects.alive() if include_restricted else Resource.objects.public()
    )
    if institution_slug:
        queryset = queryset.filter(institution__slug=institution_slug)
    return with_related(queryset).order_by("pk")


def with_related(queryset: ResourceQuerySet) -> ResourceQuerySet:
    return queryset.select_related("institution", "parent").prefetch_related(
        "agents__person",
        "agents__organisation",
        "places__place",
        "subjects",
        "holdings",
        "files",
    )


def dc_element(resource: Resource, *, url: str, manifest: str = "") -> etree._Element:
    """An oai_dc:dc element (the OAI-PMH Dublin Core record); ``manifest`` is the
    address of the record's IIIF manifest when it has public images."""
    root = etree.Element(
        f"{{{OAI_DC_NS}}}dc",
        nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS},
        attrib={
            f"{{{XSI_NS}}}schemaLocation": f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
        },
    )

    def add(name: str, value: str) -> None:
        if value:
            etree.SubElement(root, f"{{{DC_NS}}}{name}").text = value

    add(
        "title",
        resource.title + (f" : {resource.other_title}" if resource.other_title else ""),
    )
    for link in resource.agents.all():
        add(
            "creator" if link.role in CREATOR_ROLES else "contributor",
            link.agent.name_kk,
        )
    for subject in resource.subjects.all():
        add("subject", subject.name_kk)
    for label, code in (("УДК", resource.udc), ("ББК", resource.bbk)):
        add("subject", f"{label} {code}" if code else "")
    add("description", resource.description)
    add("publisher", resource.publisher)
    add("date", resource.date_text)
    add("type", DCMI_TYPES.get(resource.kind, "Text"))
    add("format", resource.extent)
    add("identifier", url)
    add("identifier", f"URN:ISBN:{resource.isbn}" if resource.isbn else "")
    add("identifier", f"ISSN {resource.issn}" if resource.issn else "")
    add("relation", manifest)
    add("language", LANGUAGE_CODES.get(resource.language, ""))
    for link in resource.places.all():
        add("coverage", link.place.name_kk)
    add("source", resource.institution.name_kk)
    return root


def write_export(
    *,
    format: str,
    resources: Iterable[Resource],
    stream: BinaryIO,
    absolute: Callable[[str], str],
) -> int:
    """Write every record to `stream`; returns how many were written."""
    count = 0
    if format == "csv":
        text = io.TextIOWrapper(
            stream, encoding="utf-8-sig", newline="", write_through=True
        )
        writer = csv.DictWriter(text, fieldnames=HEADER)
        writer.writeheader()
        for resource in resources:
            writer.writerow(csv_row(resource))
            count += 1
        text.detach()
        return count
    if format == "jsonld":
        graph = []
        for resource in resources:
            item = resource_jsonld(resource, absolute, [])
            item.pop("@context")
            graph.append(item)
        stream.write(
            json.dumps(
                {"@context": "https://schema.org", "@graph": graph},
                ensure_ascii=False,
                indent=1,
            ).encode("utf-8")
        )
        return len(graph)
    if format == "marc21":
        for resource in resources:
            stream.write(
                resource_to_marc21(
                    resource, url=absolute(resource.get_absolute_url())
                ).as_marc()
            )
            count += 1
        return count
    # XML is streamed record by record: a large catalogue never sits in memory whole.
    with etree.xmlfile(stream, encoding="utf-8") as xml:
        xml.write_declaration()
        if format == "marcxml":
            with xml.element(f"{{{MARC_NS}}}collection", nsmap={"marc": MARC_NS}):
                for resource in resources:
                    xml.write(
                        record_element(
                            resource_to_marc21(
                                resource, url=absolute(resource.get_absolute_url())
                            )
                        )
                    )
                    count += 1
        else:
            with xml.element("records", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS}):
                for resource in resources:
                    xml.write(
                        dc_element(resource, url=absolute(resource.get_absolute_url()))
                    )
                    count += 1
    return count
