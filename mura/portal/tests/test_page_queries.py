"""Every public page type renders in a bounded number of queries on the demo's content
(uncached: the page cache is off in the test settings), so a page stays cheap as the
portal grows. The bounds are what each page needs today; the figures before this work
are in docs/PERFORMANCE.md."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mura.catalog.models import Person, Resource
from mura.conftest import load_demo
from mura.events.models import EventPage
from mura.exhibitions.models import ExhibitionPage
from mura.institutions.models import Institution
from mura.news.models import NewsArticlePage

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"

# page type: (most queries, address of the demo's page of that type)
BOUNDS = {
    "home": 6,
    "home (ru)": 6,
    "news list": 7,
    "article": 5,
    "catalogue item": 9,
    "authority": 5,
    "institution": 8,
    "event": 9,
    "exhibition": 10,
    # Inside a test's transaction the search's facet store cannot keep what it reads, so
    # it reads each result's facet row (a served search holds them: docs/PERFORMANCE.md).
    "search (kk)": 17,
    "search (ru)": 13,
}


def addresses() -> dict[str, str]:
    def kazakh(model):
        return model.objects.live().filter(locale__language_code="kk").first().url

    return {
        "home": "/",
        "home (ru)": "/ru/",
        "news list": "/news/",
        "article": kazakh(NewsArticlePage),
        "catalogue item": Resource.objects.public().first().get_absolute_url(),
        "authority": Person.objects.first().get_absolute_url(),
        "institution": Institution.objects.first().get_absolute_url(),
        "event": kazakh(EventPage),
        "exhibition": kazakh(ExhibitionPage),
        "search (kk)": "/search/?q=кітап",
        "search (ru)": "/ru/search/?q=книга",
    }


@pytest.mark.django_db
def test_every_public_page_type_is_cheap_to_render():
    load_demo("institutions", "portal", "news", "catalog", "events", "exhibitions")
    load_demo("search")
    client = Client(HTTP_USER_AGENT=FIREFOX)
    pages = addresses()
    # The first round makes the site's settings rows (a change: a new content version),
    # the second fills the process's memo for that version.
    for _round in range(2):
        for url in pages.values():
            assert client.get(url).status_code == 200, url
    counts = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries)
    over = {
        name: f"{count} > {BOUNDS[name]}"
        for name, count in counts.items()
        if count > BOUNDS[name]
    }
    assert over == {}, counts
