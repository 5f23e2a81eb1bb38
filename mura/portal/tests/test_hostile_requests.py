"""Every public address answers hostile query strings and path segments with a page or
a 4xx, never a server error: the sweep behind the per-form fuzz tests, so a new page or
a new parameter is covered the day it is added."""

from urllib.parse import quote, urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mura.catalog.models import Work
from mura.catalog.tests.factories import (
    CollectionFactory,
    OrganisationFactory,
    PersonFactory,
    PlaceFactory,
    ResourceFactory,
    SubjectFactory,
)
from mura.events.tests.factories import make_event
from mura.exhibitions.tests.factories import exhibitions_index, make_exhibition
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
    "lang",
    "page_size",
    "updated_since",
    "region",
    "tag",
    "a",
    "b",
    "with",
    "v",
    "show",
    "code",
]


#: Routes that are not public pages read with GET: the admin, Wagtail's and
#: django-simple-captcha's own, forms that only take POST, redirects.
NOT_SWEPT = {
    "set_language",
    "captcha-image",
    "captcha-image-2x",
    "captcha-audio",
    "captcha-refresh",
    "comments:post",
    "api:create_registration",
    "wagtailcore_authenticate_with_password",
    "wagtailcore_login",
    "api:openapi-view",
    "api:api-root",
    # Files and pixels, whose path segments the IIIF and media tests sweep.
    "media",
    "catalog:cover",
    "catalog:thumbnail",
    "iiif:image",
    "iiif:info",
    "iiif:image_region",
}


def public_routes() -> set[str]:
    """The names of every route outside the admins, with their namespaces."""

    def walk(resolver: URLResolver, prefix: str, namespace: str):
        for pattern in resolver.url_patterns:
            path = prefix + str(pattern.pattern)
            if path.startswith(("admin/", "django-admin/", "documents/", "images/")):
                continue
            if isinstance(pattern, URLResolver):
                inner = (
                    f"{namespace}{pattern.namespace}:"
                    if pattern.namespace
                    else namespace
                )
                yield from walk(pattern, path, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield namespace + pattern.name

    return set(walk(get_resolver(), "", ""))


@pytest.fixture
def public_addresses(site_tree, institution):
    """One public address of each route (in kk and ru where the route has a language),
    keyed by route name."""
    home = site_tree["home"]
    article = NewsArticlePageFactory(
        institution=institution, parent=news_index(home, "Жаңалықтар")
    )
    event = make_event(home, institution=institution)
    exhibition = make_exhibition(home, institution=institution)
    record = ResourceFactory(institution=institution)
    other = ResourceFactory(institution=institution)
    collection = CollectionFactory()
    work_id = Work.objects.values_list("pk", flat=True).first() or 1
    prefixes = ["", "/ru"]
    pages = {
        "wagtail_serve": [
            "/",
            article.get_parent().url,
            article.url,
            event.get_parent().url,
            event.url,
            exhibitions_index(home).url,
            exhibition.url,
        ],
        "catalog:index": [reverse("catalog:index")],
        "catalog:collections": [reverse("catalog:collections")],
        "catalog:collection": [reverse("catalog:collection", args=[collection.slug])],
        "catalog:item": [reverse("catalog:item", args=[record.public_id])],
        "catalog:compare": [
            reverse("catalog:compare") + f"?a={record.public_id}&b={other.public_id}"
        ],
        "catalog:work": [reverse("catalog:work", args=[work_id])],
        "catalog:person": [reverse("catalog:person", args=[PersonFactory().pk])],
        "catalog:organisation": [
            reverse("catalog:organisation", args=[OrganisationFactory().pk])
        ],
        "catalog:place": [reverse("catalog:place", args=[PlaceFactory().pk])],
        "catalog:subject": [reverse("catalog:subject", args=[SubjectFactory().pk])],
        "institutions:list": [reverse("institutions:list")],
        "institutions:detail": [
            reverse("institutions:detail", args=[institution.slug])
        ],
        "search:index": [reverse("search:index")],
        "search:suggest": [reverse("search:suggest")],
    }
    unprefixed = {
        "feeds:news_rss": ["/feeds/news.rss"],
        "feeds:news_atom": ["/feeds/news.atom"],
        "event_feeds:ics": ["/feeds/events.ics"],
        "events:event_ics": [f"/events/{event.slug}/event.ics"],
        "events:slot_ics": [f"/events/{event.slug}/slots/1.ics"],
        "events:certificate_verify": ["/events/certificates/X/"],
        "sitemap": ["/sitemap.xml"],
        "sitemap_section": ["/sitemap-news.xml"],
        "robots_txt": ["/robots.txt"],
        "oai:endpoint": ["/oai"],
        "healthz": ["/healthz"],
        "records:export": [
            f"/records/{record.public_id}.mrc",
            f"/records/{record.public_id}.xml",
        ],
        "iiif:manifest": [f"/iiif/3/{record.public_id}/manifest.json"],
        "iiif:collection": [f"/iiif/3/collection/{exhibition.pk}.json"],
        "api:openapi-json": ["/api/v1/openapi.json"],
        "api:list_institutions": ["/api/v1/institutions"],
        "api:get_institution": [f"/api/v1/institutions/{institution.slug}"],
        "api:list_resources": ["/api/v1/resources"],
        "api:get_resource": [f"/api/v1/resources/{record.public_id}"],
        "api:get_work": [f"/api/v1/works/{work_id}"],
        "api:list_articles": ["/api/v1/news"],
        "api:get_article": [f"/api/v1/news/{article.pk}"],
        "api:list_events": ["/api/v1/events"],
        "api:get_event": [f"/api/v1/events/{event.pk}"],
        "api:search": ["/api/v1/search"],
    }
    addresses = {
        name: [prefix + url for prefix in prefixes for url in urls]
        for name, urls in pages.items()
    }
    return addresses | unprefixed


def test_the_sweep_reaches_every_public_route(public_addresses):
    """A route added without an address here fails, so the sweep covers it the day it
    is added (or it is named in NOT_SWEPT with the reason it is not a public GET)."""
    assert public_routes() - NOT_SWEPT - set(public_addresses) == set()


def every_address(public_addresses) -> list[str]:
    return [url for urls in public_addresses.values() for url in urls]


def assert_answered(client, url: str, **query) -> None:
    response = client.get(url, query) if query else client.get(url)
    assert response.status_code < 500, f"{url} {query!r:.120} → {response.status_code}"


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_public_pages_answer_any_query_string(client, public_addresses, value):
    """Every parameter at once, and each page answers with a page or a 4xx."""
    query = dict.fromkeys(PARAMETERS, value)
    for url in every_address(public_addresses):
        assert_answered(client, url, **query)


def test_public_pages_answer_repeated_and_odd_parameters(client, public_addresses):
    """Repeated parameters, parameters without a value and raw undecodable bytes."""
    odd = [
        "?" + urlencode([("page", "1"), ("page", "2"), ("q", "a"), ("q", "b")]),
        "?page&q&kind&sort",
        "?q=%ff%fe%00&page=%C0%AF",
        "?" + "&".join(f"p{n}=v" for n in range(500)),
    ]
    for url in every_address(public_addresses):
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
