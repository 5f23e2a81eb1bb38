"""GET /api/v1/resources and /api/v1/resources/{id}: public records only, paged, filterable."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mura.catalog.choices import Access, Kind
from mura.catalog.models import Resource
from mura.catalog.tests.factories import (
    CollectionFactory,
    ResourceFactory,
    SubjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(institution, other_institution):
    gift = CollectionFactory(slug="elbasy-library-gift-2019")
    subject = SubjectFactory()
    books = [
        ResourceFactory(
            institution=institution,
            title=f"Кітап {n}",
            collections=[gift],
            subjects=[subject],
        )
        for n in range(3)
    ]
    museum = ResourceFactory(
        institution=other_institution, kind=Kind.MUSEUM_OBJECT, title="Домбыра"
    )
    staff = ResourceFactory(
        institution=institution, title="Қызметтік", access=Access.STAFF
    )
    on_site = ResourceFactory(
        institution=institution, title="Оқу залында", access=Access.ON_SITE
    )
    return {
        "books": books,
        "museum": museum,
        "staff": staff,
        "on_site": on_site,
        "gift": gift,
        "subject": subject,
    }


def test_list_shape_and_paging(client, catalogue):
    first = client.get("/api/v1/resources", {"page_size": 2}).json()
    assert set(first) == {"count", "next", "previous", "results"}
    assert (
        first["count"] == 4 and len(first["results"]) == 2 and first["previous"] is None
    )
    item = first["results"][0]
    assert {
        "id",
        "url",
        "kind",
        "title",
        "institution",
        "updated_at",
        "agents",
        "subjects",
    } <= set(item)
    assert item["url"] == f"http://testserver/catalog/items/{item['id']}/"
    second = client.get(first["next"]).json()
    assert second["previous"] and len(second["results"]) == 2
    assert {r["id"] for r in first["results"]}.isdisjoint(
        {r["id"] for r in second["results"]}
    )


def test_staff_only_and_on_site_records_are_never_visible(client, catalogue):
    ids = {
        item["id"]
        for item in client.get("/api/v1/resources", {"page_size": 100}).json()[
            "results"
        ]
    }
    for key in ("staff", "on_site"):
        assert catalogue[key].public_id not in ids
        assert (
            client.get(f"/api/v1/resources/{catalogue[key].public_id}").status_code
            == 404
        )


def test_filters(client, catalogue, institution, other_institution):
    def ids(**params):
        return {
            item["id"]
            for item in client.get("/api/v1/resources", params).json()["results"]
        }

    books = {book.public_id for book in catalogue["books"]}
    assert ids(kind="museum_object") == {catalogue["museum"].public_id}
    assert ids(institution=institution.slug) == books
    assert ids(collection="elbasy-library-gift-2019") == books
    assert ids(subject=catalogue["subject"].pk) == books
    Resource.objects.filter(pk=catalogue["books"][0].pk).update(
        updated_at=timezone.now() - timedelta(days=10)
    )
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert catalogue["books"][0].public_id not in ids(updated_since=since)
    assert client.get("/api/v1/resources", {"kind": "spaceship"}).status_code == 422


def test_detail_and_openapi(client, catalogue):
    book = catalogue["books"][0]
    data = client.get(f"/api/v1/resources/{book.public_id}").json()
    assert (
        data["id"] == book.public_id
        and data["kind"] == "book"
        and data["collections"] == ["elbasy-library-gift-2019"]
    )
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/resources" in paths and "/api/v1/resources/{public_id}" in paths
