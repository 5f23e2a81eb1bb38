"""The search form with every parameter given anything: never a 5xx, and a parameter
that cannot apply is ignored, as a reader expects of a filter that does not fit."""

from urllib.parse import urlencode

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mura.search.tests.test_any_input import answered, link
from mura.search.views import FACET_TITLES

# Every facet the page offers, so a new one is fuzzed the day it is added.
PARAMETERS = ("q", *FACET_TITLES, "year_from", "year_to", "sort", "page")
NUMBERS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, -1, 2**15, 2**31, 2**63 - 1, 2**63, 2**64, 10**30]),
).map(str)
ODD_VALUES = st.sampled_from(
    [
        "",
        " ",
        "1e9",
        "NaN",
        "-0",
        "²",
        "١٩٩٠",
        " 1990 ",
        "1_990",
        "0x10",
        "9" * 5000,
        "\x00",
        "book\x00",
        "relevance",
        "date",
        "title",
        "book",
        "kk",
        "'; DROP TABLE x; --",
        "<script>",
    ]
)
VALUES = st.one_of(
    NUMBERS, ODD_VALUES, st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
)
FORM = st.lists(st.tuples(st.sampled_from(PARAMETERS), VALUES), max_size=10)


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(form=FORM, htmx=st.booleans())
@example(form=[("page", "9223372036854775808"), ("year_from", "9" * 30)], htmx=False)
@example(form=[("institution", "²"), ("decade", "١٩٩٠"), ("q", "Абай")], htmx=False)
@example(form=[("kind", "book\x00"), ("language", "\x00"), ("q", "")], htmx=True)
@example(form=[("sort", "date"), ("sort", "title"), ("page", "-5")], htmx=False)
def test_the_search_form_answers_any_parameters(client, records, form, htmx):
    query = urlencode(form)
    headers = {"HX-Request": "true"} if htmx else {}
    with transaction.atomic():
        page = client.get(f"/search/?{query}", headers=headers)
    with transaction.atomic():
        data = client.get(f"/api/v1/search?{query}")

    assert page.status_code == 200, (form, page.status_code)
    assert answered(data), (form, data.status_code)


def found(client, links: list[str], **params) -> list[str]:
    """Which of ``links`` the search page for Абай shows with ``params``."""
    page = client.get("/search/", {"q": "Абай", **params})
    assert page.status_code == 200
    return [path for path in links if path in page.content.decode()]


@pytest.mark.django_db
def test_filters_that_cannot_apply_are_ignored(client, records):
    links = [link(client, "Абай жолы"), link(client, "Қара сөздер")]
    assert found(client, links) == links
    for name, value in (
        ("year_from", "99999999999999999999"),
        ("year_to", "-99999999999999999999"),
        ("year_from", "ХІХ ғасыр"),
        ("decade", "1" * 40),
        ("decade", "²"),
        ("institution", str(2**64)),
        ("institution", "²"),
        ("kind", "book\x00"),
        ("page", str(2**64)),
        ("page", "-1"),
        ("sort", "price"),
    ):
        assert found(client, links, **{name: value}) == links, (name, value)


@pytest.mark.django_db
def test_the_last_page_is_shown_for_a_page_beyond_it(client, records):
    novel = link(client, "Абай жолы")

    response = client.get("/search/", {"q": "Абай", "page": "9223372036854775808"})

    assert response.status_code == 200
    assert novel in response.content.decode()
