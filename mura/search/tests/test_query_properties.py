"""Properties of the query parser and compiler, run against the real database (SQLite
FTS5 or PostgreSQL tsquery, whichever the suite runs on): no string a reader can type
reaches the engine as syntax, so none raises and none gives a 5xx."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mura.catalog.models import Kind
from mura.catalog.services import resource_create
from mura.search.backends import Filters, get_backend
from mura.search.query import ParsedQuery, Term, parse
from mura.search.tests.test_any_input import SEARCH_URLS, answered

DATABASE = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# The syntax of FTS5 and of tsquery, and the field prefixes of Mura's own.
SYNTAX = st.sampled_from(
    [
        '"',
        "'",
        "*",
        "^",
        ":",
        "-",
        "(",
        ")",
        "{",
        "}",
        ",",
        "+",
        "&",
        "|",
        "!",
        "<->",
        "<2>",
        ":*",
        ":A",
        "\\",
        "\x00",
        "\t",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(",
        "title:",
        "author:",
        "isbn:",
        "id:",
        "title_keys:",
        "ø",
        "ß",
        "ь",
        "ʼ",
        "İ",
        "ﬁ",
        "\u0301",
        "Абай",
        "жолы",
        "abai",
        "1995",
    ]
)
LETTER = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl"])
# What an HTTP request can carry: any character but a lone surrogate.
CHARACTER = st.characters(exclude_categories=["Cs"])
PIECE = st.one_of(SYNTAX, st.text(CHARACTER, min_size=1, max_size=6))
QUERY = st.one_of(
    st.lists(PIECE, max_size=10).map(" ".join),
    st.lists(PIECE, max_size=10).map("".join),
)
# Keys as the compiler may be handed them: the analyser's are letters and digits, but
# the compiler must quote whatever it gets.
KEY = st.one_of(SYNTAX, st.text(CHARACTER, min_size=1, max_size=8))
KEYS = st.frozensets(KEY, min_size=1, max_size=4)


def term(keys: frozenset[str], column: str) -> Term:
    exact = min(keys)
    return Term(exact, exact, keys, column)


@pytest.mark.django_db
@DATABASE
@given(typed=QUERY, language=st.sampled_from(["", "/ru", "/en"]), htmx=st.booleans())
@example(typed="''", language="", htmx=False)
@example(typed="a\x00b", language="", htmx=True)
@example(typed="NEAR(a b, 2)", language="/ru", htmx=True)
@example(typed='title:(a OR b) -"c" & !d <-> e:*', language="", htmx=False)
def test_any_query_is_answered_by_the_page_suggestions_and_api(
    client, records, typed, language, htmx
):
    headers = {"HX-Request": "true"} if htmx else {}
    for url in SEARCH_URLS:
        if not url.startswith("/api/"):
            url = language + url
        # A savepoint per request: on PostgreSQL an error would otherwise hide behind
        # the aborted transaction of the next one.
        with transaction.atomic():
            response = client.get(url, {"q": typed}, headers=headers)
        assert answered(response), (url, typed, response.status_code)


@pytest.mark.django_db
@DATABASE
@given(
    terms=st.lists(KEYS, max_size=3),
    excluded=st.lists(KEYS, max_size=2),
    identifiers=st.lists(KEY, max_size=2),
    column=st.sampled_from(["", "title_keys", "creator_keys", "body_keys", "id_keys"]),
)
def test_the_compiler_quotes_every_key_it_is_given(
    records, terms, excluded, identifiers, column
):
    query = ParsedQuery(
        raw="",
        terms=[term(keys, column) for keys in terms],
        excluded=[term(keys, "") for keys in excluded],
        identifiers=identifiers,
    )
    backend = get_backend()
    with transaction.atomic():
        backend.search(query, Filters(), page_size=5)
        backend.search(query, Filters(), sort="title", page=2, page_size=5)


@pytest.mark.django_db
@DATABASE
@given(typed=st.lists(st.one_of(CHARACTER, SYNTAX), max_size=20).map("".join))
def test_parsed_queries_run_and_suggest(records, typed):
    backend = get_backend()
    with transaction.atomic():
        backend.search(parse(typed), Filters(), page_size=5)
        backend.suggest(typed)


@pytest.mark.django_db
@settings(DATABASE, max_examples=25)
@given(word=st.text(LETTER, min_size=1, max_size=3))
@example(word="ø")
@example(word="ʼ")
def test_a_record_is_found_by_any_short_word_of_its_title(client, institution, word):
    """The engine keeps every key as the analyser made it (one token, same form), so
    a word of any script finds the record it is in."""
    record = resource_create(
        institution=institution, kind=Kind.BOOK, data={"title": f"Кітап {word}"}
    )

    response = client.get("/search/", {"q": word})

    assert response.status_code == 200
    assert record.get_absolute_url() in response.content.decode(), word
