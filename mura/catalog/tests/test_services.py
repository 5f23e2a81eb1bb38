"""The single write path: validation, year normalisation, derivatives in the background."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from mura.catalog.choices import Kind
from mura.catalog.models import Resource
from mura.catalog.services import (
    resource_create,
    resources_create_many,
    years_from_text,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("1956", (1956, 1956)),
        ("1938–1991 жж.", (1938, 1991)),
        ("XIX ғ.", (1800, 1899)),
        ("XII–XIV ғғ.", (1100, 1399)),
        ("конец XIX в.", (1800, 1899)),
        ("1920-е гг.", (1920, 1920)),
        ("белгісіз", (None, None)),
    ],
)
def test_dates_as_written_become_year_ranges(text, years):
    assert years_from_text(text) == years


def test_invalid_records_are_refused_and_nothing_is_stored(institution):
    with pytest.raises(ValidationError) as error:
        resource_create(
            institution=institution,
            kind=Kind.BOOK,
            data={"title": "", "year_from": 2000, "year_to": 1990},
        )
    assert {"title", "year_to"} <= set(error.value.message_dict)
    assert not Resource.objects.exists()


def test_bulk_import_uses_the_same_path_and_keeps_the_source(institution):
    count = resources_create_many(
        institution=institution,
        records=[
            (
                Kind.BOOK,
                {
                    "title": f"Кітап {n}",
                    "source_id": f"001-{n}",
                    "original_format": "marc21",
                    "original_record": "=245  10$aКітап",
                },
            )
            for n in range(5)
        ],
        batch_size=2,
    )
    assert count == 5
    assert Resource.objects.filter(original_format="marc21").count() == 5
    assert all(resource.revisions.count() == 1 for resource in Resource.objects.all())
    with pytest.raises(ValidationError):
        resource_create(
            institution=institution,
            kind=Kind.BOOK,
            data={"title": "Қайталау", "source_id": "001-1"},
        )


def test_image_derivatives_are_made_by_the_background_task(
    institution, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 900), (200, 180, 150)).save(buffer, "JPEG")
    image = Image.objects.create(
        title="Домбыра", file=ImageFile(buffer, name="dombyra.jpg")
    )
    with django_capture_on_commit_callbacks(execute=True):
        resource_create(
            institution=institution,
            kind=Kind.MUSEUM_OBJECT,
            data={
                "title": "Домбыра",
                "files": [{"image": image, "caption": "Домбыра"}],
            },
        )
    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert {"max-960x960", "fill-320x240", "original"} <= specs
