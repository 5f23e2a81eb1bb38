"""The demo's pictures of real size: drawn with fine detail to zoom into, and drawn once."""

from PIL import Image

from mura.catalog.demo_images import BORDER, CELL, draw, large_picture

LABEL = ["Қызылорда облыстық музейі", "КП 4004 · Сырмақ"]


def test_a_picture_has_felt_squares_a_woven_inscription_and_a_label():
    picture = draw(0, "Шиелі шеберлері · 1930", LABEL, (3, 2))
    assert picture.size == (2 * BORDER + 3 * CELL, 2 * BORDER + 2 * CELL)
    # Squares alternate ground and figure, so two neighbours differ in the middle.
    first = picture.getpixel((BORDER + 20, BORDER + 250))
    second = picture.getpixel((BORDER + CELL + 20, BORDER + 250))
    assert sum(abs(a - b) for a, b in zip(first, second, strict=True)) > 150
    # The label and the inscription are small dark and light strokes on their grounds.
    label = picture.crop(
        (
            picture.width - BORDER - 300,
            picture.height - BORDER - 120,
            picture.width - BORDER - 40,
            picture.height - BORDER - 60,
        )
    ).convert("L")
    assert min(label.getdata()) < 90 and max(label.getdata()) > 200
    inscription = picture.crop((BORDER, 40, BORDER + 400, 60)).convert("L")
    assert max(inscription.getdata()) - min(inscription.getdata()) > 100


def test_each_picture_is_drawn_once_into_the_data_folder(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.MURA_DEMO_IMAGE_CELLS = (2, 1)
    path = large_picture(1, "Шиелі", LABEL)
    drawn = path.stat().st_mtime_ns
    assert path.is_relative_to(tmp_path)
    assert large_picture(1, "Шиелі", LABEL) == path
    assert path.stat().st_mtime_ns == drawn
    assert large_picture(2, "Шиелі", LABEL) != path
    with Image.open(path) as picture:
        assert picture.size == (2 * BORDER + 2 * CELL, 2 * BORDER + CELL)
