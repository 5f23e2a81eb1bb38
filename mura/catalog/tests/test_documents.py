"""Files of closed records are not handed out by their download address."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from mura.catalog.choices import Access
from mura.catalog.tests.conftest import make_cataloguer
from mura.catalog.tests.factories import ResourceFactory


def _document(title: str) -> Document:
    return Document.objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 scan", name=f"{title}.pdf")
    )


@pytest.fixture
def documents(institution, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    closed, opened = _document("closed"), _document("opened")
    ResourceFactory(
        institution=institution,
        title="Жабық іс",
        access=Access.STAFF,
        files=[{"document": closed, "access": Access.PUBLIC}],
    )
    ResourceFactory(
        institution=institution,
        title="Ашық кітап",
        files=[{"document": opened, "access": Access.PUBLIC}],
    )
    return closed, opened


@pytest.mark.django_db
def test_a_closed_records_file_is_refused_to_readers_and_other_institutions(
    client, documents, other_institution
):
    closed, opened = documents
    assert client.get(opened.url).status_code == 200
    assert client.get(closed.url).status_code == 404
    client.force_login(make_cataloguer(other_institution, "elsewhere"))
    assert client.get(closed.url).status_code == 404


@pytest.mark.django_db
def test_the_holding_institution_downloads_its_closed_file(
    client, documents, institution
):
    closed, _ = documents
    client.force_login(make_cataloguer(institution, "holder"))
    response = client.get(closed.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 scan"


@pytest.mark.django_db
def test_no_document_is_served_by_its_storage_path(client, documents):
    _, opened = documents
    assert client.get(f"/media/{opened.file.name}").status_code == 404
    assert client.get(f"/media/images/../{opened.file.name}").status_code == 404
