"""The official IIIF Image API validator's tests (iiif-validator) for API 3.0, every one the service offers,
against a real server and an image drawn from the validator's own colour table."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.files.images import ImageFile
from iiif_validator.validator import ImageAPI, TestSuite, ValidationInfo
from PIL import Image as PILImage
from wagtail.images.models import Image

from mura.catalog.choices import Kind
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import ResourceFactory

#: Tests that need what the service deliberately does not offer: JPEG 2000, TIFF, GIF
#: and PDF output, and the retired XML form of info.
NOT_OFFERED = {"format_jp2", "format_tif", "format_gif", "format_pdf", "info_xml"}
#: The validator's WebP test still calls Python 2's urllib; WebP is checked in
#: test_image_api.py instead.
BROKEN = {"format_webp"}


def validator_image() -> ImageFile:
    """The validator's test picture: ten by ten squares of known colours, 100 px each."""
    colours = ValidationInfo().colorInfo
    image = PILImage.new("RGB", (1000, 1000))
    for x, column in enumerate(colours):
        for y, colour in enumerate(column):
            image.paste(colour, (x * 100, y * 100, x * 100 + 100, y * 100 + 100))
    output = io.BytesIO()
    image.save(output, "PNG")
    return ImageFile(output, name="validator.png")


@pytest.mark.django_db(transaction=True)
def test_the_official_validator_passes(live_server, institution):
    image = Image.objects.create(title="Validator", file=validator_image())
    record = ResourceFactory(institution=institution, kind=Kind.PHOTO, title="Тест")
    DigitalFile.objects.create(resource=record, image=image)
    server = urlsplit(live_server.url).netloc
    names = TestSuite(ValidationInfo()).list_tests("3.0")
    failures, ran = {}, []
    for name in sorted(names):
        if name in NOT_OFFERED | BROKEN:
            continue
        ran.append(name)
        result = ImageAPI(str(image.pk), server, "iiif/3", version="3.0", debug=False)
        TestSuite(ValidationInfo()).run_test(name, result)
        if result.exception:
            failures[name] = (
                f"{result.exception.message} (got {result.exception.got!r}, {result.urls[-1:]})"
            )
    assert not failures, failures
    assert {
        "region_pixels",
        "size_wh",
        "rot_full_non90",
        "quality_bitonal",
        "cors",
    } <= set(ran)
    assert len(ran) >= 38, ran
