"""Whatever a reader types, the search answers: one letter of any script, the query
syntax of either engine, control characters, very long queries."""

import pytest

from mura.catalog.models import Kind
from mura.catalog.services import resource_create
from mura.events.tests.factories import make_event
from mura.search.models import SearchQueryLog

# One-letter words the skeleton or the stemmer once turned into nothing (IndexError),
# and letters whose folding changes their length or form.
ONE_LETTER_WORDS = ("ø", "ß", "æ", "ł", "þ", "ь", "ъ", "đ", "œ", "ı", "ŋ", "ǅ")

# Operators and punctuation of FTS5 and of tsquery, as a reader might type them.
ENGINE_SYNTAX = (
    '"',
    "'",
    "''",
    '""',
    "*",
    "a*",
    "^",
    "^a",
    ":",
    "-",
    "--a",
    "-ø",
    "(",
    ")",
    "(a OR b)",
    "a AND b",
    "a OR b",
    "NOT a",
    "a NOT",
    "NEAR(a b)",
    "NEAR(a b, 2)",
    "title:x",
    "title:",
    'title:""',
    "author:(a)",
    "isbn:",
    "id:-",
    "title_keys : x",
    "{title_keys}: x",
    "&",
    "|",
    "!",
    "<->",
    "a & b | !c <-> d",
    "a:*",
    "'':*A",
    "a:A",
    "\\",
    "a\\",
    "\\'",
    "a\x00b",
    "\x00",
    "a\x01b\x1fc\x7fd",
)

SEARCH_URLS = ("/search/", "/search/suggest/", "/api/v1/search")


def answered(response) -> bool:
    """The page and suggestions answer every query; the API may refuse one it
    documents as invalid (a NUL, more than it reads) with a 4xx JSON error."""
    if response.status_code == 200:
        return True
    api_error = response.request["PATH_INFO"].startswith("/api/") and (
        400 <= response.status_code < 500
    )
    return api_error and "errors" in response.json()


def link(client, title: str) -> str:
    """The path of the one record the API finds by ``title``."""
    results = client.get("/api/v1/search", {"q": title}).json()["results"]
    assert [r["title"] for r in results] == [title]
    return results[0]["url"].removeprefix("http://testserver")


@pytest.mark.django_db
def test_a_one_letter_word_of_any_script_is_saved_and_found(client, institution):
    for word in ONE_LETTER_WORDS:
        resource_create(
            institution=institution,
            kind=Kind.BOOK,
            data={"title": f"Кітап {word} туралы"},
        )
    for word in ONE_LETTER_WORDS:
        record = link(client, f"Кітап {word} туралы")
        for url in SEARCH_URLS:
            assert client.get(url, {"q": word}).status_code == 200, (url, word)
        assert record in client.get("/search/", {"q": word}).content.decode(), word


@pytest.mark.django_db
def test_engine_syntax_is_searched_as_text(client, records):
    for typed in ENGINE_SYNTAX:
        for url in SEARCH_URLS:
            response = client.get(url, {"q": typed})
            assert answered(response), (url, typed, response.status_code)


@pytest.mark.django_db
def test_syntax_around_a_word_still_finds_it(client, records):
    novel = link(client, "Абай жолы")
    for typed in ("Абай*", "(Абай)", "^Абай", "Абай:", "Абай\x00", '"Абай', "'Абай'"):
        page = client.get("/search/", {"q": typed}).content.decode()
        assert novel in page, typed


@pytest.mark.django_db
def test_suggestions_for_punctuation_alone_are_empty(client, records):
    for typed in ("''", "‘’", "-- --", "(*)"):
        response = client.get("/search/suggest/", {"q": typed})
        assert response.json() == {"suggestions": []}, typed
    for typed in ("ь ь", "ø'", "Абай ʼ", "2)"):
        response = client.get("/search/suggest/", {"q": typed})
        assert isinstance(response.json()["suggestions"], list), typed


@pytest.mark.django_db
def test_a_control_character_is_a_space_in_the_query_and_the_log(client, records):
    novel = link(client, "Абай жолы")
    SearchQueryLog.objects.all().delete()

    response = client.get("/search/", {"q": "Абай\x00жолы"})

    assert response.status_code == 200
    assert novel in response.content.decode()
    assert list(SearchQueryLog.objects.values_list("query", flat=True)) == ["Абай жолы"]


@pytest.mark.django_db
def test_bytes_that_are_no_utf8_are_read_as_replacement_characters(client, records):
    for url in SEARCH_URLS:
        # An encoded lone surrogate and a stray continuation byte.
        response = client.get(f"{url}?q=%ED%A0%80%80ab")
        assert answered(response), (url, response.status_code)


@pytest.mark.django_db
def test_very_long_queries_are_answered(client, records):
    many_words = " ".join(["Абай", "жолы", "ø", "title:x", "-a"] * 2_000)
    one_long_word = "ә" * 20_000
    for typed in (many_words, one_long_word, "a" * 3_000):
        for url in SEARCH_URLS:
            response = client.get(url, {"q": typed})
            assert answered(response), (url, typed[:20], response.status_code)


@pytest.mark.django_db
def test_a_page_with_words_of_any_letter_is_published_and_found(client, site_tree):
    words = " ".join(ONE_LETTER_WORDS)
    event = make_event(site_tree["home"], title=f"Кеш {words}", lead=f"ʼ İ ﬁ {words}")
    event.save_revision().publish()

    for word in ("ø", "ß", "ь", "ʼ"):
        results = client.get("/api/v1/search", {"q": word}).json()["results"]
        assert [r["title"] for r in results] == [event.title], word
