"""Honest view counts: one per visitor per article per day, never for bots, staff or reloads."""

import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from mura.conftest import load_demo
from mura.institutions.tests.factories import UserFactory
from mura.news.models import ArticleViewCount, ArticleVisit, NewsArticlePage

ARTICLE = "/news/elbasy-library-information-resources-session/"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def views(slug: str = "elbasy-library-information-resources-session") -> int:
    article = NewsArticlePage.objects.get(slug=slug, locale__language_code="kk")
    counter = ArticleViewCount.objects.filter(page=article).first()
    return counter.count if counter else 0


@pytest.fixture
def fresh_article(demo_news):
    """The seed article with no views yet (the demo sets a figure only through news.demo)."""
    ArticleViewCount.objects.all().delete()
    return NewsArticlePage.objects.get(
        slug="elbasy-library-information-resources-session", locale__language_code="kk"
    )


def test_a_reader_is_counted_once_a_day_and_reloads_do_not_count(client, fresh_article):
    first = client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX)
    assert "1 қарау" in first.content.decode()
    client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX)
    client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX)
    assert views() == 1
    client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="10.0.0.7")
    assert views() == 2


def test_visitors_of_past_days_are_forgotten_and_the_count_stays(
    client, fresh_article, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    for age in (1, 2, 30):
        ArticleVisit.objects.create(
            page=fresh_article, day=today - timedelta(days=age), visitor=f"old{age}"
        )
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX)
    assert sorted(ArticleVisit.objects.values_list("visitor", flat=True))[-1] == "old1"
    assert ArticleVisit.objects.count() == 2  # yesterday's and today's
    assert views() == 1


def test_nothing_about_the_visitor_is_stored_raw(client, fresh_article):
    client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="10.1.2.3")
    visit = ArticleVisit.objects.get()
    assert "10.1.2.3" not in visit.visitor and "Firefox" not in visit.visitor
    assert len(visit.visitor) == 64


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; YandexBot/3.0)",
        "facebookexternalhit/1.1",
        "TelegramBot (like TwitterBot)",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
    ],
)
def test_bots_and_scripts_are_not_counted(client, fresh_article, user_agent):
    client.get(ARTICLE, HTTP_USER_AGENT=user_agent)
    assert views() == 0


def test_editors_reading_the_site_are_not_counted(client, fresh_article):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX)
    assert response.status_code == 200
    assert views() == 0


def test_wagtail_previews_are_not_counted(fresh_article):
    response = fresh_article.make_preview_request()
    assert response.status_code == 200
    assert views() == 0


def test_link_prefetches_and_head_requests_are_not_counted(client, fresh_article):
    client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX, HTTP_SEC_PURPOSE="prefetch")
    client.head(ARTICLE, HTTP_USER_AGENT=FIREFOX)
    assert views() == 0


def test_the_russian_and_english_pages_count_for_the_same_article(
    client, fresh_article
):
    client.get(ARTICLE, HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="10.0.0.1")
    response = client.get(
        "/ru" + ARTICLE, HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="10.0.0.2"
    )
    assert views() == 2
    assert "2 просмотра" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [
        ("kk", 1, "1 қарау"),
        ("kk", 125, "125 қарау"),
        ("ru", 1, "1 просмотр"),
        ("ru", 3, "3 просмотра"),
        ("ru", 21, "21 просмотр"),
        ("ru", 125, "125 просмотров"),
        ("ru", 11, "11 просмотров"),
        ("en", 1, "1 view"),
        ("en", 125, "125 views"),
    ],
)
def test_the_count_is_written_with_the_languages_plural(
    client, fresh_article, language, count, text
):
    ArticleViewCount.objects.create(page=fresh_article, count=count - 1)
    prefix = "" if language == "kk" else f"/{language}"
    response = client.get(prefix + ARTICLE, HTTP_USER_AGENT=FIREFOX)
    html = response.content.decode()
    assert f'data-views="{count}">{text}<' in html, html[html.find("data-views") :][:80]


def _fetch(url: str, user_agent: str, barrier: threading.Barrier) -> int:
    barrier.wait()
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        return response.status


@pytest.mark.postgres
@pytest.mark.slow
def test_twenty_concurrent_readers_are_each_counted_exactly_once(
    live_server, transactional_db
):
    """20 threads hit the live server at once (distinct readers), then 20 more repeat the
    visits of the first ten: the total is 20, not 40 and not less."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: the in-memory SQLite test database has no concurrent writers"
        )
    ContentType.objects.clear_cache()
    load_demo("institutions", "portal", "news")
    ArticleViewCount.objects.all().delete()
    url = live_server.url + ARTICLE
    agents = [f"{FIREFOX} reader/{n}" for n in range(20)]
    barrier = threading.Barrier(20)
    with ThreadPoolExecutor(max_workers=20) as pool:
        assert set(pool.map(lambda agent: _fetch(url, agent, barrier), agents)) == {200}
    assert views() == 20
    barrier = threading.Barrier(20)
    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(lambda agent: _fetch(url, agent, barrier), agents[:10] * 2))
    assert views() == 20
    assert ArticleVisit.objects.count() == 20
