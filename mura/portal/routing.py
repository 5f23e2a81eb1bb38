"""Finding the page an address names in two queries instead of two per level, once
per content version.

Wagtail walks the tree from the home page, reading each level's child and then its
specific row. The pages along the address are read here in one query (by ``url_path``,
unique per tree); only the last one's specific row is read after it. The walk's rules
are kept: a routable page on the way (RoutablePageMixin) whose own sub-routes match the
rest of the address wins over its children, and a page that overrides ``route`` is
asked itself, as the tree walk would."""

import copy

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from mura.portal.content_version import content_cached_per_page


def _walks_itself(page_class) -> bool:
    return (
        issubclass(page_class, RoutablePageMixin) or page_class.route is not Page.route
    )


def _own_relations(page_class) -> list[str]:
    """The page type's own foreign keys (its institution, its listing image), which
    every page of the kind shows: read with the page."""
    return [
        field.name
        for field in page_class._meta.concrete_fields
        if field.many_to_one and field.model is not Page
    ]


def route_below(home: Page, request, path_components: list[str]):
    """``home.route(request, path_components)`` as Wagtail's walk would answer it. The
    page found is read once per process for each content version (any change to a page
    moves it) and each request routes its own copy."""
    found = content_cached_per_page(
        f"route:{home.pk}:{'/'.join(path_components)}",
        lambda: _page_along(home, path_components),
    )
    if found is None:
        raise Http404
    page, position = found
    return copy.copy(page).route(request, path_components[position + 1 :])


def _page_along(home: Page, path_components: list[str]) -> tuple[Page, int] | None:
    """The specific page that routes the address, and its place along it; None for
    none (a 404)."""
    prefixes = [
        home.url_path + "".join(f"{slug}/" for slug in path_components[:depth])
        for depth in range(1, len(path_components) + 1)
    ]
    chain = list(
        Page.objects.filter(url_path__in=prefixes, path__startswith=home.path).order_by(
            "depth"
        )
    )
    parent: Page = home
    for position, page in enumerate(chain):
        expected = path_components[: position + 1]
        if page.url_path != home.url_path + "".join(f"{slug}/" for slug in expected):
            break
        page_class = page.specific_class
        if page_class is None:
            return None
        if _walks_itself(page_class) or position == len(chain) - 1:
            specific = page_class.objects.select_related(
                *_own_relations(page_class)
            ).get(pk=page.pk)
            specific._cached_parent_obj = parent
            return specific, position
        page._cached_parent_obj = parent
        parent = page
    return None
