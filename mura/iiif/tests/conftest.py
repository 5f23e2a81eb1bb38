import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from mura.catalog.choices import Access, Kind, Rights
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import ResourceFactory


def picture(width: int, height: int, name: str = "scan.jpg") -> ImageFile:
    """A photograph-like test picture: a gradient with a grid, so crops differ."""
    image = PILImage.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 100):
        draw.line([(x, 0), (x, height)], fill=(200, 30, 30), width=3)
    for y in range(0, height, 100):
        draw.line([(0, y), (width, y)], fill=(30, 30, 200), width=3)
    draw.rectangle([(0, 0), (99, 99)], fill=(0, 160, 0))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=95)
    return ImageFile(output, name=name)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def scan(db):
    return Image.objects.create(title="Қолжазба", file=picture(1600, 1200))


@pytest.fixture
def record(institution, scan):
    resource = ResourceFactory(
        institution=institution,
        kind=Kind.MANUSCRIPT,
        title="Абай өлеңдерінің қолжазба көшірмесі",
        language="kk",
        date_text="1909",
        description="Мүрсейіт Бікеұлы көшірген қолжазба.",
    )
    DigitalFile.objects.create(
        resource=resource, image=scan, caption="1-парақ", rights=Rights.PUBLIC_DOMAIN
    )
    return resource


@pytest.fixture
def restricted_scan(institution):
    image = Image.objects.create(title="Жабық", file=picture(800, 600, "closed.jpg"))
    resource = ResourceFactory(
        institution=institution, kind=Kind.MANUSCRIPT, title="Жабық іс"
    )
    DigitalFile.objects.create(resource=resource, image=image, access=Access.STAFF)
    return image
