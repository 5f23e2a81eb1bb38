import io
import re

import pytest

from mura.catalog.choices import Kind
from mura.catalog.models import Resource
from mura.catalog.tests.factories import PersonFactory, ResourceFactory
from mura.conftest import load_demo
from mura.exhibitions import demo
from mura.exhibitions.models import (
    ArtifactStoryPage,
    ExhibitionIndexPage,
    ExhibitionPage,
)
from mura.exhibitions.tests.factories import MuseumObjectFactory
from mura.institutions.models import Institution


@pytest.fixture
def catalogue(db):
    """The few records of the catalogue demo that the exhibitions demo is built from, and
    the events demo (the travelling exhibition's openings)."""
    load_demo("institutions", "portal", "events")
    library = Institution.objects.get(slug="tazhibaev-library")
    museum = Institution.objects.get(slug="kyzylorda-museum")
    for number in range(3):
        ResourceFactory(
            institution=library,
            source_id=f"gift-2019-{number}",
            title=f"Сыйлық кітап {number}",
        )
    for source_id in ("photo-1", "photo-2"):
        MuseumObjectFactory(
            institution=museum,
            kind=Kind.PHOTO,
            source_id=source_id,
            title=f"Фотосурет {source_id}",
        )
    MuseumObjectFactory(
        institution=museum,
        source_id="museum-2",
        title="Қобыз",
        acquisition="Сыйға тартылды, 1974",
    )
    MuseumObjectFactory(
        institution=museum, source_id="museum-17", title="Қобыз (екінші дана)"
    )
    ResourceFactory(
        institution=library,
        kind=Kind.MANUSCRIPT,
        source_id="manuscript-0",
        title="Қорқыт ата туралы аңыздар",
    )
    PersonFactory(name_kk="Қорқыт ата", name_ru="Коркыт ата")


def test_demo_builds_the_index_exhibition_and_story_once(client, catalogue):
    for _run in range(2):
        demo.load(stdout=io.StringIO())
    assert ExhibitionIndexPage.objects.count() == 3
    assert ExhibitionPage.objects.count() == 4
    assert ArtifactStoryPage.objects.count() == 2
    story = ArtifactStoryPage.objects.get(locale__language_code="kk")
    assert story.artifact == Resource.objects.get(source_id="museum-2")
    assert story.related_items.count() == 1 and story.related_people.count() == 1
    kk = client.get("/exhibitions/zhanakorgan-qobyz/").content.decode()
    assert "Қорқыттың мұрагері" in kk and "Қорқыт ата туралы аңыздар" in kk
    assert "Музейге сыйға тартылды" in kk and "демонстрациялық" in kk
    ru = client.get("/ru/exhibitions/zhanakorgan-qobyz/").content.decode()
    assert (
        "Наследник Коркыта" in ru
        and "Передан в дар музею" in ru
        and "Қорқыттың мұрагері" not in ru
    )
    gift = client.get("/ru/exhibitions/elbasy-library-gift-2019/").content.decode()
    assert "Подаренные книги" in gift and "Сыйлық кітап 2" in gift
    index_en = client.get("/en/exhibitions/")
    assert (
        index_en.status_code == 200
        and "Virtual exhibitions" in index_en.content.decode()
    )


def test_the_demo_has_a_travelling_exhibition_on_its_way(client, catalogue):
    demo.load(stdout=io.StringIO())
    travelling = client.get("/exhibitions/?show=travelling").content.decode()
    assert "Сыр бойының ою-өрнегі" in travelling
    assert "Елбасы кітапханасының сыйы" not in travelling
    page = client.get("/ru/exhibitions/syr-ornament-travelling/").content.decode()
    assert re.findall(r'route__item--(\w+)"', page) == ["been", "now", "next"]
    for city in ("Кызылорда", "Туркестан", "Павлодар"):
        assert city in page
    assert page.count('class="route__event"') == 3
