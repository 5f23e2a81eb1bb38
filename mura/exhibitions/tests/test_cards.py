"""An exhibition's or a story's card always has a picture: its own, the first image of
the records it shows, or a cover drawn with its title, never an empty box."""

import re
from pathlib import Path

from django.conf import settings
from PIL import Image

from mura.catalog.choices import Kind
from mura.catalog.tests.factories import ResourceFactory
from mura.exhibitions.tests.factories import (
    MuseumObjectFactory,
    make_exhibition,
    make_story,
)

CARD_IMAGES = re.compile(r'<img[^>]*class="card__image"[^>]*>')


def card_images(client) -> list[str]:
    return CARD_IMAGES.findall(client.get("/exhibitions/").content.decode())


def test_a_card_without_pictures_gets_a_drawn_cover_with_its_title(
    client, site_tree, institution
):
    exhibition = make_exhibition(
        site_tree["home"], institution=institution, title="Сыр бойының мұрасы"
    )
    text_only = ResourceFactory(institution=institution, kind=Kind.BOOK)
    make_story(site_tree["home"], institution=institution, artifact=text_only)
    images = card_images(client)
    assert len(images) == 2
    assert (
        "exhibit-card__placeholder" not in client.get("/exhibitions/").content.decode()
    )
    for tag in images:
        source = re.search(r'src="([^"]+)"', tag).group(1)
        assert source.startswith(f"{settings.MEDIA_URL}covers/pages/")
        path = Path(settings.MEDIA_ROOT) / source.removeprefix(settings.MEDIA_URL)
        with Image.open(path) as cover:
            assert cover.size == (640, 360)
            # Drawn, not blank: the title's light letters on a dark ground.
            assert len(cover.convert("RGB").getcolors(maxcolors=100_000)) > 50
    # Drawn once: the second listing links to the same stored file.
    assert card_images(client) == images
    exhibition.title = "Жаңа атау"
    exhibition.save_revision().publish()
    assert card_images(client)[0] != images[0]


def test_a_card_shows_the_first_catalogue_image_of_its_page(
    client, site_tree, institution
):
    qobyz = MuseumObjectFactory(institution=institution, title="Қобыз")
    make_exhibition(
        site_tree["home"],
        institution=institution,
        body=[{"type": "catalogue_item", "value": {"item": qobyz.pk, "comment": ""}}],
    )
    [tag] = card_images(client)
    assert "/images/" in tag and "covers/pages/" not in tag
