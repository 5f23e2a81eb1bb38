"""What the apps' indexers (``mura/<app>/search_index.py``) share: building under the
default language, and the ``Entry`` of a Wagtail page."""

import html
import re
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page

from mura.search.registry import Entry

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)
Builder = Callable[[models.Model], Entry | None]


def language_independent(build: Builder) -> Builder:
    """Build under the default language whatever language is active: the index is
    shared by every reader, so its links and names must not follow an import report's
    language, a task's recipient or the admin user who saved the object."""

    @wraps(build)
    def built(obj: models.Model) -> Entry | None:
        with translation.override(settings.LANGUAGE_CODE):
            return build(obj)

    return built


def page_indexer(build: Builder) -> Builder:
    """An indexer of pages: live ones that are not aliases or expired, built under the
    default language; ``None`` for the others."""

    @language_independent
    @wraps(build)
    def built(page: Page) -> Entry | None:
        if not (page.live and page.alias_of_id is None and not page.expired):
            return None
        return build(page)

    return built


def rich_text(value: str) -> str:
    """Plain text of rich text, one line per paragraph (sentences stay apart)."""
    return html.unescape(strip_tags(_BLOCK_END.sub("\n", str(value or "")))).strip()


def stream_text(value) -> str:
    """The searchable text of a StreamField, as Wagtail's own search indexes it."""
    if not value:
        return ""
    return "\n".join(
        rich_text(str(part))
        for part in value.stream_block.get_searchable_content(value)
    )


def page_entry(page: Page, *, kind: str, body: list[str], **fields) -> Entry:
    """The entry of a page: its title, address, institution, language, listing image,
    visibility and translation group (one result per translated page), with the given kind, body parts (empty ones left out) and fields."""
    return Entry(
        kind=kind,
        title=page.title,
        url=page.get_url() or page.url_path,
        body="\n".join(part for part in body if part),
        institution_id=page.institution_id,
        language=page.locale.language_code,
        has_image=page.listing_image_id is not None,
        is_public=not page.get_view_restrictions().exists(),
        group=f"page:{page.translation_key}",
        **fields,
    )
