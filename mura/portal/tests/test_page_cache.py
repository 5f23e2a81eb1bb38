"""Anonymous pages served from the shared cache: what a reader sees stays true after a
publication, an unpublication, an approved comment, a changed record or a translation;
the view count stays honest and a comment posted from a cached page passes CSRF."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.db import transaction
from django.test import Client
from wagtail.models import Locale, Site

from mura.catalog.services import resource_update
from mura.catalog.tests.factories import ResourceFactory
from mura.comments.models import Comment, CommentSettings
from mura.comments.services import comments_moderate
from mura.comments.tests.helpers import comment_data
from mura.institutions.tests.factories import UserFactory
from mura.news.models import ArticleViewCount, NewsArticlePage
from mura.portal.content_version import VERSION_KEY, content_changed
from mura.portal.models import PortalSettings
from mura.portal.page_cache import STATUS_HEADER
from mura.statistics.models import DailyViews, ViewKind

ARTICLE = "/news/elbasy-library-information-resources-session/"
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The test settings keep pages uncached for every other test; here they are kept."""
    settings.MURA_PAGE_CACHE_SECONDS = 300
    caches["limits"].clear()


@pytest.fixture
def settings_rows(site_tree):
    """The settings rows a site makes on its first page (a change of their own)."""
    CommentSettings.current()
    PortalSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def article(demo_news, settings_rows):
    return NewsArticlePage.objects.get(
        slug="elbasy-library-information-resources-session", locale__language_code="kk"
    )


def reader(number: int = 1) -> Client:
    """A new reader: their own browser (so their own visit) and no cookies yet."""
    return Client(HTTP_USER_AGENT=f"{FIREFOX} reader/{number}")


def read(client: Client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), response.get(STATUS_HEADER, "")


def views_shown(html: str) -> int:
    return int(re.search(r'data-views="(\d+)"', html).group(1))


def test_a_second_reader_gets_the_same_page_from_the_cache(article):
    first, status = read(reader(1), ARTICLE)
    assert status == "miss"
    second, status = read(reader(2), ARTICLE)
    assert status == "hit"
    assert "<!--mura:fill" not in first + second

    def steady(html: str) -> str:
        html = re.sub(r'(csrfmiddlewaretoken" value=")\w+', r"\1", html)
        html = re.sub(r"[0-9a-f]{40}", "", html)
        return re.sub(r'data-views="\d+">[^<]*', "", html)

    assert steady(first) == steady(second)


def test_each_new_reader_of_a_cached_article_is_counted_and_sees_it(article):
    read(reader(1), ARTICLE)
    before = ArticleViewCount.objects.get(page=article).count
    html, status = read(reader(2), ARTICLE)
    assert status == "hit"
    assert views_shown(html) == before + 1
    assert ArticleViewCount.objects.get(page=article).count == before + 1
    # The same reader again is not a new view, and is shown the same count.
    html, _status = read(reader(2), ARTICLE)
    assert views_shown(html) == before + 1
    html, _status = read(reader(3), ARTICLE)
    assert "қарау" in html
    assert views_shown(html) == before + 2


def test_a_readers_repeat_view_of_a_cached_article_touches_no_table(
    article, django_assert_num_queries
):
    """Served again from the cache, the article costs the database nothing: the visit
    is known to be counted, the count and the form's CAPTCHA keys are in hand."""
    client = reader(1)
    read(client, ARTICLE)
    read(client, ARTICLE)
    with django_assert_num_queries(0):
        html, status = read(client, ARTICLE)
    assert status == "hit"
    assert views_shown(html) == ArticleViewCount.objects.get(page=article).count


def test_a_comment_posted_from_a_cached_page_passes_the_csrf_check(article):
    read(reader(1), ARTICLE)
    client = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=FIREFOX)
    html, status = read(client, ARTICLE)
    assert status == "hit"
    assert "csrftoken" in client.cookies
    data = comment_data(html)
    data["csrfmiddlewaretoken"] = re.search(
        r'name="csrfmiddlewaretoken" value="(\w+)"', html
    ).group(1)
    response = client.post("/comments/post/", data)
    assert response.status_code == 302
    assert Comment.objects.filter(body=data["body"]).exists()
    # Without the token the same post is refused.
    stranger = Client(enforce_csrf_checks=True, HTTP_USER_AGENT=FIREFOX)
    html, _status = read(stranger, ARTICLE)
    assert stranger.post("/comments/post/", comment_data(html)).status_code == 403


@pytest.mark.parametrize("language", ["", "/ru"])
def test_a_cached_page_comes_with_the_headers_and_cookie_of_a_fresh_one(
    article, language
):
    """Served before sessions, the language, CSRF and the frame options run, a cached
    page still has their headers, the reader's language and a CSRF cookie like a fresh
    page's; a reader's own CSRF cookie is kept."""
    fresh = reader(1).get(language + ARTICLE)
    client = reader(2)
    client.cookies["csrftoken"] = "k" * 32
    cached = client.get(language + ARTICLE, HTTP_ACCEPT_LANGUAGE="en")
    assert (fresh[STATUS_HEADER], cached[STATUS_HEADER]) == ("miss", "hit")
    # Each answer has a request id of its own (the logs' X-Request-ID).
    assert fresh["X-Request-ID"] != cached["X-Request-ID"]
    skipped = {STATUS_HEADER, "Content-Length", "X-Request-ID"}
    assert {name: value for name, value in cached.items() if name not in skipped} == {
        name: value for name, value in fresh.items() if name not in skipped
    }
    assert cached["Content-Language"] == (language.strip("/") or "kk")
    assert int(cached["Content-Length"]) == len(cached.content)
    assert client.cookies["csrftoken"].value == "k" * 32
    assert dict(cached.cookies["csrftoken"]) == dict(fresh.cookies["csrftoken"]) | {
        "expires": cached.cookies["csrftoken"]["expires"]
    }


def test_two_readers_of_a_cached_page_get_different_captcha_codes(article):
    keys = {
        re.search(r'name="captcha_0" value="(\w+)"', read(reader(n), ARTICLE)[0]).group(
            1
        )
        for n in range(3)
    }
    assert len(keys) == 3


def test_a_published_article_is_on_the_cached_news_list_at_once(article):
    read(reader(1), "/news/")
    assert read(reader(2), "/news/")[1] == "hit"
    article.copy(
        update_attrs={"slug": "fresh-news", "title": "Жаңа ғана жарияланды"},
        keep_live=True,
    )
    html, status = read(reader(3), "/news/")
    assert status == "miss"
    assert "Жаңа ғана жарияланды" in html


def test_an_unpublished_article_leaves_the_cache_at_once(article):
    read(reader(1), ARTICLE)
    assert read(reader(2), "/news/")[0].count(article.title) >= 1
    article.unpublish()
    assert reader(3).get(ARTICLE).status_code == 404
    assert article.title not in read(reader(4), "/news/")[0]


def test_an_approved_comment_shows_on_the_cached_article(article):
    comment = Comment.objects.filter(status=Comment.Status.PENDING).first()
    assert comment is not None
    assert comment.body not in read(reader(1), ARTICLE)[0]
    assert read(reader(2), ARTICLE)[1] == "hit"
    comments_moderate(
        comments=[comment],
        status=Comment.Status.APPROVED,
        user=UserFactory(is_superuser=True),
    )
    html, status = read(reader(3), ARTICLE)
    assert status == "miss"
    assert comment.body in html


def test_a_changed_record_shows_on_its_cached_page(institution, settings_rows):
    record = ResourceFactory(institution=institution, title="Ескі атау")
    url = record.get_absolute_url()
    assert "Ескі атау" in read(reader(1), url)[0]
    assert read(reader(2), url)[1] == "hit"
    resource_update(resource=record, data={"title": "Жаңа атау"})
    html, status = read(reader(3), url)
    assert "Жаңа атау" in html
    assert "Ескі атау" not in html


def test_a_published_translation_shows_in_the_cached_pages(article):
    fresh = article.copy(
        update_attrs={"slug": "to-translate", "title": "Аударылатын жаңалық"},
        keep_live=True,
    )
    kk_url = "/news/to-translate/"
    html, _status = read(reader(1), kk_url)
    assert 'href="/ru/news/to-translate/"' not in html
    assert read(reader(2), kk_url)[1] == "hit"
    translation = fresh.copy_for_translation(Locale.objects.get(language_code="ru"))
    translation.title = "Переведённая новость"
    translation.save_revision().publish()
    html, status = read(reader(3), kk_url)
    assert status == "miss"
    assert 'href="/ru/news/to-translate/"' in html
    assert "Переведённая новость" in read(reader(4), "/ru/news/")[0]


def test_a_change_reaches_other_processes_when_it_is_committed(transactional_db):
    """Other processes read the version from the shared cache: it moves on commit."""
    content_changed()
    before = caches["default"].get(VERSION_KEY)
    with transaction.atomic():
        content_changed()
        content_changed()
        assert caches["default"].get(VERSION_KEY) == before
    after = caches["default"].get(VERSION_KEY)
    assert after is not None
    assert after != before


def test_staff_and_posts_are_never_served_from_the_cache(client, article):
    read(reader(1), ARTICLE)
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(ARTICLE).get(STATUS_HEADER) is None
    assert reader(2).post(ARTICLE).get(STATUS_HEADER) is None


def test_a_reader_with_a_session_or_messages_is_not_served_from_the_cache(article):
    read(reader(1), ARTICLE)
    with_session = reader(2)
    with_session.cookies["sessionid"] = "something"
    assert with_session.get(ARTICLE).get(STATUS_HEADER) is None
    with_messages = reader(3)
    with_messages.cookies["messages"] = "something"
    assert with_messages.get(ARTICLE).get(STATUS_HEADER) is None


def test_searches_are_not_cached(site_tree):
    client = reader(1)
    assert client.get("/search/?q=кітап").get(STATUS_HEADER) is None
    assert client.get("/search/?q=кітап").get(STATUS_HEADER) is None


def test_the_statistics_count_readers_of_cached_pages_and_records(article, institution):
    record = ResourceFactory(institution=institution, title="Қара сөздер")
    for address, kind in (
        (ARTICLE, ViewKind.NEWS),
        (record.get_absolute_url(), ViewKind.ITEM),
    ):
        statuses = [read(reader(number), address)[1] for number in range(1, 4)]
        assert statuses == ["miss", "hit", "hit"]
        assert DailyViews.objects.get(kind=kind).views == 3
        read(reader(3), address)  # the same reader again the same day
        assert DailyViews.objects.get(kind=kind).views == 3
