from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from mura.catalog import sitemaps as catalog_sitemaps
from mura.institutions import sitemaps as institutions_sitemaps
from mura.portal import views as portal_views
from mura.portal.sitemaps import PageSitemap, ViewSitemap

#: The sitemap's sections; /sitemap.xml is their index.
SITEMAPS = {
    "pages": PageSitemap(),
    "lists": ViewSitemap("catalog:index", "catalog:collections", "institutions:list"),
    **institutions_sitemaps.sections(),
    **catalog_sitemaps.sections(),
}

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    # The audit log replaces Wagtail's site history (same address, scoped per institution).
    path("admin/reports/", include("mura.audit.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
    path("feeds/", include("mura.news.feed_urls")),
    path("feeds/", include("mura.events.feed_urls")),
    path("api/v1/", include("mura.api.urls")),
    path("captcha/", include("captcha.urls")),
    path("oai", include("mura.interop.oai.urls")),
    path("records/", include("mura.interop.record_urls")),
    path("iiif/3/", include("mura.iiif.urls")),
]

urlpatterns += i18n_patterns(
    path("institutions/", include("mura.institutions.urls")),
    path("catalog/", include("mura.catalog.urls")),
    path("events/", include("mura.events.urls")),
    path("search/", include("mura.search.urls")),
    path("comments/", include("mura.comments.urls")),
    # Wagtail's own addresses, its pages served through Mura's cached routing.
    *[url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, portal_views.page_serve, name="wagtail_serve"),
    prefix_default_language=False,
)

# Uploaded scans and photos, from the data folder or the private S3 bucket.
urlpatterns += [
    re_path(
        rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
        portal_views.media,
        name="media",
    )
]
