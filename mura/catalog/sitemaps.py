"""The catalogue's addresses in the sitemap: public records, the collections, and the
authority pages of names, places and subjects that public records use."""

from mura.catalog.models import (
    Collection,
    Organisation,
    Person,
    Place,
    Resource,
    Subject,
)
from mura.portal.sitemaps import ModelSitemap


class RecordSitemap(ModelSitemap):
    date_field = "updated_at"


def sections() -> dict[str, ModelSitemap]:
    public = Resource.objects.public()
    return {
        "records": RecordSitemap(public.only("public_id", "updated_at")),
        "collections": ModelSitemap(Collection.objects.public()),
        "persons": ModelSitemap(
            Person.objects.filter(links__resource__in=public).distinct()
        ),
        "organisations": ModelSitemap(
            Organisation.objects.filter(links__resource__in=public).distinct()
        ),
        "places": ModelSitemap(
            Place.objects.filter(links__resource__in=public).distinct()
        ),
        "subjects": ModelSitemap(
            Subject.objects.filter(resources__in=public).distinct()
        ),
    }
