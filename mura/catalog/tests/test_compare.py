"""The comparison page: two records' pictures side by side, and which records it offers
for the second place."""

import pytest

from mura.catalog.choices import Access
from mura.exhibitions.tests.factories import MuseumObjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def textiles(institution):
    return [
        MuseumObjectFactory(
            institution=institution, title=title, object_category=category
        )
        for title, category in (
            ("Сырмақ", "Тоқыма бұйым"),
            ("Ыдыс", "Ыдыс"),
            ("Тұскиіз", "Тоқыма бұйым"),
        )
    ]


def _titles(html: str, selector: str) -> list[str]:
    part = html.split(selector, 1)[1]
    return [chunk.split("<", 1)[0].split(",")[0] for chunk in part.split("<span>")[1:]]


def test_two_records_side_by_side_with_others_to_choose(client, textiles):
    syrmak, vessel, tuskiiz = textiles
    html = client.get(
        f"/catalog/compare/?a={syrmak.public_id}&b={tuskiiz.public_id}"
    ).content.decode()
    assert html.count('class="compare__figure"') == 2
    assert html.index(syrmak.title) < html.index("Тұскиіз</a>")
    # The same holder's pictured records, the same kind of object first.
    assert _titles(html, 'class="compare__list"') == ["Тұскиіз", "Ыдыс"]
    assert 'aria-current="true"' in html


def test_an_exhibition_offers_its_own_records(client, textiles, institution):
    syrmak, vessel, tuskiiz = textiles
    MuseumObjectFactory(institution=institution, title="Домбыра")
    html = client.get(
        f"/ru/catalog/compare/?a={syrmak.public_id}&with={vessel.public_id},{syrmak.public_id}"
    ).content.decode()
    assert "Выберите второй объект ниже." in html
    assert _titles(html, 'class="compare__list"') == ["Ыдыс"]
    assert f"&amp;with={vessel.public_id}%2C{syrmak.public_id}" in html


def test_only_public_pictured_records_are_compared(client, textiles, institution):
    syrmak = textiles[0]
    closed = MuseumObjectFactory(institution=institution, access=Access.STAFF)
    assert client.get("/catalog/compare/?a=nothing").status_code == 404
    assert client.get(f"/catalog/compare/?a={closed.public_id}").status_code == 404
    html = client.get(
        f"/catalog/compare/?a={syrmak.public_id}&b={closed.public_id}"
    ).content.decode()
    assert html.count('class="compare__figure"') == 1
    assert closed.title not in html
