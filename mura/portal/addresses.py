"""Absolute addresses: the one way to turn a path into a link that works outside the page.

With a request, links use the address the reader reached the site at; without one (tasks,
commands) they use ``MURA_SITE_URL``. Wagtail's default Site is kept at the same address
(`site_sync`), so Wagtail's own full URLs agree."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page, Site


def site_url(request: HttpRequest | None = None) -> str:
    """The site's scheme and host (no trailing slash): the request's, else the setting's."""
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.MURA_SITE_URL.rstrip("/")


def absolute_url(path: str, *, request: HttpRequest | None = None) -> str:
    """``path`` as an absolute address; an address that already has a host is kept."""
    if urlsplit(path).scheme:
        return path
    return site_url(request) + path


def page_url(page: Page, *, request: HttpRequest | None = None) -> str:
    """A Wagtail page's absolute address on this site."""
    return absolute_url(page.get_url(request), request=request)


def site_sync(url: str | None = None) -> Site | None:
    """Point Wagtail's default Site at ``url`` (``MURA_SITE_URL`` by default)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    parts = urlsplit(url or settings.MURA_SITE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if (site.hostname, site.port) != (parts.hostname, port):
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
