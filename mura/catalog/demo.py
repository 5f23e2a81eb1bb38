"""Demo catalogue: a few hundred records of Kyzylorda and Pavlodar institutions.

Records are composed from real names of writers, works, newspapers, places and
object types of the two regions; editions, shelfmarks, inventory numbers and
archival reference codes are illustrative, not the institutions' real data.

The authorities and collections are `demo_data/authorities.yaml`; the records are
MARC 21 in `demo_data/records.xml`, loaded by the importer (`interop`) as any
library's file would be. What MARC 21 cannot carry sits in the local field 987
(`$a` a name, then its values) and reaches the importer as the item's `extra`:
a catalogue field (`$a material $b ағаш`), `parent` (source id), `collection`
(slug), `agent` and `place` (role, name), `holding-status` (one per 852),
`image` (title, seed, caption) and `large-image` (title, seed, caption, the woven
inscription, the label's lines split by " / "; see `demo_images`). The holding institution is 040 `$a`. Everything
is keyed (authorities by name, records by source id) so a second run adds
nothing. Images are drawn with Pillow at load time."""

import io
import math
import random
from collections.abc import Iterator
from itertools import groupby
from typing import Any, TextIO

from django.core.files.images import ImageFile
from lxml import etree
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from mura.catalog.demo_images import large_picture
from mura.catalog.models import (
    Collection,
    Organisation,
    Person,
    Place,
    Resource,
    Subject,
)
from mura.institutions.models import Institution
from mura.interop.marc.marcxml import MARC_NS
from mura.interop.marc.readers import read_marcxml
from mura.interop.records import ImportItem, RecordProblem
from mura.interop.services import records_import
from mura.portal.demo import demo_data, demo_file

LOCAL_FIELD = "987"
Authorities = dict[str, dict[str, Any]]


def _horns(draw: ImageDraw.ImageDraw, cx: int, cy: int, ink: tuple) -> None:
    """Қошқар мүйіз: arcs over two curled horns."""
    for ring in range(4):
        radius = 60 + ring * 38
        draw.arc(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            200 + ring * 10,
            340 - ring * 10,
            fill=ink,
            width=6,
        )
    for side in (-1, 1):
        for step in range(60):
            angle = step / 9
            r = 70 - step
            x = cx + side * (110 + r * math.cos(angle))
            y = cy + 60 + r * math.sin(angle)
            draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=ink)


def _rosette(draw: ImageDraw.ImageDraw, cx: int, cy: int, ink: tuple) -> None:
    """Eight petals round a centre, as on a shield boss."""
    for petal in range(8):
        angle = petal * math.pi / 4
        x, y = cx + 95 * math.cos(angle), cy + 95 * math.sin(angle)
        draw.ellipse((x - 55, y - 55, x + 55, y + 55), outline=ink, width=5)
    draw.ellipse((cx - 30, cy - 30, cx + 30, cy + 30), fill=ink)


def _zigzag(draw: ImageDraw.ImageDraw, cx: int, cy: int, ink: tuple) -> None:
    """Bands of triangles, as woven on a tekemet border."""
    for row in range(-2, 3):
        y = cy + row * 60
        for column in range(-5, 5):
            x = cx + column * 60
            draw.polygon(
                [(x, y + 25), (x + 30, y - 25), (x + 60, y + 25)], outline=ink, width=4
            )


def _diamonds(draw: ImageDraw.ImageDraw, cx: int, cy: int, ink: tuple) -> None:
    """Nested rhombi with a cross, as stitched on a tuskiiz."""
    for size in (190, 140, 90, 40):
        draw.polygon(
            [(cx, cy - size), (cx + size, cy), (cx, cy + size), (cx - size, cy)],
            outline=ink,
            width=5,
        )
    draw.line((cx - 230, cy, cx + 230, cy), fill=ink, width=3)
    draw.line((cx, cy - 230, cx, cy + 230), fill=ink, width=3)


ORNAMENTS = (_horns, _rosette, _zigzag, _diamonds)


def _image(title: str, seed: int, *, size: tuple[int, int] = (900, 640)) -> Image:
    """A sepia picture with an ornament, drawn once and kept by title. No lettering: a
    card crops the picture to 16:9 and a reader of any language sees it."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - demo pictures, not secrets
    width, height = size
    base = (rng.randint(200, 235), rng.randint(180, 210), rng.randint(140, 170))
    picture = PILImage.new("RGB", size, base)
    draw = ImageDraw.Draw(picture)
    for _ in range(1400):
        x, y = rng.randrange(width), rng.randrange(height)
        shade = rng.randint(-25, 10)
        draw.point((x, y), fill=tuple(max(0, min(255, c + shade)) for c in base))
    ink = (95, 60, 30)
    ORNAMENTS[seed % len(ORNAMENTS)](draw, width // 2, height // 2, ink)
    draw.rectangle((20, 20, width - 20, height - 20), outline=ink, width=4)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"catalog-demo-{seed}.jpg")
    )


def _large_image(title: str, seed: int, inscription: str, label: list[str]) -> Image:
    """A picture of real size to zoom into, kept by title."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    path = large_picture(seed, inscription, label)
    with path.open("rb") as file:
        return Image.objects.create(
            title=title, file=ImageFile(file, name=f"catalog-demo-large-{seed}.jpg")
        )


def _keyed(model: type, rows: list[dict], key: str, links: dict) -> dict[str, Any]:
    """Create or update one object per row; `links` resolve names to related objects."""
    found: dict[str, Any] = {}
    for row in rows:
        fields = dict(row)
        for name, lookup in links.items():
            if name in fields:
                fields[name] = lookup(fields[name], found)
        found[row[key]], _ = model.objects.update_or_create(
            **{key: fields.pop(key)}, defaults=fields
        )
    return found


def _authorities(data: dict[str, list[dict]]) -> Authorities:
    institutions = {i.slug: i for i in Institution.objects.all()}
    persons = _keyed(Person, data["persons"], "name_kk", {})
    return {
        "persons": persons,
        "organisations": _keyed(
            Organisation,
            data["organisations"],
            "name_kk",
            {
                "named_after": lambda name, _found: persons[name],
                "institution": lambda slug, _found: institutions[slug],
            },
        ),
        "places": _keyed(Place, data["places"], "name_kk", {}),
        "subjects": _keyed(
            Subject, data["subjects"], "name_kk", {"broader": lambda n, f: f[n]}
        ),
        "collections": _keyed(
            Collection,
            # Covers are drawn after the records (see load).
            [
                {k: v for k, v in row.items() if k != "cover_image"}
                for row in data["collections"]
            ],
            "slug",
            {"parent": lambda slug, found: found[slug]},
        ),
    }


def _local_data(
    item: ImportItem, record: etree._Element, institution: str, a: Authorities
) -> ImportItem:
    """The item with its local field 987 as catalogue values (see the module docstring)."""
    extra: dict[str, Any] = {}
    statuses = []
    for field in record.iterfind(f"{{{MARC_NS}}}datafield[@tag='{LOCAL_FIELD}']"):
        name, *values = (subfield.text or "" for subfield in field)
        if name == "parent":
            extra["parent"] = Resource.objects.get(
                institution__slug=institution, source_id=values[0]
            )
        elif name == "collection":
            extra.setdefault("collections", []).append(a["collections"][values[0]])
        elif name == "agent":
            role, agent = values
            found = a["persons"].get(agent) or a["organisations"][agent]
            extra.setdefault("agents", []).append((role, found))
        elif name == "place":
            role, place = values
            extra.setdefault("places", []).append((role, a["places"][place]))
        elif name == "holding-status":
            statuses.append(values[0])
        elif name == "image":
            title, seed, caption = values
            image = _image(title, int(seed))
            extra.setdefault("files", []).append({"image": image, "caption": caption})
        elif name == "large-image":
            title, seed, caption, inscription, label = values
            image = _large_image(title, int(seed), inscription, label.split(" / "))
            extra.setdefault("files", []).append({"image": image, "caption": caption})
        else:
            extra[name] = values[0]
    if statuses:
        extra["holdings"] = [
            {**holding, "status": status}
            for holding, status in zip(item.holdings, statuses, strict=True)
        ]
    item.extra = extra
    return item


def _records() -> Iterator[tuple[str, ImportItem, etree._Element]]:
    """(institution slug, item, parsed record) in the file's order."""
    path = demo_file("catalog", "records.xml")
    for item in read_marcxml(path):
        if isinstance(item, RecordProblem):
            raise ValueError(f"{path}: {item.position}: {item.reason}")
        record = etree.fromstring(item.original_record)
        institution = record.findtext(
            f"{{{MARC_NS}}}datafield[@tag='040']/{{{MARC_NS}}}subfield[@code='a']"
        )
        yield institution, item, record


def load(*, stdout: TextIO) -> None:
    data = demo_data("catalog", "authorities.yaml")
    authorities = _authorities(data)
    institutions = {i.slug: i for i in Institution.objects.all()}
    created = total = 0
    # One import per run of records of one institution and kind, so records are
    # created in the file's order; items are completed lazily, so an archival level
    # finds its parent (of another kind: an import before) in the catalogue.
    for (slug, _kind), group in groupby(
        _records(), key=lambda row: (row[0], row[1].kind)
    ):
        report = records_import(
            institution=institutions[slug],
            items=(
                _local_data(item, record, slug, authorities)
                for _, item, record in group
            ),
            batch_seconds=math.inf,
        )
        if report.skipped:
            raise ValueError(f"demo records not imported: {report.skipped}")
        created += report.created
        total += report.created + report.updated + report.unchanged
    for row in data["collections"]:
        if image := row.get("cover_image"):
            collection = authorities["collections"][row["slug"]]
            collection.cover_image = _image(image["title"], image["seed"])
            collection.save(update_fields=["cover_image"])
    stdout.write(
        f"  {total} catalogue records ({created} new), {len(authorities['persons'])} persons"
    )
