"""What a reader finds on a record and an authority page: downloads, how to see the
original, the rights of its pictures, a generated cover, and the authority's links."""

import io

import pytest
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from mura.catalog import display
from mura.catalog.choices import AgentRole, Kind, Rights
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import (
    PersonFactory,
    ResourceFactory,
    SubjectFactory,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Covers are stored in a temporary media folder."""
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def author():
    return PersonFactory(
        name_kk="Әуезов, Мұхтар",
        life_dates="1897–1961",
        note="Жазушы, драматург, ғалым.",
        viaf_id="12345678",
        wikidata_id="Q1234567",
    )


@pytest.fixture
def book(institution, author):
    institution.email = "oqu-zaly@example.kz"
    institution.save()
    return ResourceFactory(
        institution=institution,
        title="Абай жолы",
        date_text="1988",
        publisher="Жазушы",
        publication_place="Алматы",
        edition="2-бас.",
        agents=[(AgentRole.AUTHOR, author)],
    )


def test_a_record_offers_its_downloads_and_says_how_to_see_it(client, book):
    page = client.get(book.get_absolute_url()).content.decode()
    for extension in ("ris", "bib", "xml", "mrc"):
        assert f'href="/records/{book.public_id}.{extension}"' in page
    assert "Қалай көруге болады" in page
    assert 'href="mailto:oqu-zaly@example.kz?subject=' in page
    page_ru = client.get(f"/ru/catalog/items/{book.public_id}/").content.decode()
    assert "Как увидеть" in page_ru
    assert "Запросить по электронной почте" in page_ru


def test_a_record_without_a_picture_gets_a_cached_generated_cover(client, book):
    page = client.get(book.get_absolute_url()).content.decode()
    assert 'class="record__cover"' in page
    cover = client.get(f"/catalog/items/{book.public_id}/cover.png")
    assert cover["Content-Type"] == "image/png"
    picture = PILImage.open(io.BytesIO(cover.content))
    assert picture.size == (360, 480)
    # Drawn once: the second answer is the stored file, byte for byte.
    assert client.get(f"/catalog/items/{book.public_id}/cover.png").content == (
        cover.content
    )


def test_cards_tell_editions_apart_by_edition_place_and_publisher(
    client, institution, book
):
    ResourceFactory(
        institution=institution,
        title="Абай жолы",
        date_text="1988",
        publisher="Өнер",
        publication_place="Алматы",
    )
    page = client.get("/catalog/").content.decode()
    assert "2-бас. Алматы : Жазушы" in page
    assert "Алматы : Өнер" in page


def test_pictures_carry_their_rights_statement(client, institution):
    photo = ResourceFactory(institution=institution, kind=Kind.PHOTO, title="Сурет")
    image = Image.objects.create(title="Сурет", file=get_test_image_file())
    DigitalFile.objects.create(resource=photo, image=image, rights=Rights.CC_BY)
    page = client.get(photo.get_absolute_url()).content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in page
    assert 'class="record__cover"' not in page


def test_the_citation_gives_the_year_once_when_the_title_has_it(institution):
    letter = ResourceFactory(
        institution=institution,
        kind=Kind.ARCHIVAL_ITEM,
        title="Хат, 1942 ж.",
        date_text="1942",
    )
    url = "https://mura.example/x"
    assert display.cite_gost(letter, url).count("1942") == 1
    assert display.cite_plain(letter, url).count("1942") == 1


def test_an_authority_shows_its_biography_identifiers_and_ordered_records(
    client, institution, author
):
    for year in ("1961", "1942", "1977"):
        ResourceFactory(
            institution=institution,
            title=f"Шығармалар {year}",
            date_text=year,
            agents=[(AgentRole.AUTHOR, author)],
        )
    ResourceFactory(
        institution=institution,
        title="Жинақ 2001",
        date_text="2001",
        agents=[(AgentRole.EDITOR, author)],
    )
    page = client.get(author.get_absolute_url()).content.decode()
    assert "Жазушы, драматург, ғалым." in page
    assert 'href="https://viaf.org/viaf/12345678/"' in page
    assert 'href="https://www.wikidata.org/wiki/Q1234567"' in page
    # By relevance: the author's own works, newest first, then what they edited.
    order = [
        page.index(title)
        for title in ("Шығармалар 1977", "Шығармалар 1961", "Шығармалар 1942")
    ]
    assert order == sorted(order) and order[-1] < page.index("Жинақ 2001")
    assert '<option value="relevance" selected>' in page
    newest = client.get(author.get_absolute_url(), {"sort": "-date"}).content.decode()
    assert newest.index("Жинақ 2001") < newest.index("Шығармалар 1977")
    oldest = client.get(author.get_absolute_url(), {"sort": "date"}).content.decode()
    assert oldest.index("Шығармалар 1942") < oldest.index("Шығармалар 1961")
    odd = client.get(author.get_absolute_url(), {"sort": "nonsense"})
    assert odd.status_code == 200


def test_a_subject_lists_its_records_newest_first(client, institution):
    subject = SubjectFactory(name_kk="Өлкетану")
    for year in ("1930", "1995", "1960"):
        ResourceFactory(
            institution=institution,
            title=f"Өлке {year}",
            date_text=year,
            subjects=[subject],
        )
    page = client.get(subject.get_absolute_url()).content.decode()
    assert 'value="relevance"' not in page
    order = [page.index(f"Өлке {year}") for year in ("1995", "1960", "1930")]
    assert order == sorted(order)
