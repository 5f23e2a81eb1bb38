"""Deleting keeps a tombstone: lists and the API drop the record, its address answers 410."""

import pytest
from django.utils import translation

from mura.catalog.models import Resource
from mura.catalog.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_admin_delete_keeps_a_tombstone_that_answers_410(
    client, cataloguer, institution
):
    record = ResourceFactory(institution=institution, title="Жойылатын кітап")
    client.force_login(cataloguer)
    response = client.post(f"/admin/snippets/catalog/libraryitem/delete/{record.pk}/")
    assert response.status_code == 302
    record = Resource.objects.get(pk=record.pk)
    assert record.is_deleted is True
    assert record.deleted_at is not None
    client.get(
        "/admin/snippets/catalog/libraryitem/"
    )  # shows (and consumes) the success message
    assert (
        "Жойылатын кітап"
        not in client.get("/admin/snippets/catalog/libraryitem/").content.decode()
    )
    client.logout()

    with translation.override("kk"):
        page = client.get(record.get_absolute_url())
    assert page.status_code == 410
    assert "каталогтан" in page.content.decode()
    assert "Жойылатын кітап" not in client.get("/catalog/").content.decode()
    api = client.get("/api/v1/resources").json()
    assert record.public_id not in [item["id"] for item in api["results"]]
    assert client.get(f"/api/v1/resources/{record.public_id}").status_code == 404
