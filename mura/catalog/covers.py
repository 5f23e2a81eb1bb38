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
    draw: ImageDraw.ImageDraw,
    text: str,
    font_path: str,
    sizes: tuple[int, ...],
    *,
    width: int,
    most: int = 5,
) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The text wrapped to `width` at the largest size that fits `most` lines."""
    for size in sizes:
        font = ImageFont.truetype(font_path, size)
        average = draw.textlength("абвгдеж", font=font) / 7
        lines = textwrap.wrap(text, max(8, int(width / average)))
        if len(lines) <= most and all(
            draw.textlength(line, font=font) <= width for line in lines
        ):
            return lines, font
    lines = textwrap.wrap(text, max(8, int(width / average)))[:most]
    lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    return lines, font


def draw_cover(
    *,
    title: str,
    byline: str,
    footer: str,
    background: tuple[int, int, int],
    size: tuple[int, int] = SIZE,
) -> bytes:
    """A cover as PNG bytes: the title in DejaVu Serif, the byline (author, institution)
    under it, the footer (a date, a kind) at the foot, inside a gold frame."""
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    width, height = size
    text_width = width - 64
    # A landscape card has room for fewer lines than a book's portrait cover.
    most = 5 if height > width else 3
    draw.rectangle((16, 16, width - 17, height - 17), outline=ACCENT, width=2)
    draw.line((48, 56, width - 48, 56), fill=ACCENT, width=2)
    lines, font = _lines(
        draw, title, SERIF, (40, 34, 28, 24, 20), width=text_width, most=most
    )
    y = 84
    for line in lines:
        draw.text((32, y), line, font=font, fill=PAPER)
        y += int(font.size * 1.25)
    if byline:
        byline_lines, byline_font = _lines(
            draw, byline, SANS, (22, 19, 16), width=text_width
        )
        y += 24 if most == 5 else 12
        for line in byline_lines[:2]:
            draw.text((32, y), line, font=byline_font, fill=ACCENT)
            y += int(byline_font.size * 1.3)
    if footer:
        small = ImageFont.truetype(SANS, 18)
        draw.line((48, height - 80, width - 48, height - 80), fill=ACCENT, width=2)
        draw.text((32, height - 64), footer[:40], font=small, fill=PAPER)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def cover_draw(resource: Resource) -> bytes:
    """The record's cover as PNG bytes."""
    shades = COLOURS.get(resource.kind, COLOURS[Kind.BOOK])
    background = shades[
        int(hashlib.sha256(resource.public_id.encode()).hexdigest(), 16) % len(shades)
    ]
    return draw_cover(
        title=resource.title,
        byline=_author(resource),
        footer=resource.date_text[:28],
        background=background,
    )


def cover_bytes(resource: Resource) -> bytes:
    """The stored cover, drawn and stored first when this version has none."""
    path = f"covers/{resource.public_id}-{cover_version(resource)}.png"
    if default_storage.exists(path):
        with default_storage.open(path, "rb") as stored:
            return stored.read()
    data = cover_draw(resource)
    default_storage.save(path, ContentFile(data))
    return data
