"""The OAI-PMH 2.0 provider: one class per verb behind one view, as the protocol
is one endpoint whose `verb` argument picks the request.

Records are the public catalogue of public institutions. A record that was deleted
or is no longer public is a `status="deleted"` header, so harvesters drop their copy
(deletedRecord "persistent"). Lists are paged with stateless, signed resumption
tokens that carry the position (updated_at, pk) of the last record sent."""

import re
from datetime import UTC, datetime, timedelta
from typing import Literal

from django.conf import settings
from django.core import signing
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.db.models import Min, Q
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree
from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt
from pydantic import ValidationError as PydanticValidationError

from mura.catalog.models import Access, Collection, Resource
from mura.institutions.models import Institution
from mura.interop.exporters import dc_element, with_related
from mura.interop.marc import record_element, resource_to_marc21

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
TOKEN_SALT = "mura.interop.oai"  # noqa: S105 (a signing salt, not a secret)
TOKEN_LIFETIME = timedelta(hours=24)
# Our tokens and identifiers are far shorter; a longer argument is refused unread.
MAX_ARGUMENT = 1000
# What XML 1.0 cannot carry: an argument with these could not be echoed in the answer.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
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


def page_size() -> int:
    return getattr(settings, "MURA_OAI_PAGE_SIZE", 100)


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


class ListState(BaseModel):
    """Where a list stands: what a resumption token carries, signed."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    prefix: Literal["oai_dc", "marcxml"]
    set: str | None = None
    from_: datetime | None = Field(None, alias="from")
    until: datetime | None = None
    cursor: NonNegativeInt = 0
    after: tuple[datetime, int] | None = None
    total: NonNegativeInt | None = None


def harvestable() -> "Resource.objects":
    """Every record a harvester may know of: those of public institutions."""
    return Resource.objects.filter(institution__is_public=True)


def is_deleted_for_harvesters(resource: Resource) -> bool:
    return resource.is_deleted or resource.access != Access.PUBLIC


def oai_identifier(request: HttpRequest, resource: Resource) -> str:
    return f"oai:{request.get_host().split(':')[0]}:{resource.public_id}"


def _set_filter(spec: str) -> Q:
    kind, _sep, slug = spec.partition(":")
    if spec == "institution":
        return Q()
    if spec == "collection":
        return Q(collections__isnull=False)
    if (
        kind == "institution"
        and Institution.objects.public().filter(slug=slug).exists()
    ):
        return Q(institution__slug=slug)
    if kind == "collection" and Collection.objects.public().filter(slug=slug).exists():
        return Q(collections__slug=slug)
    raise OAIError(
        "badArgument",
        _("There is no set “%(set)s”; ListSets names them.") % {"set": spec},
    )


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


class Verb:
    def __init__(
        self, request: HttpRequest, response: Response, arguments: dict[str, str]
    ) -> None:
        self.request = request
        self.response = response
        self.arguments = arguments

    def header(self, parent: etree._Element, resource: Resource) -> None:
        deleted = is_deleted_for_harvesters(resource)
        header = Response.sub(
            parent, "header", **({"status": "deleted"} if deleted else {})
        )
        Response.sub(header, "identifier", oai_identifier(self.request, resource))
        Response.sub(header, "datestamp", datestamp(resource.updated_at))
        Response.sub(header, "setSpec", f"institution:{resource.institution.slug}")
        for collection in resource.collections.all():
            if collection.is_public:
                Response.sub(header, "setSpec", f"collection:{collection.slug}")

    def record(self, parent: etree._Element, resource: Resource, prefix: str) -> None:
        record = Response.sub(parent, "record")
        self.header(record, resource)
        if is_deleted_for_harvesters(resource):
            return
        with translation.override(
            settings.LANGUAGE_CODE
        ):  # the permanent, unprefixed address
            url = self.request.build_absolute_uri(resource.get_absolute_url())
        metadata = Response.sub(record, "metadata")
        if prefix == "oai_dc":
            metadata.append(dc_element(resource, url=url))
        else:
            element = record_element(resource_to_marc21(resource, url=url))
            element.set(
                f"{{{XSI_NS}}}schemaLocation",
                f"{FORMATS['marcxml'][1]} {FORMATS['marcxml'][0]}",
            )
            metadata.append(element)

    def resource_for(self, identifier: str) -> Resource:
        prefix, _sep, public_id = identifier.rpartition(":")
        resource = (
            with_related(harvestable())
            .prefetch_related("collections")
            .filter(public_id=public_id)
            .first()
            if prefix.startswith("oai:")
            else None
        )
        if resource is None:
            raise OAIError(
                "idDoesNotExist",
                _("No record has the identifier “%(id)s”.") % {"id": identifier},
            )
        return resource

    @staticmethod
    def check_prefix(prefix: str) -> None:
        if prefix not in FORMATS:
            raise OAIError(
                "cannotDisseminateFormat",
                _("The format “%(prefix)s” is not offered; use oai_dc or marcxml.")
                % {"prefix": prefix},
            )


class Identify(Verb):
    def run(self) -> None:
        earliest = harvestable().aggregate(first=Min("updated_at"))[
            "first"
        ] or datetime(2000, 1, 1, tzinfo=UTC)
        element = Response.sub(self.response.root, "Identify")
        Response.sub(element, "repositoryName", _("Mura union catalogue"))
        Response.sub(
            element, "baseURL", self.request.build_absolute_uri(self.request.path)
        )
        Response.sub(element, "protocolVersion", "2.0")
        Response.sub(element, "adminEmail", settings.MURA_OAI_ADMIN_EMAIL)
        Response.sub(element, "earliestDatestamp", datestamp(earliest))
        Response.sub(element, "deletedRecord", "persistent")
        Response.sub(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")


class ListMetadataFormats(Verb):
    def run(self) -> None:
        if "identifier" in self.arguments:
            self.resource_for(self.arguments["identifier"])
        element = Response.sub(self.response.root, "ListMetadataFormats")
        for prefix, (schema, namespace) in FORMATS.items():
            fmt = Response.sub(element, "metadataFormat")
            Response.sub(fmt, "metadataPrefix", prefix)
            Response.sub(fmt, "schema", schema)
            Response.sub(fmt, "metadataNamespace", namespace)


class ListSets(Verb):
    def run(self) -> None:
        if "resumptionToken" in self.arguments:
            raise OAIError(
                "badResumptionToken",
                _("The list of sets is sent whole; this token is not valid."),
            )
        element = Response.sub(self.response.root, "ListSets")
        sets = [("institution", _("Institutions")), ("collection", _("Collections"))]
        sets += [
            (f"institution:{i.slug}", i.name)
            for i in Institution.objects.public().order_by("slug")
        ]
        sets += [
            (f"collection:{c.slug}", c.title)
            for c in Collection.objects.public().order_by("slug")
        ]
        for spec, name in sets:
            item = Response.sub(element, "set")
            Response.sub(item, "setSpec", spec)
            Response.sub(item, "setName", str(name))


class ListRecords(Verb):
    element_name = "ListRecords"

    def state(self) -> ListState:
        if "resumptionToken" in self.arguments:
            return self.resumed()
        self.check_prefix(self.arguments["metadataPrefix"])
        bounds = {}
        granularities = set()
        for key in ("from", "until"):
            if key in self.arguments:
                bounds[key], granularity = parse_datestamp(
                    self.arguments[key], until=key == "until"
                )
                granularities.add(granularity)
        if len(granularities) > 1:
            raise OAIError(
                "badArgument", _("“from” and “until” must have the same granularity.")
            )
        if "from" in bounds and "until" in bounds and bounds["from"] >= bounds["until"]:
            raise OAIError("badArgument", _("“from” is later than “until”."))
        if "set" in self.arguments:
            _set_filter(self.arguments["set"])
        return ListState(
            prefix=self.arguments["metadataPrefix"],
            set=self.arguments.get("set"),
            **bounds,
        )

    def resumed(self) -> ListState:
        """The state a token carries; a token that is not ours, too old or of another
        shape (an older release's) is refused the same way."""
        try:
            return ListState.model_validate(
                signing.loads(
                    self.arguments["resumptionToken"],
                    salt=TOKEN_SALT,
                    max_age=TOKEN_LIFETIME.total_seconds(),
                )
            )
        except (signing.BadSignature, PydanticValidationError) as error:
            raise OAIError(
                "badResumptionToken",
                _(
                    "The resumption token is not valid or has expired; "
                    "start the list again."
                ),
            ) from error

    def run(self) -> None:
        state = self.state()
        queryset = harvestable()
        if state.set:
            queryset = queryset.filter(_set_filter(state.set)).distinct()
        if state.from_:
            queryset = queryset.filter(updated_at__gte=state.from_)
        if state.until:
            queryset = queryset.filter(updated_at__lt=state.until)
        total = state.total or queryset.count()
        if state.after:
            moment, pk = state.after
            queryset = queryset.filter(
                Q(updated_at__gt=moment) | Q(updated_at=moment, pk__gt=pk)
            )
        size = page_size()
        page = list(
            with_related(queryset)
            .prefetch_related("collections")
            .order_by("updated_at", "pk")[: size + 1]
        )
        if not page:
            raise OAIError("noRecordsMatch", _("No records match these arguments."))
        element = Response.sub(self.response.root, self.element_name)
        for resource in page[:size]:
            self.item(element, resource, state.prefix)
        cursor = state.cursor
        if len(page) > size or cursor:
            last = page[size - 1] if len(page) > size else None
            token = ""
            attributes = {
                "completeListSize": str(max(total, cursor + len(page[:size]))),
                "cursor": str(cursor),
            }
            if last is not None:
                following = state.model_copy(
                    update={
                        "total": total,
                        "cursor": cursor + size,
                        "after": (last.updated_at, last.pk),
                    }
                )
                token = signing.dumps(
                    following.model_dump(mode="json", by_alias=True), salt=TOKEN_SALT
                )
                attributes["expirationDate"] = datestamp(
                    timezone.now() + TOKEN_LIFETIME
                )
            Response.sub(element, "resumptionToken", token, **attributes)

    def item(self, parent: etree._Element, resource: Resource, prefix: str) -> None:
        self.record(parent, resource, prefix)


class ListIdentifiers(ListRecords):
    element_name = "ListIdentifiers"

    def item(self, parent: etree._Element, resource: Resource, prefix: str) -> None:
        self.header(parent, resource)


class GetRecord(Verb):
    def run(self) -> None:
        self.check_prefix(self.arguments["metadataPrefix"])
        resource = self.resource_for(self.arguments["identifier"])
        self.record(
            Response.sub(self.response.root, "GetRecord"),
            resource,
            self.arguments["metadataPrefix"],
        )


VERBS = {
    verb.__name__: verb
    for verb in (
        Identify,
        ListMetadataFormats,
        ListSets,
        ListIdentifiers,
        ListRecords,
        GetRecord,
    )
}


def _query(request: HttpRequest) -> QueryDict:
    """The request's arguments, each short and XML-safe so that it can be echoed; a body
    the protocol does not define (JSON, multipart, megabytes) is refused unread."""
    try:
        if request.method == "GET":
            query = request.GET
        elif request.content_type == "application/x-www-form-urlencoded":
            query = request.POST
        else:
            raise OAIError(
                "badArgument",
                _("Send a POST request as application/x-www-form-urlencoded."),
            )
        items = list(query.lists())
    except (RequestDataTooBig, TooManyFieldsSent) as error:
        raise OAIError("badArgument", _("The request is too large.")) from error
    for key, values in items:
        if all(
            len(text) <= MAX_ARGUMENT and not NOT_XML.search(text)
            for text in (key, *values)
        ):
            continue
        if key == "verb":
            raise OAIError("badVerb", _("The request names no OAI-PMH verb."))
        if key == "resumptionToken":
            raise OAIError(
                "badResumptionToken",
                _(
                    "The resumption token is not valid or has expired; "
                    "start the list again."
                ),
            )
        raise OAIError(
            "badArgument",
            _("An argument is too long or has characters that XML cannot carry."),
        )
    return query


def _check_arguments(request: HttpRequest) -> tuple[str, dict[str, str]]:
    """The verb and its arguments, or the protocol error that rejects them."""
    query = _query(request)
    verb = query.get("verb", "")
    if verb not in VERBS or len(query.getlist("verb")) > 1:
        raise OAIError(
            "badVerb",
            _("“%(verb)s” is not an OAI-PMH verb.") % {"verb": verb}
            if verb
            else _("The request names no verb."),
        )
    arguments = {key: query.get(key) for key in query if key != "verb"}
    optional, required = VERB_ARGUMENTS[verb]
    repeated = [key for key in query if len(query.getlist(key)) > 1]
    unknown = set(arguments) - optional - required
    exclusive = "resumptionToken" in arguments and len(arguments) > 1
    missing = required - set(arguments) if "resumptionToken" not in arguments else set()
    if repeated or unknown or exclusive or missing:
        names = (
            ", ".join(sorted(set(repeated) | unknown | missing)[:10])
            or "resumptionToken"
        )
        raise OAIError(
            "badArgument",
            _("Illegal, missing or repeated arguments: %(names)s.") % {"names": names},
        )
    return verb, arguments


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request: HttpRequest) -> HttpResponse:
    # /oai has no language prefix, so the site would always answer in Kazakh;
    # a harvester's operator may ask for Russian or English with Accept-Language.
    with translation.override(translation.get_language_from_request(request)):
        return _answer(request)


def _answer(request: HttpRequest) -> HttpResponse:
    response = Response(request, {})
    try:
        verb, arguments = _check_arguments(request)
    except OAIError as error:
        response.errors([error])
        return response.http()
    response.arguments = {"verb": verb, **arguments}
    response.echo_arguments()
    try:
        VERBS[verb](request, response, arguments).run()
    except OAIError as error:
        # Only the verb's element was possibly started; errors replace it.
        for child in response.root[2:]:
            response.root.remove(child)
        if (
            error.code == "badArgument"
        ):  # the protocol echoes no arguments it could not accept
            response.request_element.attrib.clear()
        response.errors([error])
    return response.http()
