"""Every public address answers hostile query strings and path segments with a page or
a 4xx, never a server error: the sweep behind the per-form fuzz tests, so a new page or
a new parameter is covered the day it is added."""

from urllib.parse import quote, urlencode

import pytest
from django.urls import reverse

from mura.catalog.tests.factories import PersonFactory, ResourceFactory
from mura.events.tests.factories import make_event
from mura.news.demo import news_index
from mura.news.tests.factories import NewsArticlePageFactory

# What careless clients, scanners and attackers send.
HOSTILE_VALUES = [
    "",
    "ø",
    "ß",
    "\x00",
    "a\x00b",
    "-1",
    "0",
    "9223372036854775808",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "2020-13-45",
    "0000-00-00",
    "9999-12-31T99:99",
    "'\"<script>alert(1)</script>",
    'title:x NEAR(a b) "unclosed',
    "a & | ! <-> :* b",
    "*",
    "\u0301",
    "𝔸𝔹",
    "ﬁ İ",
    "\ufeff\u200d",
    "%ff%fe",
    "x" * 3000,
]

# Every parameter a public page reads, and then some that none reads.
PARAMETERS = [
    "q",
    "page",
    "kind",
    "institution",
    "language",
    "date_from",
    "date_to",
    "from",
    "until",
    "year",
    "month",
    "subject",
    "sort",
    "tag",
    "collection",
    "when",
    "format",
    "verb",
    "metadataPrefix",
    "identifier",
    "set",
    "resumptionToken",
]


@pytest.fixture
def public_addresses(site_tree, institution):
    """The public pages of a small site, one of each kind that takes parameters."""
    home = site_tree["home"]
    article = NewsArticlePageFactory(
        institution=institution, parent=news_index(home, "Жаңалықтар")
    )
    event = make_event(home, institution=institution)
    record = ResourceFactory(institution=institution)
    person = PersonFactory()
    prefixes = ["", "/ru"]
    pages = [
        "/",
        article.get_parent().url,
        article.url,
        event.get_parent().url,
        event.url,
        reverse("catalog:index"),
        reverse("catalog:collections"),
        reverse("catalog:item", args=[record.public_id]),
        reverse("catalog:person", args=[person.pk]),
        reverse("institutions:list"),
        reverse("institutions:detail", args=[institution.slug]),
        reverse("search:index"),
        reverse("search:suggest"),
    ]
    unprefixed = [
        "/feeds/news.rss",
        "/feeds/news.atom",
        "/feeds/events.ics",
        "/sitemap.xml",
        "/oai",
        "/healthz",
    ]
    return [prefix + page for prefix in prefixes for page in pages] + unprefixed


def assert_answered(client, url: str, **query) -> None:
    response = client.get(url, query) if query else client.get(url)
    assert response.status_code < 500, f"{url} {query!r:.120} → {response.status_code}"


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_public_pages_answer_any_query_string(client, public_addresses, value):
    """Every parameter at once, and each page answers with a page or a 4xx."""
    query = dict.fromkeys(PARAMETERS, value)
    for url in public_addresses:
        assert_answered(client, url, **query)


def test_public_pages_answer_repeated_and_odd_parameters(client, public_addresses):
    """Repeated parameters, parameters without a value and raw undecodable bytes."""
    odd = [
        "?" + urlencode([("page", "1"), ("page", "2"), ("q", "a"), ("q", "b")]),
        "?page&q&kind&sort",
        "?q=%ff%fe%00&page=%C0%AF",
        "?" + "&".join(f"p{n}=v" for n in range(500)),
    ]
    for url in public_addresses:
        for query in odd:
            response = client.get(url + query)
            assert response.status_code < 500, f"{url}{query[:80]}"


@pytest.mark.parametrize(
    "segment",
    ["0", "-1", "9223372036854775808", "9" * 40, "%00", quote("ø"), "..%2f..%2fetc"],
)
def test_detail_addresses_answer_any_identifier(client, site_tree, segment):
    """An identifier nobody issued is a 404, however large or strange."""
    for pattern in [
        "/catalog/items/{}/",
        "/catalog/persons/{}/",
        "/catalog/subjects/{}/",
        "/catalog/collections/{}/",
        "/institutions/{}/",
        "/events/certificates/{}/",
        "/news/{}/",
        "/ru/catalog/items/{}/",
    ]:
        url = pattern.format(segment)
        response = client.get(url)
        assert response.status_code < 500, f"{url} → {response.status_code}"


def test_a_nul_character_is_a_space_in_a_query_and_names_no_page(client, site_tree):
    """PostgreSQL refuses a query holding NUL outright (these were 500s there)."""
    assert client.get("/catalog/?institution=%00").status_code == 200
    answer = client.get("/ru/search/?q=a%00b")
    assert answer.status_code == 200 and 'value="a b"' in answer.content.decode()
    missing = client.get("/ru/catalog/items/%00/")
    assert missing.status_code == 404
    assert "Страница не найдена" in missing.content.decode()
