from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from mura.portal.dates import format_local_datetime

pytestmark = pytest.mark.django_db


def test_home_page_is_kazakh_with_latest_news_and_search(client, demo_news):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="kk">' in html
    assert "Соңғы жаңалықтар" in html
    assert "Халықаралық форум басталды!" in html
    assert 'role="search"' in html
    assert "Latest news" not in html


def test_home_page_in_russian_has_russian_interface(client, demo_news):
    html = client.get("/ru/").content.decode()
    assert '<html lang="ru">' in html
    assert "Последние новости" in html
    assert "Учреждения" in html
    assert "Соңғы жаңалықтар" not in html


def test_language_switch_keeps_the_reader_on_the_same_article(client, demo_news):
    html = client.get(
        "/news/elbasy-library-information-resources-session/"
    ).content.decode()
    assert (
        'href="/ru/news/elbasy-library-information-resources-session/" hreflang="ru"'
        in html
    )
    assert (
        'href="/en/news/elbasy-library-information-resources-session/" hreflang="en"'
        in html
    )


def test_language_switch_on_a_non_page_view_keeps_the_path(client, demo_news):
    html = client.get("/ru/institutions/tazhibaev-library/").content.decode()
    assert 'href="/institutions/tazhibaev-library/" hreflang="kk"' in html


def test_seed_article_keeps_its_original_text_and_date(client, demo_news):
    html = client.get(
        "/news/elbasy-library-information-resources-session/"
    ).content.decode()
    assert (
        "«ЕЛБАСЫ КІТАПХАНАСЫНЫҢ АҚПАРАТТЫҚ РЕСУРСТАРЫ» АЙМАҚТЫҚ КӘСІБИ СЕССИЯСЫ ӨТТІ"
        in html
    )
    assert "08 сәуір 2019 ж. 16:32" in html
    assert "Музей жинақтары" in html
    # the old portal's chrome after the text is not part of the article
    assert "Кодты енгізіңіз" not in html


def test_russian_reader_sees_kazakh_original_marked_as_kazakh(client, demo_news):
    html = client.get(
        "/ru/news/elbasy-library-information-resources-session/"
    ).content.decode()
    assert '<html lang="ru">' in html
    assert '<h1 class="article__title" lang="kk">' in html
    assert "08 апреля 2019 г. 16:32" in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", "08 сәуір 2019 ж. 16:32"),
        ("ru", "08 апреля 2019 г. 16:32"),
        ("en", "08 April 2019, 16:32"),
    ],
)
def test_dates_follow_the_locale(language, expected):
    moment = datetime(2019, 4, 8, 16, 32, tzinfo=ZoneInfo("Asia/Almaty"))
    with translation.override(language):
        assert format_local_datetime(moment) == expected


def test_unknown_address_gives_a_translated_404(client, demo_news):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_robots_and_sitemap(client, demo_news):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "elbasy-library-information-resources-session" in sitemap
