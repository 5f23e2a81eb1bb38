"""MEDIA_STORAGE=s3: uploads go to a private bucket (moto's S3 server here) and reach
readers only through Mura, where a closed record's files are refused as with local files."""

import io
import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from mura.catalog.choices import Access, Kind
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import ResourceFactory
from mura.iiif.tests.conftest import picture
from mura.portal.tests.conftest import S3_CREDENTIALS, S3_REGION, s3_bucket, s3_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings, s3_endpoint, monkeypatch):
    for name, value in S3_CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    name = s3_bucket(s3_endpoint)
    settings.MEDIA_STORAGE = "s3"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "mura.portal.storage.PrivateS3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": S3_REGION,
            },
        },
    }
    return name


def stored(s3_endpoint: str, bucket: str) -> set[str]:
    listing = s3_client(s3_endpoint).list_objects_v2(Bucket=bucket)
    return {entry["Key"] for entry in listing.get("Contents", [])}


def anonymous_status(url: str) -> int:
    try:
        return urllib.request.urlopen(url, timeout=10).status  # noqa: S310 - moto
    except urllib.error.HTTPError as error:
        return error.code


def image_of(record_access: str, file_access: str, name: str) -> Image:
    image = Image.objects.create(title=name, file=picture(800, 600, f"{name}.jpg"))
    resource = ResourceFactory(kind=Kind.MANUSCRIPT, title=name, access=record_access)
    DigitalFile.objects.create(resource=resource, image=image, access=file_access)
    return image


def test_a_picture_is_kept_in_the_private_bucket_and_served_through_mura(
    client, bucket, s3_endpoint
):
    image = image_of(Access.PUBLIC, Access.PUBLIC, "photo")
    rendition = image.get_rendition("max-200x200")
    assert {image.file.name, rendition.file.name} <= stored(s3_endpoint, bucket)
    assert anonymous_status(f"{s3_endpoint}/{bucket}/{image.file.name}") == 403

    assert image.file.url == f"/media/{image.file.name}"
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    served = PILImage.open(io.BytesIO(b"".join(response.streaming_content)))
    assert served.size == (200, 150)
    assert client.get("/media/original_images/nothing-here.jpg").status_code == 404


def test_the_same_name_uploaded_twice_keeps_both_files(bucket):
    first = Image.objects.create(title="a", file=picture(100, 100, "same.jpg"))
    second = Image.objects.create(title="b", file=picture(200, 100, "same.jpg"))
    assert first.file.name != second.file.name
    assert PILImage.open(first.file).size == (100, 100)


def test_iiif_draws_a_public_scan_from_the_bucket_and_nothing_of_a_closed_record(
    client, bucket, s3_endpoint
):
    public = image_of(Access.PUBLIC, Access.PUBLIC, "open-scan")
    closed = image_of(Access.STAFF, Access.PUBLIC, "closed-scan")
    response = client.get(f"/iiif/3/{public.pk}/full/400,/0/default.jpg")
    assert response.status_code == 200
    assert PILImage.open(io.BytesIO(response.content)).size == (400, 300)
    (drawn,) = [key for key in stored(s3_endpoint, bucket) if key.startswith("iiif/")]
    assert client.get(f"/media/{drawn}").status_code == 404
    assert client.get(f"/iiif/3/{closed.pk}/full/400,/0/default.jpg").status_code == 404
    assert client.get(f"/iiif/3/{closed.pk}/info.json").status_code == 404


def test_a_closed_records_document_is_refused_and_an_open_one_served(client, bucket):
    closed, opened = (
        Document.objects.create(
            title=title,
            file=ContentFile(b"%PDF-1.4 " + title.encode(), name=f"{title}.pdf"),
        )
        for title in ("closed", "opened")
    )
    ResourceFactory(
        access=Access.STAFF, files=[{"document": closed, "access": Access.PUBLIC}]
    )
    ResourceFactory(files=[{"document": opened, "access": Access.PUBLIC}])
    response = client.get(opened.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 opened"
    assert client.get(closed.url).status_code == 404
    assert client.get(f"/media/{closed.file.name}").status_code == 404
