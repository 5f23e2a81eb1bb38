"""Demo pictures of real size: a felt syrmak photographed at tens of megapixels, with
stitches, a woven inscription and an inventory label small enough that they are read only
by zooming in. Drawn with Pillow once and kept in MURA_DATA_DIR's cache, so loading the
demo again (or into a fresh database) reads the file instead of drawing it."""

import hashlib
import math
import random
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CELL = 500
BORDER = 420
PALETTES = (
    ((168, 38, 36), (236, 222, 190), (34, 52, 96)),
    ((34, 62, 110), (230, 214, 176), (150, 40, 34)),
    ((120, 104, 84), (205, 190, 160), (88, 70, 52)),
)


def _stitches(draw: ImageDraw.ImageDraw, points: list, ink: tuple) -> None:
    """Quilting stitches along a line: short dashes a few pixels apart."""
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        length = math.hypot(x2 - x1, y2 - y1)
        for step in range(0, int(length) - 6, 11):
            t1, t2 = step / length, (step + 6) / length
            draw.line(
                (
                    x1 + (x2 - x1) * t1,
                    y1 + (y2 - y1) * t1,
                    x1 + (x2 - x1) * t2,
                    y1 + (y2 - y1) * t2,
                ),
                fill=ink,
                width=2,
            )


def _spiral(middle: float, side: int) -> list[tuple[float, float]]:
    """A horn from the top of the stem, curling outwards and down into itself."""
    centre_x, centre_y = middle + side * 105, middle - 10
    points = []
    for step in range(240):
        angle = math.radians(135 - step * 2.5)
        radius = 148 - step * 0.525
        points.append(
            (
                centre_x + side * radius * math.cos(angle),
                centre_y - radius * math.sin(angle),
            )
        )
    return points


def _horn(size: int, ground: tuple, figure: tuple, thread: tuple) -> Image.Image:
    """One cell: a ram's horn (қошқар мүйіз) cut from felt and quilted along it."""
    cell = Image.new("RGB", (size, size), ground)
    draw = ImageDraw.Draw(cell)
    middle = size / 2
    draw.rectangle((middle - 20, middle - 125, middle + 20, middle + 170), fill=figure)
    draw.polygon(
        [
            (middle - 90, middle + 170),
            (middle, middle + 95),
            (middle + 90, middle + 170),
        ],
        fill=figure,
    )
    for side in (-1, 1):
        horn = _spiral(middle, side)
        for x, y in horn:
            draw.ellipse((x - 19, y - 19, x + 19, y + 19), fill=figure)
        _stitches(draw, horn[::2], thread)
    for inset in (14, 30):
        _stitches(
            draw,
            [
                (inset, inset),
                (size - inset, inset),
                (size - inset, size - inset),
                (inset, size - inset),
                (inset, inset),
            ],
            thread,
        )
    return cell


def _felt(picture: Image.Image, rng: random.Random) -> Image.Image:
    """Felt's grain: fine noise over the whole piece."""
    grain = Image.effect_noise(picture.size, 28).convert("RGB")
    return Image.blend(picture, grain, 0.08 + rng.random() * 0.03)


def _border(picture: Image.Image, palette: tuple, inscription: str) -> None:
    """A band of triangles with the maker's inscription woven small along it."""
    draw = ImageDraw.Draw(picture)
    width, height = picture.size
    red, cream, blue = palette
    draw.rectangle((0, 0, width, BORDER), fill=blue)
    draw.rectangle((0, height - BORDER, width, height), fill=blue)
    draw.rectangle((0, 0, BORDER, height), fill=blue)
    draw.rectangle((width - BORDER, 0, width, height), fill=blue)
    step = 120
    for x in range(BORDER, width - BORDER, step):
        for top in (BORDER - 150, height - BORDER + 30):
            draw.polygon(
                [(x, top + 120), (x + step / 2, top), (x + step, top + 120)], fill=cream
            )
            _stitches(
                draw, [(x, top + 120), (x + step / 2, top), (x + step, top + 120)], red
            )
    font = ImageFont.truetype(SANS, 16)
    for y in (40, height - 70):
        x = BORDER
        while x < width - BORDER:
            draw.text((x, y), inscription, font=font, fill=cream)
            x += int(draw.textlength(inscription, font=font)) + 40


def _label(picture: Image.Image, lines: list[str]) -> None:
    """The museum's inventory label, sewn to a corner, in 13-pixel type."""
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(SANS, 13)
    x, y = picture.width - BORDER - 300, picture.height - BORDER - 120
    draw.rectangle(
        (x, y, x + 260, y + 24 + 18 * len(lines)),
        fill=(246, 240, 224),
        outline=(90, 80, 70),
    )
    for number, line in enumerate(lines):
        draw.text((x + 10, y + 10 + 18 * number), line, font=font, fill=(40, 36, 30))


def draw(
    seed: int, inscription: str, label: list[str], cells: tuple[int, int]
) -> Image.Image:
    """The syrmak in the palette `seed` picks (red, blue or the worn reverse), `cells`
    felt squares across and down inside its border."""
    rng = random.Random(seed)  # noqa: S311 - demo pictures, not secrets
    red, cream, blue = palette = PALETTES[seed % len(PALETTES)]
    across, down = cells
    picture = Image.new(
        "RGB", (2 * BORDER + across * CELL, 2 * BORDER + down * CELL), cream
    )
    squares = (_horn(CELL, cream, red, blue), _horn(CELL, red, cream, blue))
    for row in range(down):
        for column in range(across):
            picture.paste(
                squares[(row + column) % 2],
                (BORDER + column * CELL, BORDER + row * CELL),
            )
    _border(picture, palette, inscription)
    _label(picture, label)
    return _felt(picture, rng)


def large_picture(seed: int, inscription: str, label: list[str]) -> Path:
    """The picture's JPEG file (MURA_DEMO_IMAGE_CELLS big), drawn on the first call and
    kept under the data folder by what it shows."""
    cells = settings.MURA_DEMO_IMAGE_CELLS
    key = hashlib.sha256(
        "\n".join([str(seed), inscription, *label, repr(cells)]).encode()
    ).hexdigest()
    path = settings.DATA_DIR / "cache" / "demo-images" / f"syrmak-{key[:16]}.jpg"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        draw(seed, inscription, label, cells).save(path, "JPEG", quality=86)
    return path
