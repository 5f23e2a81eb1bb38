"""MEDIA_STORAGE=s3: uploads go to a private bucket (moto's S3 server here) and reach
readers only through Mura, where a closed record's files are refused as with local files."""

import hashlib
import io
import os
import tarfile
import tracemalloc
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from boto3.s3.transfer import TransferConfig
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from mura.catalog.choices import Access, Kind
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import ResourceFactory
from mura.iiif.tests.conftest import picture
from mura.interop.runs import import_run_upload
from mura.interop.tasks import import_file
from mura.interop.tests.test_import_runs import marc_file
from mura.portal.backup import backup_restore, backup_write
from mura.portal.storage import stored_file_path
from mura.portal.tests.conftest import S3_CREDENTIALS, S3_REGION, s3_bucket, s3_client

pytestmark = pytest.mark.django_db

PART = 5 * 1024 * 1024


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
                # Parts of 5 MB (the least S3 takes), two at a time: what a transfer
                # holds in memory, however large the file.
                "transfer_config": TransferConfig(
                    multipart_threshold=PART,
                    multipart_chunksize=PART,
                    max_concurrency=2,
                ),
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


def peak_memory(action):
    """What ``action()`` returns, and the most memory Python held while it ran."""
    tracemalloc.start()
    try:
        return action(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_import_upload_is_read_from_the_bucket_unserved_and_deleted_after(
    client, bucket, s3_endpoint, institution, tmp_path
):
    data = marc_file(tmp_path / "books.mrc", count=5).read_bytes()
    run = import_run_upload(
        institution=institution,
        upload=SimpleUploadedFile("books.mrc", data),
        format="marc21",
    )
    assert run.path in stored(s3_endpoint, bucket)
    assert anonymous_status(f"{s3_endpoint}/{bucket}/{run.path}") == 403
    assert client.get(f"/media/{run.path}").status_code == 404

    import_file.call(run.pk)
    run.refresh_from_db()
    assert (run.status, run.created) == ("done", 5)
    assert run.path not in stored(s3_endpoint, bucket)


def test_a_file_from_the_bucket_reaches_a_local_path_in_parts(
    bucket, s3_endpoint, settings
):
    content = os.urandom(8 * PART)
    digest = hashlib.sha256(content).digest()
    s3_client(s3_endpoint).put_object(
        Bucket=bucket, Key="imports/big.mrc", Body=content
    )

    def read() -> Path:
        with stored_file_path("imports/big.mrc") as path, path.open("rb") as copy:
            assert hashlib.file_digest(copy, "sha256").digest() == digest
            return path

    path, peak = peak_memory(read)
    assert peak < 4 * PART  # half the file
    assert Path(settings.DATA_DIR) in path.parents
    assert not path.exists()  # the copy is gone


@pytest.mark.django_db(transaction=True)
def test_a_backup_holds_the_buckets_media_and_a_restore_puts_them_back(
    bucket, s3_endpoint, tmp_path, institution
):
    s3 = s3_client(s3_endpoint)
    scan = os.urandom(8 * PART)
    files = {
        "original_images/scan.tif": scan,
        "documents/letter.pdf": b"%PDF-1.4 letter",
        "imports/waiting.mrc": b"00026nam",  # an upload waiting for its import
    }
    for key, content in files.items():
        s3.put_object(Bucket=bucket, Key=key, Body=content)

    manifest, peak = peak_memory(lambda: backup_write(path=tmp_path / "portal.tar.gz"))
    assert peak < 4 * PART  # half the file
    assert manifest["media_files"] == 2
    with tarfile.open(tmp_path / "portal.tar.gz") as archive:
        assert archive.extractfile("media/original_images/scan.tif").read() == scan
        assert "media/imports/waiting.mrc" not in archive.getnames()

    s3.delete_object(Bucket=bucket, Key="original_images/scan.tif")
    s3.put_object(Bucket=bucket, Key="documents/letter.pdf", Body=b"overwritten")
    backup_restore(path=tmp_path / "portal.tar.gz")

    def content(key: str) -> bytes:
        return s3.get_object(Bucket=bucket, Key=key)["Body"].read()

    assert content("original_images/scan.tif") == scan
    assert content("documents/letter.pdf") == b"%PDF-1.4 letter"
    assert stored(s3_endpoint, bucket) == set(files)
