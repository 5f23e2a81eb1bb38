"""Generated covers for records without a picture, as Open Library draws its default
covers: the title and author set in DejaVu on a colour of the record's kind.

A cover is drawn on its first request and kept in the media storage under a name that
changes whenever the record is saved, so pages only ever link to it."""

import hashlib
import io
import textwrap

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

from mura.catalog.choices import AgentRole, Kind
from mura.catalog.models import Resource

SIZE = (360, 480)
SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
VERSION = "2"  # bump to redraw every cover after a change of design
# Background colours per kind (two shades each, chosen by the record's id): deep
# enough for light text, distinct between books, archives and museum objects.
COLOURS: dict[str, tuple[tuple[int, int, int], ...]] = {
    Kind.BOOK: ((11, 79, 108), (28, 70, 120)),
    Kind.PERIODICAL: ((40, 92, 77), (32, 84, 98)),
    Kind.MANUSCRIPT: ((112, 54, 36), (96, 62, 40)),
    Kind.FONDS: ((92, 72, 46), (80, 66, 52)),
    Kind.SERIES: ((92, 72, 46), (80, 66, 52)),
    Kind.FILE: ((104, 82, 50), (88, 74, 56)),
    Kind.ARCHIVAL_ITEM: ((104, 82, 50), (88, 74, 56)),
    Kind.MUSEUM_OBJECT: ((124, 52, 58), (110, 60, 84)),
    Kind.PHOTO: ((54, 58, 66), (66, 62, 72)),
    Kind.AUDIOVISUAL: ((60, 52, 102), (52, 64, 110)),
    Kind.E_RESOURCE: ((36, 84, 110), (44, 74, 96)),
}
PAPER = (250, 246, 236)
ACCENT = (232, 196, 120)


def cover_version(resource: Resource) -> str:
    """A short key that changes whenever the record (and so its cover) changes."""
    stamp = f"{resource.public_id}|{resource.updated_at.isoformat()}|{VERSION}"
    return hashlib.sha256(stamp.encode()).hexdigest()[:12]


def _author(resource: Resource) -> str:
    if resource.responsibility:
        return resource.responsibility
    for link in resource.agents.all():
        if link.role in (AgentRole.AUTHOR, AgentRole.MAKER, AgentRole.FONDS_CREATOR):
            surname, _, given = link.agent.name_kk.partition(", ")
            return f"{given} {surname}".strip()
    return ""


def _lines(
    draw: ImageDraw.ImageDraw, text: str, font_path: str, sizes: tuple[int, ...]
) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The text wrapped to the cover's width at the largest size that fits five lines."""
    width = SIZE[0] - 64
    for size in sizes:
        font = ImageFont.truetype(font_path, size)
        average = draw.textlength("абвгдеж", font=font) / 7
        lines = textwrap.wrap(text, max(8, int(width / average)))
        if len(lines) <= 5 and all(
            draw.textlength(line, font=font) <= width for line in lines
        ):
            return lines, font
    lines = textwrap.wrap(text, max(8, int(width / average)))[:5]
    lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    return lines, font


def cover_draw(resource: Resource) -> bytes:
    """The cover as PNG bytes."""
    shades = COLOURS.get(resource.kind, COLOURS[Kind.BOOK])
    background = shades[
        int(hashlib.sha256(resource.public_id.encode()).hexdigest(), 16) % len(shades)
    ]
    picture = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(picture)
    width, height = SIZE
    draw.rectangle((16, 16, width - 17, height - 17), outline=ACCENT, width=2)
    draw.line((48, 56, width - 48, 56), fill=ACCENT, width=2)
    lines, font = _lines(draw, resource.title, SERIF, (40, 34, 28, 24, 20))
    y = 84
    for line in lines:
        draw.text((32, y), line, font=font, fill=PAPER)
        y += int(font.size * 1.25)
    author = _author(resource)
    if author:
        author_lines, author_font = _lines(draw, author, SANS, (22, 19, 16))
        y += 24
        for line in author_lines[:2]:
            draw.text((32, y), line, font=author_font, fill=ACCENT)
            y += int(author_font.size * 1.3)
    if resource.date_text:
        small = ImageFont.truetype(SANS, 18)
        draw.line((48, height - 80, width - 48, height - 80), fill=ACCENT, width=2)
        draw.text((32, height - 64), resource.date_text[:28], font=small, fill=PAPER)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def cover_bytes(resource: Resource) -> bytes:
    """The stored cover, drawn and stored first when this version has none."""
    path = f"covers/{resource.public_id}-{cover_version(resource)}.png"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as stored:
            return stored.read()
    data = cover_draw(resource)
    default_storage.save(path, ContentFile(data))
    return data
