"""Every way staff upload an image or a document refuses a file whose content is not what
its name says, a damaged image, a decompression bomb and a file over the size limit, with
a message in the admin's language; what is already stored stays as it was."""

import html
import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from fpdf import FPDF
from openpyxl import Workbook
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from mura.institutions.tests.factories import UserFactory
from mura.institutions.tests.staff import admin_language

HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def png_bytes(size=(40, 30)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(size=(400, 300)) -> bytes:
    out = io.BytesIO()
    PILImage.effect_noise(size, 60).convert("RGB").save(out, "JPEG", quality=90)
    return out.getvalue()


def pdf_bytes() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Programme of the session")
    return bytes(pdf.output())


def xlsx_bytes() -> bytes:
    book = Workbook()
    book.active.append(["name", "institution"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def png_bomb(side: int = 30_000) -> bytes:
    """A real PNG of ``side`` × ``side`` black pixels: about 100 KB that would take
    ``side``² bytes of memory to open."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\0" * (1 + side // 8)  # filter byte + one bit a pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def staff(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    user = admin_language(UserFactory(is_superuser=True, is_staff=True), "en")
    client.force_login(user)
    return user


def image_add(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content)},
    )


def document_add(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content)},
    )


def form_errors(response) -> str:
    """The page as the staff member reads it, after the form was refused."""
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    return html.unescape(response.content.decode())


def test_real_images_and_documents_are_accepted(client, staff):
    assert image_add(client, "photo.png", png_bytes()).status_code == 302
    assert image_add(client, "scan.jpg", jpeg_bytes()).status_code == 302
    assert document_add(client, "programme.pdf", pdf_bytes()).status_code == 302
    assert document_add(client, "list.xlsx", xlsx_bytes()).status_code == 302
    assert document_add(client, "list.csv", "имя;мекеме\n".encode()).status_code == 302
    assert Image.objects.count() == 2
    assert Document.objects.count() == 3


def test_a_truncated_jpeg_is_refused(client, staff):
    whole = jpeg_bytes()
    errors = form_errors(image_add(client, "scan.jpg", whole[: len(whole) // 2]))
    assert "damaged or incomplete" in errors
    assert not Image.objects.exists()


def test_a_web_page_named_jpg_is_refused(client, staff):
    errors = form_errors(image_add(client, "photo.jpg", HTML))
    assert "Upload a valid image" in errors
    assert not Image.objects.exists()


def test_a_decompression_bomb_is_refused_before_it_is_decoded(client, staff):
    bomb = png_bomb()
    assert len(bomb) < 200_000
    errors = form_errors(image_add(client, "bomb.png", bomb))
    assert "too many pixels" in errors
    assert "exhaust the server's memory" in errors
    assert not Image.objects.exists()


def test_a_png_named_pdf_is_refused_as_a_document(client, staff):
    errors = form_errors(document_add(client, "report.pdf", png_bytes()))
    assert "named .pdf but its content is PNG" in errors
    assert not Document.objects.exists()


def test_a_web_page_named_pdf_is_refused(client, staff):
    errors = form_errors(document_add(client, "report.pdf", HTML))
    assert "its content is plain text" in errors


def test_files_over_the_limit_are_refused(client, staff, settings):
    settings.MURA_UPLOAD_MAX_MB = 1
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024 * 1024
    big_text = b"a;b\n" * 300_000
    errors = form_errors(document_add(client, "list.csv", big_text))
    assert "files of at most 1.0\xa0MB can be uploaded" in errors
    errors = form_errors(image_add(client, "scan.jpg", jpeg_bytes((1400, 1400))))
    assert "This file is too big" in errors
    assert not Image.objects.exists() and not Document.objects.exists()


def test_a_bad_replacement_keeps_the_stored_image(client, staff):
    assert image_add(client, "photo.png", png_bytes()).status_code == 302
    image = Image.objects.get()
    stored = image.file.name
    whole = jpeg_bytes()
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "photo", "file": SimpleUploadedFile("new.jpg", whole[:2000])},
    )
    assert "damaged or incomplete" in form_errors(response)
    image.refresh_from_db()
    assert image.file.name == stored
    assert image.file.storage.exists(stored)
    assert image.title == "photo.png"


def test_a_bad_replacement_keeps_the_stored_document(client, staff):
    assert document_add(client, "programme.pdf", pdf_bytes()).status_code == 302
    document = Document.objects.get()
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "programme", "file": SimpleUploadedFile("fake.pdf", HTML)},
    )
    assert "its content is plain text" in form_errors(response)
    document.refresh_from_db()
    assert document.file.read().startswith(b"%PDF")


def test_multiple_upload_refuses_each_bad_file(client, staff):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("photo.jpg", HTML)},
    )
    assert response.json()["success"] is False
    assert "Upload a valid image" in html.unescape(response.json()["error_message"])
    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("report.pdf", png_bytes())},
    )
    assert response.json()["success"] is False
    assert "its content is PNG" in html.unescape(response.json()["error_message"])
    assert not Image.objects.exists() and not Document.objects.exists()


def test_the_choosers_refuse_bad_files(client, staff):
    """Catalogue records' digital files and event photos and materials are uploaded
    through the image and document choosers."""
    whole = jpeg_bytes()
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "scan",
            "image-chooser-upload-file": SimpleUploadedFile("scan.jpg", whole[:3000]),
        },
    )
    assert response.status_code == 200
    assert "damaged or incomplete" in html.unescape(response.json()["htmlFragment"])
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "slides",
            "document-chooser-upload-file": SimpleUploadedFile(
                "slides.pptx", pdf_bytes()
            ),
        },
    )
    assert response.status_code == 200
    assert "its content is PDF" in html.unescape(response.json()["htmlFragment"])
    assert not Image.objects.exists() and not Document.objects.exists()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("kk", "мазмұны PNG"),
        ("ru", "содержимое — PNG"),
        ("en", "its content is PNG"),
    ],
)
def test_the_refusal_speaks_the_admins_language(client, staff, language, words):
    admin_language(staff, language)
    errors = form_errors(document_add(client, "report.pdf", png_bytes()))
    assert words in errors
