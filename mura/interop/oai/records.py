"""Which catalogue records harvesters see, by what identifier, and in which sets."""

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _

from mura.catalog.models import Access, Collection, Resource, ResourceQuerySet
from mura.institutions.models import Institution
from mura.interop.oai.protocol import OAIError


def harvestable() -> ResourceQuerySet:
    """Every record a harvester may know of: those of public institutions."""
    return Resource.objects.filter(institution__is_public=True)


def is_deleted_for_harvesters(resource: Resource) -> bool:
    return resource.is_deleted or resource.access != Access.PUBLIC


def oai_identifier(request: HttpRequest, resource: Resource) -> str:
    return f"oai:{request.get_host().split(':')[0]}:{resource.public_id}"


def set_filter(spec: str) -> Q:
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
