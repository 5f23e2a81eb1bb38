"""A Kazakh article on the Russian portal: labelled as not yet translated, in Russian,
and its Kazakh text marked with lang="kk" so that a screen reader switches voice."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from mura.news.models import NewsArticlePage

ARTICLE = "/news/elbasy-library-information-resources-session/"


def test_kazakh_article_on_the_russian_portal_is_labelled_and_marked(client, demo_news):
    html = client.get("/ru" + ARTICLE).content.decode()
    assert (
        '<p class="untranslated-note">Пока не переведено: текст только на казахском языке.</p>'
        in html
    )
    assert re.search(r'<h1 class="article__title" lang="kk">', html)
    assert '<div class="prose article__body" lang="kk">' in html
    tags = html.split('<ul class="tags" aria-label="Теги">')[1].split("</ul>")[0]
    assert tags.count("<a ") == tags.count('lang="kk"') > 0
    assert '<article class="container article">' in html, (
        "the Russian interface stays ru"
    )


def test_kazakh_article_on_the_kazakh_portal_has_no_note(client, demo_news):
    html = client.get(ARTICLE).content.decode()
    assert "untranslated-note" not in html and "untranslated-label" not in html


def test_russian_list_labels_kazakh_cards(client, demo_news):
    html = client.get("/ru/news/").content.decode()
    cards = re.findall(r'<h3 class="card__title">(.*?)</h3>', html, re.S)
    assert cards and all(
        'lang="kk"' in card
        and '<span class="untranslated-label">На казахском</span>' in card
        for card in cards
    )


def _queries_for(client, path: str) -> int:
    client.get(path)  # caches warm, as for any later reader
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_each_kazakh_card_costs_the_russian_list_no_query(client, demo_news):
    before = _queries_for(client, "/ru/news/")
    original = NewsArticlePage.objects.get(
        locale__language_code="kk", url_path__endswith=ARTICLE.split("/")[2] + "/"
    )
    copy = original.copy(
        update_attrs={"slug": "one-more", "title": "Тағы бір жаңалық"},
        keep_live=True,
    )
    copy.copy_for_translation(Locale.objects.get(language_code="ru"), alias=True)
    after = _queries_for(client, "/ru/news/")
    assert "Тағы бір жаңалық" in client.get("/ru/news/").content.decode()
    assert after == before
