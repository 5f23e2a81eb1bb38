"""The picture of an exhibition's or an artifact story's card: the page's own listing
image, else the first public image of the catalogue records it shows, else a cover
drawn like a record's (title and institution in DejaVu), stored once per version."""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

from mura.catalog.covers import draw_cover
from mura.catalog.models import DigitalFile, Resource
from mura.catalog.templatetags.catalog_tags import public_image
from mura.exhibitions.blocks import public_records
from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage

CARD_SIZE = (640, 360)
VERSION = "1"  # bump to redraw every card cover after a change of design
BACKGROUNDS = {
    ExhibitionPage: (11, 79, 108),
    ArtifactStoryPage: (112, 54, 36),
}


def _first_public_image(records: list[Resource]) -> DigitalFile | None:
    return next(filter(None, map(public_image, records)), None)


def _exhibition_record_ids(page: ExhibitionPage) -> list[int]:
    """The records the exhibition's sections show, in page order."""
    ids: list[int] = []
    for block in page.body:
        if block.block_type == "catalogue_item" and block.value.get("item"):
            ids.append(block.value["item"].pk)
        elif block.block_type == "items_grid":
            ids += [item.pk for item in block.value.get("items", []) if item]
    return ids


def card_catalogue_image(
    page: ExhibitionPage | ArtifactStoryPage,
) -> DigitalFile | None:
    """The first image a reader may see among the records the page shows."""
    if isinstance(page, ArtifactStoryPage):
        artifact = page.public_artifact
        records = [artifact] if artifact else []
        records += page.public_related_items()
    else:
        records = public_records(_exhibition_record_ids(page))
    return _first_public_image(records)


def _kind_label(page: ExhibitionPage | ArtifactStoryPage) -> str:
    if isinstance(page, ArtifactStoryPage):
        return _("History of one artifact")
    return _("Virtual exhibition")


def card_cover_url(page: ExhibitionPage | ArtifactStoryPage) -> str:
    """The address of the page's drawn card cover, drawing and storing it first."""
    byline = page.institution.name if page.institution_id else ""
    footer = _kind_label(page)
    stamp = f"{page.pk}|{page.title}|{byline}|{footer}|{VERSION}"
    path = (
        f"covers/pages/{page.pk}-{hashlib.sha256(stamp.encode()).hexdigest()[:12]}.png"
    )
    if not default_storage.exists(path):
        picture = draw_cover(
            title=page.title,
            byline=byline,
            footer=footer,
            background=BACKGROUNDS.get(type(page), BACKGROUNDS[ExhibitionPage]),
            size=CARD_SIZE,
        )
        default_storage.save(path, ContentFile(picture))
    return default_storage.url(path)
