"""Results in the reader's language: one result per translated page, every link under
the reader's language prefix, on the page and in the API."""

import re

import pytest

from mura.events.tests.factories import make_event
from mura.search.backends import facets


def api(client, q, **params):
    response = client.get("/api/v1/search", {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()


def hits(html: str) -> list[tuple[str, str]]:
    """(address, title text) of each result on a search page."""
    return [
        (href, re.sub(r"<[^>]+>", "", title))
        for href, title in re.findall(
            r'class="search-hit__title"><a href="([^"]+)"[^>]*>(.*?)</a>', html
        )
    ]


def translate(page, locale, **fields):
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


@pytest.fixture
def forum(site_tree):
    """A Kazakh event with Russian and English translations, all three published."""
    locales = site_tree["locales"]
    event = make_event(
        site_tree["home"],
        title="Кітапхана форумы: аймақтың мәдени әлеуеті",
        lead="Халықаралық форум кітапханада өтеді.",
    )
    event.save_revision().publish()
    russian = translate(
        event,
        locales["ru"],
        title="Форум библиотеки: культурный потенциал региона",
        lead="Международный форум проходит в библиотеке (kitaphana).",
    )
    english = translate(
        event,
        locales["en"],
        title="Library forum: the region's cultural potential",
        lead="An international forum at the library (kitaphana, форум).",
    )
    return {"kk": event, "ru": russian, "en": english}


@pytest.fixture
def kazakh_only(site_tree):
    """A Kazakh event that has no Russian translation."""
    event = make_event(
        site_tree["home"],
        title="Өлкетану қорын цифрландыру семинары",
        lead="Форум алдындағы семинар.",
        slug="local-history-seminar",
    )
    event.save_revision().publish()
    return event


@pytest.mark.django_db
def test_the_russian_search_page_links_every_result_under_ru(
    client, records, forum, kazakh_only
):
    html = client.get("/ru/search/", {"q": "Абай"}).content.decode()
    found = hits(html)
    assert any("/catalog/" in href for href, _ in found)
    assert all(href.startswith("/ru/") for href, _ in found), found
    html = client.get("/ru/search/", {"q": "форум"}).content.decode()
    assert hits(html)
    assert all(href.startswith("/ru/") for href, _ in hits(html))
    # On the Kazakh site no link carries a prefix.
    html = client.get("/search/", {"q": "форум"}).content.decode()
    assert hits(html)
    assert not any(href.startswith(("/ru/", "/en/")) for href, _ in hits(html))


@pytest.mark.django_db
def test_one_result_per_translated_page_in_the_readers_language(
    client, forum, kazakh_only
):
    # Every language's copy mentions a forum; each reader sees the event once.
    kazakh = client.get("/search/", {"q": "форум"}).content.decode()
    russian = client.get("/ru/search/", {"q": "форум"}).content.decode()
    assert [title for href, title in hits(kazakh) if "event-" in href] == [
        "Кітапхана форумы: аймақтың мәдени әлеуеті"
    ]
    assert [title for href, title in hits(russian) if "event-" in href] == [
        "Форум библиотеки: культурный потенциал региона"
    ]
    # The Kazakh-only seminar is the original, marked with its language.
    assert re.search(
        r'<a href="/ru/events/local-history-seminar/" lang="kk">[^<]*</a> '
        r'<span class="untranslated-label">На казахском</span>',
        russian,
    )
    assert "untranslated-label" not in kazakh
    assert "2 результата" in russian  # the forum and the seminar, not four


@pytest.mark.django_db
def test_the_english_copy_is_not_listed_on_the_kazakh_site(client, forum):
    data = api(client, "kitaphana")
    assert [r["title"] for r in data["results"]] == [forum["kk"].title]
    assert data["count"] == 1
    assert data["facets"]["language"] == [
        {"value": "kk", "label": "қазақ тілі", "count": 1}
    ]


@pytest.mark.django_db
def test_the_api_answers_in_the_language_asked_for(client, forum, kazakh_only):
    for lang, prefix in (("ru", "/ru/"), ("en", "/en/")):
        data = api(client, "форум", lang=lang)
        by_url = {r["url"].split("testserver", 1)[1]: r for r in data["results"]}
        assert set(by_url) == {
            f"{prefix}events/{forum['kk'].slug}/",
            f"{prefix}events/local-history-seminar/",
        }
        event = by_url[f"{prefix}events/{forum['kk'].slug}/"]
        assert (event["title"], event["language"], event["untranslated"]) == (
            forum[lang].title,
            lang,
            False,
        )
        seminar = by_url[f"{prefix}events/local-history-seminar/"]
        assert (seminar["language"], seminar["untranslated"]) == ("kk", True)
        assert data["count"] == 2
    # Without ?lang= the Accept-Language header decides, as for the API's errors.
    data = client.get(
        "/api/v1/search", {"q": "форум"}, HTTP_ACCEPT_LANGUAGE="ru"
    ).json()
    assert {r["title"] for r in data["results"]} == {
        forum["ru"].title,
        kazakh_only.title,
    }
    assert all("/ru/" in r["url"] for r in data["results"])
    refused = client.get("/api/v1/search", {"q": "форум", "lang": "de"})
    assert refused.status_code == 422
    assert refused.json()["detail"]


@pytest.mark.django_db
def test_a_translation_that_did_not_match_is_still_shown_to_its_reader(client, forum):
    # Only the Kazakh copy has the word: the Russian reader gets the Russian page.
    data = api(client, "әлеуеті", lang="ru")
    assert [(r["title"], r["untranslated"]) for r in data["results"]] == [
        (forum["ru"].title, False)
    ]
    # Unless the reader asked for Kazakh records only.
    data = api(client, "әлеуеті", lang="ru", language="kk")
    assert [r["title"] for r in data["results"]] == [forum["kk"].title]


@pytest.mark.django_db
def test_paging_counts_each_translated_page_once(client, site_tree):
    for n in range(3):
        event = make_event(
            site_tree["home"], title=f"Форум {n}", slug=f"forum-{n}", lead="форум"
        )
        event.save_revision().publish()
        translate(event, site_tree["locales"]["ru"], title=f"Форум (рус.) {n}")
    data = api(client, "форум", lang="ru", kind="event")
    assert data["count"] == 3
    assert data["facets"]["kind"] == [
        {"value": "event", "label": "Мероприятие", "count": 3}
    ]
    assert sorted(r["title"] for r in data["results"]) == [
        "Форум (рус.) 0",
        "Форум (рус.) 1",
        "Форум (рус.) 2",
    ]


@pytest.mark.django_db
def test_one_result_per_translated_page_among_very_many_matches(
    client, site_tree, settings, monkeypatch
):
    """Above ``read_ids`` matches the engine counts and samples them in one pass,
    which also finds the grouped ones (here by their rows: more grouped documents
    than ``read_ids``): the page still shows each page once."""
    settings.MURA_SEARCH_OPTIONS = {"read_ids": 2, "facet_sample": 2}
    monkeypatch.setattr(facets, "GROUPED_SECONDS", 0)  # count them at every search
    for n in range(3):
        event = make_event(
            site_tree["home"], title=f"Форум {n}", slug=f"forum-{n}", lead="форум"
        )
        event.save_revision().publish()
        translate(event, site_tree["locales"]["ru"], title=f"Форум (рус.) {n}")
    data = api(client, "форум", lang="ru", kind="event")
    assert sorted(r["title"] for r in data["results"]) == [
        "Форум (рус.) 0",
        "Форум (рус.) 1",
        "Форум (рус.) 2",
    ]
    kazakh = api(client, "форум", lang="kk", kind="event")
    assert sorted(r["title"] for r in kazakh["results"]) == [
        "Форум 0",
        "Форум 1",
        "Форум 2",
    ]


@pytest.mark.django_db
def test_suggestions_keep_the_reader_in_their_language(client, records):
    russian = client.get("/ru/search/suggest/", {"q": "Абай"}).json()["suggestions"]
    kazakh = client.get("/search/suggest/", {"q": "Абай"}).json()["suggestions"]
    assert russian and all(s["url"].startswith("/ru/") for s in russian)
    assert kazakh and not any(s["url"].startswith("/ru/") for s in kazakh)
