"""The article's view count on a cached page: the reader's visit is counted as the page
is served, exactly as Wagtail's ``on_serve_page`` hook counts it on a fresh page, and the
count printed is the one after it (mura/portal/page_cache.py)."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from mura.news.models import article_view_total
from mura.news.services import article_id_view_count


def views_filled(request: HttpRequest, article_id: int) -> str:
    article_id_view_count(request=request, article_id=article_id)
    return render_to_string(
        "news/includes/view_count.html",
        {"view_count": article_view_total(article_id)},
    )
