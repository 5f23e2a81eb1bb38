"""Results read in the reader's language: names in their form, the variant that
matched beside it, and a picture where the record has one."""

import re

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from mura.catalog.models import (
    AgentRole,
    DigitalFile,
    Kind,
    Person,
    Place,
    PlaceRole,
    Subject,
)
from mura.catalog.services import resource_create
from mura.search.services import document_index


def snippets(client, prefix: str, q: str) -> list[str]:
    html = client.get(f"{prefix}/search/", {"q": q}).content.decode()
    return re.findall(r'class="search-hit__snippet"[^>]*>(.*?)</p>', html)


def creators(client, prefix: str, q: str) -> list[str]:
    html = client.get(f"{prefix}/search/", {"q": q}).content.decode()
    return re.findall(r'class="search-hit__creators">(.*?)</p>', html)


@pytest.fixture
def station(institution):
    """A photograph described with a subject and a place that has old names."""
    local_history = Subject.objects.create(
        name_kk="Өлкетану", name_ru="Краеведение", name_en="Local history"
    )
    kyzylorda = Place.objects.create(
        name_kk="Қызылорда",
        name_ru="Кызылорда",
        name_en="Kyzylorda",
        variant_names="Ақмешіт\nПеровск",
    )
    abai = Person.objects.create(
        name_kk="Абай Құнанбайұлы", name_ru="Абай Кунанбаев", name_en="Abai Qunanbaiuly"
    )
    return resource_create(
        institution=institution,
        kind=Kind.PHOTO,
        data={
            "title": "Теміржол вокзалы",
            "description": "Вокзал ғимараты, күміс-желатин баспа.",
            "language": "kk",
            "subjects": [local_history],
            "places": [(PlaceRole.DEPICTED, kyzylorda)],
            "agents": [(AgentRole.PHOTOGRAPHER, abai)],
        },
    )


@pytest.mark.django_db
def test_names_show_in_the_readers_language_with_the_variant_that_matched(
    client, station
):
    kazakh = " ".join(snippets(client, "", "Ақмешіт"))
    russian = " ".join(snippets(client, "/ru", "Ақмешіт"))
    assert "Қызылорда (<mark>Ақмешіт</mark>)" in kazakh
    assert "Өлкетану" in kazakh
    assert "Кызылорда (<mark>Ақмешіт</mark>)" in russian
    assert "Краеведение" in russian
    for snippet in (kazakh, russian):
        assert "Local history" not in snippet
        assert "Kyzylorda" not in snippet
        assert "Перовск" not in snippet  # a variant that did not match
    # Where the reader's own form matched, no other form is shown.
    russian = " ".join(snippets(client, "/ru", "Кызылорда"))
    assert "<mark>Кызылорда</mark>" in russian
    assert "Ақмешіт" not in russian and "Қызылорда" not in russian


@pytest.mark.django_db
def test_creators_in_the_readers_language(client, station):
    assert creators(client, "", "вокзалы") == ["Абай Құнанбайұлы"]
    assert creators(client, "/ru", "вокзалы") == ["Абай Кунанбаев"]
    # A form the reader did not expect is shown where it is what matched.
    assert creators(client, "", "Кунанбаев") == [
        "Абай Құнанбайұлы (Абай <mark>Кунанбаев</mark>)"
    ]


@pytest.mark.django_db
def test_a_record_with_a_picture_shows_its_thumbnail(client, station, institution):
    without = resource_create(
        institution=institution, kind=Kind.PHOTO, data={"title": "Вокзал алаңы"}
    )
    image = Image.objects.create(title="Вокзал", file=get_test_image_file())
    DigitalFile.objects.create(resource=station, image=image)
    document_index(instance=station)
    html = client.get("/ru/search/", {"q": "вокзал"}).content.decode()
    pictures = re.findall(r'<img class="search-hit__picture" src="([^"]+)"', html)
    assert pictures == [f"/catalog/items/{station.public_id}/thumbnail/"]
    assert f"/ru/catalog/items/{without.public_id}/" in html  # shown, no picture
    followed = client.get(pictures[0], follow=True)
    assert followed.status_code == 200
    assert followed["Content-Type"].startswith("image/")
    api = client.get("/api/v1/search", {"q": "вокзал"}).json()
    by_title = {result["title"]: result["thumbnail"] for result in api["results"]}
    assert by_title[without.title] is None
    assert by_title[station.title].endswith(pictures[0])
    # A record without a public picture has no thumbnail address.
    assert (
        client.get(f"/catalog/items/{without.public_id}/thumbnail/").status_code == 404
    )
