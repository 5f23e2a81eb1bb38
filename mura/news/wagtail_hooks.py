"""Wagtail hooks of the news app: counting an article's readers as it is served."""

from wagtail import hooks

from mura.news.models import NewsArticlePage
from mura.news.services import article_view_count


# Inside Wagtail's own check of view restrictions (order 0), so a reader who is shown
# a login or password form instead of the article is not counted.
@hooks.register("on_serve_page", order=100)
def count_article_views(serve):
    def inner(page, request, serve_args, serve_kwargs):
        if isinstance(page, NewsArticlePage):
            article_view_count(request=request, article=page)
        return serve(page, request, serve_args, serve_kwargs)

    return inner
