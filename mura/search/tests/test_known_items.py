"""Known items first: the record a query names ranks above the ones that mention it."""

import re

import pytest

from mura.conftest import load_demo
from mura.search.backends.known import tier, title_words
from mura.search.query import Term, parse


def results(client, prefix: str, q: str) -> list[tuple[str, str]]:
    """(kind label, title) of the first results of the search page."""
    html = client.get(f"{prefix}/search/", {"q": q}).content.decode()
    kinds = re.findall(r'class="search-hit__kind">([^<]+)<', html)
    titles = [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'class="search-hit__title"><a [^>]+>(.*?)</a>', html)
    ]
    return list(zip(kinds, titles, strict=True))


@pytest.fixture
def catalogue(db):
    """The demo's institutions and catalogue, indexed."""
    load_demo("institutions", "portal", "catalog", "search")


@pytest.mark.django_db
def test_the_authority_a_query_names_comes_first(client, catalogue):
    for prefix, person in (("", "Тұлға"), ("/ru", "Персона")):
        first = results(client, prefix, "Абай")[0]
        assert first == (person, "Құнанбайұлы, Абай (1845–1904)")
        # Any form and script of the name reaches it.
        assert results(client, prefix, "Abai")[0] == first
        assert results(client, prefix, "Абайдың")[0] == first
    api = client.get("/api/v1/search", {"q": "Абай", "lang": "ru"}).json()
    assert api["results"][0]["kind"] == "person"
    assert "/ru/catalog/" in api["results"][0]["url"]


@pytest.mark.django_db
def test_the_library_named_after_him_is_near_the_top(client, catalogue):
    for prefix in ("", "/ru"):
        top = [title for _, title in results(client, prefix, "Торайғыров")[:3]]
        assert top[0] == "Торайғыров, Сұлтанмахмұт (1893–1920)"
        assert any(title.startswith("С.Торайғыров атындағы") for title in top[:2])


@pytest.mark.django_db
def test_an_exact_title_comes_before_mentions(client, catalogue):
    found = results(client, "", "қара сөздер")
    # Its editions are one result (one per work); the book comes before its author.
    assert [title for _, title in found[:2]] == [
        "Қара сөздер",
        "Құнанбайұлы, Абай (1845–1904)",
    ]


def test_tiers_from_the_title_keys():
    abai = parse("Абай")
    abai.terms = [Term("абай", "0абай", frozenset({"0абай"}))]
    # A person's dates are not words of the name.
    assert title_words("0құнанбайұлы құнанбайұл 0абай 1845 1904") == [
        {"0құнанбайұлы", "құнанбайұл"},
        {"0абай"},
    ]
    assert tier(abai, "person", "0құнанбайұлы құнанбайұл 0абай 1845 1904") == 0
    assert tier(abai, "book", "0абай") == 0  # the exact title
    assert tier(abai, "book", "0абай 0жолы 0роман") == 1  # begins with it
    assert tier(abai, "book", "0путь 0абая 1аб") is None  # a mention
    assert tier(abai, "person", "0әуезов 0мұхтар") is None  # not in the name
