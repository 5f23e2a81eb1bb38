"""The answer to each verb, written into the response envelope."""

from datetime import UTC, datetime, timedelta
from typing import Literal

from django.conf import settings
from django.core import signing
from django.db.models import Min, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from lxml import etree
from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt
from pydantic import ValidationError as PydanticValidationError

from mura.catalog.models import Collection, Resource
from mura.institutions.models import Institution
from mura.interop.exporters import dc_element, with_related
from mura.interop.marc.marcxml import record_element
from mura.interop.marc.writing import resource_to_marc21
from mura.interop.oai.protocol import (
    FORMATS,
    XSI_NS,
    OAIError,
    Response,
    datestamp,
    parse_datestamp,
)
from mura.interop.oai.records import (
    harvestable,
    is_deleted_for_harvesters,
    oai_identifier,
    set_filter,
)

# A signing salt, not a secret: the module the provider began in, so tokens already
# handed out stay valid.
TOKEN_SALT = "mura.interop.oai"  # noqa: S105
TOKEN_LIFETIME = timedelta(hours=24)


def page_size() -> int:
    return getattr(settings, "MURA_OAI_PAGE_SIZE", 100)


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
            manifest = (
                self.request.build_absolute_uri(
                    reverse("iiif:manifest", args=[resource.public_id])
                )
                if resource.public_images()
                else ""
            )
            metadata.append(dc_element(resource, url=url, manifest=manifest))
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
            set_filter(self.arguments["set"])
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
            queryset = queryset.filter(set_filter(state.set)).distinct()
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
