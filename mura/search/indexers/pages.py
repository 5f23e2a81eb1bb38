"""What news and event pages share: live, not an alias, visible without a login."""

import html
import re

from django.utils.html import strip_tags
from wagtail.models import Page, PageViewRestriction

from mura.search.registry import register_dependents

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def rich_text(value: str) -> str:
    """Plain text of rich text, one line per paragraph (sentences stay apart)."""
    return html.unescape(strip_tags(_BLOCK_END.sub("\n", str(value or "")))).strip()


def is_searchable(page: Page) -> bool:
    return page.live and page.alias_of_id is None and not page.expired


def is_public(page: Page) -> bool:
    return not page.get_view_restrictions().exists()


def page_url(page: Page) -> str:
    return page.get_url() or page.url_path


def _restricted_pages(restriction: PageViewRestriction) -> list[Page]:
    """A page and its subpages change visibility with a view restriction."""
    return [
        page.specific
        for page in restriction.page.get_descendants(inclusive=True).live()
    ]


register_dependents(PageViewRestriction, _restricted_pages)
