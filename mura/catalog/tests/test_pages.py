"""The public item page and the browse page, as a reader sees them."""

import json
import re

import pytest
from django.utils import translation

from mura.catalog.choices import Access, AgentRole, Kind
from mura.catalog.services import resource_update
from mura.catalog.tests.factories import PersonFactory, ResourceFactory
from mura.comments.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def book(institution):
    author = PersonFactory(
        name_kk="Торайғыров, Сұлтанмахмұт", name_ru="Торайгыров, Султанмахмут"
    )
    return ResourceFactory(
        institution=institution,
        title="Қамар сұлу",
        other_title="роман",
        responsibility="Сұлтанмахмұт Торайғыров",
        publication_place="Павлодар",
        publisher="ЭКО",
        date_text="2003",
        extent="320 б.",
        isbn="9965-08-123-4",
        language="kk",
        agents=[(AgentRole.AUTHOR, author)],
        holdings=[{"shelfmark": "84(5Каз)-5", "location": "Абонемент"}],
    )


def jsonld(page: str) -> dict:
    return json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', page, re.S
        ).group(1)
    )


def test_item_page_shows_the_record_with_citation_and_json_ld(
    client, book, institution
):
    page = client.get(book.get_absolute_url()).content.decode()
    assert (
        "Қамар сұлу" in page and "84(5Каз)-5" in page and institution.address_kk in page
    )
    assert (
        "Торайғыров, С. Қамар сұлу : роман / Сұлтанмахмұт Торайғыров. – Павлодар : ЭКО, 2003. – 320 б."
        in page
    )
    data = jsonld(page)
    assert data["@type"] == "Book" and data["isbn"] == "9965-08-123-4"
    assert data["url"] == f"http://testserver/catalog/items/{book.public_id}/"
    assert (
        f'<link rel="canonical" href="http://testserver/catalog/items/{book.public_id}/">'
        in page
    )


def test_labels_follow_the_readers_language(client, book):
    with translation.override("ru"):
        page = client.get(f"/ru/catalog/items/{book.public_id}/").content.decode()
    assert "Место издания" in page and "Издательство" in page
    assert "Торайгыров, Султанмахмут" in page
    with translation.override("kk"):
        page = client.get(f"/catalog/items/{book.public_id}/").content.decode()
    assert "Баспа" in page and "Шыққан жері" in page


def test_the_address_survives_edits(client, book):
    url = book.get_absolute_url()
    resource_update(resource=book, data={"title": "Қамар сұлу (жаңа басылым)"})
    assert book.get_absolute_url() == url
    assert "Қамар сұлу (жаңа басылым)" in client.get(url).content.decode()


@pytest.mark.parametrize("access", [Access.STAFF, Access.ON_SITE])
def test_closed_records_never_reach_the_public(client, institution, access):
    closed = ResourceFactory(
        institution=institution, title="Жабық жазба", access=access
    )
    assert client.get(closed.get_absolute_url()).status_code == 404
    assert "Жабық жазба" not in client.get("/catalog/").content.decode()


def test_browse_filters_with_counts_and_paging(client, institution, other_institution):
    for n in range(23):
        ResourceFactory(
            institution=institution, title=f"Кітап {n:02d}", date_text="1985"
        )
    ResourceFactory(
        institution=other_institution,
        kind=Kind.MUSEUM_OBJECT,
        title="Домбыра",
        date_text="XIX ғ.",
    )
    page = client.get("/catalog/").content.decode()
    assert "24" in page and 'rel="next"' in page
    assert f"?institution={institution.slug}" in page
    museum = client.get("/catalog/", {"kind": "museum_object"}).content.decode()
    assert "Домбыра" in museum and "Кітап 01" not in museum
    nineteenth = client.get("/catalog/", {"century": "18"}).content.decode()
    assert "Домбыра" in nineteenth and "Кітап 01" not in nineteenth
    second = client.get("/catalog/", {"page": 2}).content.decode()
    assert "Кітап 22" in second


def test_readers_can_comment_on_public_records_only(client, book, institution):
    page = client.get(book.get_absolute_url()).content.decode()
    assert (
        'id="comments"' in page
        and 'name="content_type" value="catalog.resource"' in page
    )
    closed = ResourceFactory(
        institution=institution, title="Қызметтік", access=Access.STAFF
    )
    assert closed.comments_open() is False and book.comments_open() is True
    client.post(
        "/comments/post/",
        {
            "content_type": "catalog.resource",
            "object_id": closed.pk,
            "name": "Айгүл",
            "email": "a@example.org",
            "body": "Сәлем",
        },
    )
    assert not Comment.objects.exists()


def test_facet_counts_follow_changes_despite_the_cache(client, institution):
    ResourceFactory(institution=institution, kind=Kind.PHOTO, title="Ертіс жағалауы")
    assert "Фотосурет" in client.get("/catalog/").content.decode()
    ResourceFactory(institution=institution, kind=Kind.MANUSCRIPT, title="Қолжазба")
    assert "Қолжазба" in client.get("/catalog/").content.decode()
    page = client.get("/catalog/").content.decode()
    facets = page[page.index('class="facets"') : page.index("</aside>")]
    assert "Қолжазба" in facets, "the kind facet counts the new manuscript"
