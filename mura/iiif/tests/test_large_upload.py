"""An editor uploads a scan of tens of megapixels as TIFF: the admin keeps the original as
it came and the Image API serves it, whole and in tiles, as JPEG."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from mura.catalog.choices import Kind, Rights
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import ResourceFactory
from mura.institutions.tests.factories import UserFactory
from mura.institutions.tests.staff import admin_language

WIDTH, HEIGHT = 5_000, 4_000


def tiff_scan() -> bytes:
    """A 20-megapixel LZW TIFF with a grid to tell its regions apart."""
    image = PILImage.linear_gradient("L").resize((WIDTH, HEIGHT)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for x in range(0, WIDTH, 250):
        draw.line([(x, 0), (x, HEIGHT)], fill=(200, 30, 30), width=5)
    output = io.BytesIO()
    image.save(output, "TIFF", compression="tiff_lzw")
    return output.getvalue()


def test_a_tiff_of_tens_of_megapixels_is_kept_and_served_in_tiles(client, institution):
    client.force_login(
        admin_language(UserFactory(is_superuser=True, is_staff=True), "ru")
    )
    content = tiff_scan()
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Қолжазба, 1-парақ", "file": SimpleUploadedFile("leaf.tif", content)},
    )
    assert response.status_code == 302, response.context["form"].errors
    image = Image.objects.get(title="Қолжазба, 1-парақ")
    assert (image.width, image.height) == (WIDTH, HEIGHT)
    with image.file.open("rb") as stored:
        assert stored.read() == content
    record = ResourceFactory(institution=institution, kind=Kind.MANUSCRIPT)
    DigitalFile.objects.create(
        resource=record, image=image, rights=Rights.PUBLIC_DOMAIN
    )

    info = client.get(f"/iiif/3/{image.pk}/info.json").json()
    assert (info["width"], info["height"]) == (WIDTH, HEIGHT)
    tile = client.get(f"/iiif/3/{image.pk}/2000,1000,1000,1000/500,/0/default.jpg")
    assert tile.status_code == 200
    assert tile["Content-Type"] == "image/jpeg"
    drawn = PILImage.open(io.BytesIO(tile.getvalue()))
    assert drawn.size == (500, 500)
    # The red line at x=2250 falls a quarter of the way into the region.
    red, green, _blue = drawn.getpixel((125, 250))
    assert red > 150 and green < 90
