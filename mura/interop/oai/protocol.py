"""The protocol's vocabulary: namespaces and formats, errors, datestamps, each verb's
arguments and the response envelope."""

import re
from datetime import UTC, datetime, timedelta

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
FORMATS = {
    "oai_dc": (
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        "http://www.openarchives.org/OAI/2.0/oai_dc/",
    ),
    "marcxml": (
        "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd",
        "http://www.loc.gov/MARC21/slim",
    ),
}
LATEST = datetime.max.replace(tzinfo=UTC)
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECONDS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
VERB_ARGUMENTS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": ({"identifier"}, set()),
    "ListSets": ({"resumptionToken"}, set()),
    "ListIdentifiers": (
        {"from", "until", "set", "resumptionToken"},
        {"metadataPrefix"},
    ),
    "ListRecords": ({"from", "until", "set", "resumptionToken"}, {"metadataPrefix"}),
    "GetRecord": (set(), {"identifier", "metadataPrefix"}),
}


class OAIError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def datestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datestamp(value: str, *, until: bool) -> tuple[datetime, str]:
    """from/until as an aware UTC bound; `until` includes its whole day or second."""
    try:
        if DAY.match(value):
            moment = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
            return (_after(moment, timedelta(days=1)) if until else moment), "day"
        if SECONDS.match(value):
            moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            return (
                _after(moment, timedelta(seconds=1)) if until else moment
            ), "seconds"
    except ValueError:
        pass
    raise OAIError(
        "badArgument",
        _("“%(value)s” is not a UTC date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).")
        % {"value": value},
    )


def _after(moment: datetime, step: timedelta) -> datetime:
    """The exclusive end of `until`; the last day of year 9999 ends at the latest moment."""
    try:
        return moment + step
    except OverflowError:
        return LATEST


class Response:
    """The envelope: responseDate, request, then the verb's element or errors."""

    def __init__(self, request: HttpRequest, arguments: dict[str, str]) -> None:
        self.request = request
        self.arguments = arguments
        self.root = etree.Element(
            f"{{{OAI_NS}}}OAI-PMH",
            nsmap={None: OAI_NS, "xsi": XSI_NS},
            attrib={f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION},
        )
        self.sub(self.root, "responseDate", datestamp(timezone.now()))
        self.request_element = self.sub(
            self.root, "request", request.build_absolute_uri(request.path)
        )

    @staticmethod
    def sub(
        parent: etree._Element, name: str, text: str | None = None, **attrib: str
    ) -> etree._Element:
        element = etree.SubElement(parent, f"{{{OAI_NS}}}{name}", attrib=attrib)
        if text is not None:
            element.text = text
        return element

    def echo_arguments(self) -> None:
        for key, value in self.arguments.items():
            self.request_element.set(key, value)

    def errors(self, errors: list[OAIError]) -> None:
        for error in errors:
            self.sub(self.root, "error", error.message, code=error.code)

    def http(self) -> HttpResponse:
        body = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")
        return HttpResponse(body, content_type="text/xml; charset=utf-8")
