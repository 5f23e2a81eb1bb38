"""The article's view count on a cached page: the reader's visit is counted as the page
is served, exactly as Wagtail's ``on_serve_page`` hook counts it on a fresh page, and the
count printed is the one after it (mura/portal/page_cache.py). The count is drawn once
per process for each language and number."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import get_language

from mura.news.models import article_view_total
from mura.news.services import article_id_view_count

# Counts drawn, per (language, number): a few for each article being read.
DRAWN_LIMIT = 1024
_drawn: dict[tuple[str, int], str] = {}


def views_filled(request: HttpRequest, article_id: int) -> str:
    article_id_view_count(request=request, article_id=article_id)
    count = article_view_total(article_id)
    key = (get_language(), count)
    drawn = _drawn.get(key)
    if drawn is None:
        if len(_drawn) >= DRAWN_LIMIT:
            _drawn.clear()
        drawn = _drawn[key] = render_to_string(
            "news/includes/view_count.html", {"view_count": count}
        )
    return drawn
