"""The institutions' pages in the sitemap."""

from mura.institutions.models import Institution
from mura.portal.sitemaps import ModelSitemap


def sections() -> dict[str, ModelSitemap]:
    return {"institutions": ModelSitemap(Institution.objects.public())}
