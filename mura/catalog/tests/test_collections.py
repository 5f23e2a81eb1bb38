"""Curated collections across kinds and institutions, nested, with their public records."""

import pytest

from mura.catalog.choices import Access, Kind
from mura.catalog.tests.factories import CollectionFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_collection_pages_show_records_of_several_institutions(
    client, institution, other_institution
):
    museum = CollectionFactory(
        title_kk="Музей коллекциялары", description_kk="«Бір жәдігердің тарихы» жобасы."
    )
    ethnography = CollectionFactory(title_kk="Этнография", parent=museum)
    ResourceFactory(
        institution=institution,
        kind=Kind.MUSEUM_OBJECT,
        title="Домбыра",
        collections=[museum],
    )
    ResourceFactory(
        institution=other_institution,
        kind=Kind.PHOTO,
        title="Ертіс жағалауы",
        collections=[museum],
    )
    ResourceFactory(
        institution=institution,
        kind=Kind.MUSEUM_OBJECT,
        title="Кебеже",
        collections=[ethnography],
    )
    ResourceFactory(
        institution=institution,
        kind=Kind.MUSEUM_OBJECT,
        title="Қор қоймасы",
        collections=[museum],
        access=Access.STAFF,
    )

    listing = client.get("/catalog/collections/").content.decode()
    assert "Музей коллекциялары" in listing
    page = client.get(museum.get_absolute_url()).content.decode()
    assert "Домбыра" in page and "Ертіс жағалауы" in page
    assert "Қор қоймасы" not in page
    assert ethnography.get_absolute_url() in page
    child = client.get(ethnography.get_absolute_url()).content.decode()
    assert (
        "Кебеже" in child and museum.get_absolute_url() in child
    )  # breadcrumb to the parent


def test_hidden_collection_answers_404(client):
    hidden = CollectionFactory(is_public=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
