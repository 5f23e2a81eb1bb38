"""Wagtail's view restrictions: a page and its subpages change visibility with one."""

from wagtail.models import Page, PageViewRestriction

from mura.search.registry import register_dependents


def _restricted_pages(restriction: PageViewRestriction) -> list[Page]:
    return [
        page.specific
        for page in restriction.page.get_descendants(inclusive=True).live()
    ]


register_dependents(PageViewRestriction, _restricted_pages)
