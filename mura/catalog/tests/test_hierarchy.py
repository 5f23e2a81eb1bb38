"""An archival fonds is navigated fonds → series → file → item, with breadcrumbs back up."""

import pytest
from django.core.exceptions import ValidationError

from mura.catalog.choices import Access, Kind
from mura.catalog.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fonds(institution):
    fonds = ResourceFactory(
        institution=institution,
        kind=Kind.FONDS,
        title="Облыстық атқару комитеті",
        reference_code="ҚОММ Ф. 1",
    )
    series = ResourceFactory(
        institution=institution,
        kind=Kind.SERIES,
        parent=fonds,
        title="Хаттамалар",
        reference_code="ҚОММ Ф. 1. Оп. 1",
    )
    file = ResourceFactory(
        institution=institution,
        kind=Kind.FILE,
        parent=series,
        title="Отырыс хаттамасы, 1956 ж.",
        reference_code="ҚОММ Ф. 1. Оп. 1. Д. 5",
        sequence=5,
    )
    ResourceFactory(
        institution=institution,
        kind=Kind.FILE,
        parent=series,
        title="Жабық іс",
        reference_code="ҚОММ Ф. 1. Оп. 1. Д. 6",
        access=Access.ON_SITE,
    )
    item = ResourceFactory(
        institution=institution,
        kind=Kind.ARCHIVAL_ITEM,
        parent=file,
        title="Хаттама №1",
        reference_code="ҚОММ Ф. 1. Оп. 1. Д. 5. П. 1–4",
    )
    return {"fonds": fonds, "series": series, "file": file, "item": item}


def test_each_level_lists_its_public_children(client, fonds):
    page = client.get(fonds["fonds"].get_absolute_url()).content.decode()
    assert "ҚОММ Қ. 1. Т. 1" in page and fonds["series"].get_absolute_url() in page
    series_page = client.get(fonds["series"].get_absolute_url()).content.decode()
    assert fonds["file"].get_absolute_url() in series_page
    assert "Жабық іс" not in series_page, "on-site files are not listed to the public"


def test_item_page_has_breadcrumbs_up_the_hierarchy(client, fonds):
    page = client.get(fonds["item"].get_absolute_url()).content.decode()
    breadcrumbs = page[
        page.index('class="breadcrumbs"') : page.index(
            "</nav>", page.index('class="breadcrumbs"')
        )
    ]
    positions = [
        breadcrumbs.index(fonds[level].get_absolute_url())
        for level in ("fonds", "series", "file")
    ]
    assert positions == sorted(positions)
    assert (
        '"ArchiveComponent"' in page
        and f'"isPartOf": "http://testserver{fonds["file"].get_absolute_url()}"' in page
    )


def test_levels_must_nest_in_order(institution, other_institution, fonds):
    with pytest.raises(ValidationError) as error:
        ResourceFactory(
            institution=institution,
            kind=Kind.ARCHIVAL_ITEM,
            parent=fonds["fonds"],
            title="Қате",
        )
    assert "parent" in error.value.message_dict
    with pytest.raises(ValidationError):
        ResourceFactory(
            institution=other_institution,
            kind=Kind.SERIES,
            parent=fonds["fonds"],
            title="Бөтен",
        )
    with pytest.raises(ValidationError):
        ResourceFactory(
            institution=institution, kind=Kind.BOOK, parent=fonds["file"], title="Кітап"
        )
