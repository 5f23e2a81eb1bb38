"""The demo's news: the seed articles with readers' comments and views, loaded idempotently."""

from mura.comments.models import Comment
from mura.conftest import load_demo
from mura.news.models import ArticleViewCount, NewsArticlePage


def test_loading_twice_duplicates_nothing(demo_news):
    load_demo("news")
    assert NewsArticlePage.objects.filter(locale__language_code="kk").count() == 2
    assert Comment.objects.count() == 5
    assert Comment.objects.pending().get().name == "Дәурен"
    assert sorted(ArticleViewCount.objects.values_list("count", flat=True)) == [
        412,
        1215,
    ]
    for comment in Comment.objects.all():
        assert comment.created_at > comment.target.published_at
