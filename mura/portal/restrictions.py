"""Private sections of the site (Wagtail's page view restrictions), read once per process
and content version: Wagtail reads them for every listing that leaves private pages out
and, with the page's ancestors, for every page it serves."""

from django.db.models import Q
from wagtail.models import Page, PageQuerySet, PageViewRestriction

from mura.portal.content_version import content_cached


def _private_sections() -> tuple[list[Page], list[str]]:
    pages = [
        restriction.page
        for restriction in PageViewRestriction.objects.select_related("page")
    ]
    # An alias follows its source's restrictions, and so do the pages below it.
    aliases = Page.objects.filter(alias_of__in=[page.pk for page in pages])
    return pages, [page.path for page in pages] + list(
        aliases.values_list("path", flat=True)
    )


def private_sections() -> list[Page]:
    """The pages that carry a view restriction."""
    return content_cached("private-sections", _private_sections)[0]


def maybe_private(page: Page) -> bool:
    """False when neither the page nor any page above it (or its source, for aliases) can
    carry a view restriction; True means Wagtail's own check must run."""
    if page.alias_of_id:
        return True
    paths = content_cached("private-sections", _private_sections)[1]
    return any(page.path.startswith(path) for path in paths)


class PortalPageQuerySet(PageQuerySet):
    """Wagtail's page queries, with ``public()`` leaving out private sections as read
    once per content version."""

    def private_q(self) -> Q:
        q = Q()
        for page in private_sections():
            q |= self.descendant_of_q(page, inclusive=True)
        return q if q else Q(pk__in=[])
