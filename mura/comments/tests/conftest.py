import pytest
from django.core.cache import caches

from mura.comments.models import Comment
from mura.news.models import NewsArticlePage


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache, which outlives a test's database."""
    caches["limits"].clear()
    yield
    caches["limits"].clear()


@pytest.fixture
def article(demo_news):
    """The demo's first seed article, with no comments yet."""
    Comment.objects.all().delete()
    return NewsArticlePage.objects.get(
        slug="elbasy-library-information-resources-session", locale__language_code="kk"
    )
