"""An archival record read in Kazakh and Russian: shelfmark and extent in the reader's
own abbreviations, whichever the record was typed with."""

import pytest

from mura.catalog.archival import extent, shelfmark
from mura.catalog.choices import Kind
from mura.catalog.tests.factories import ResourceFactory


@pytest.mark.parametrize(
    ("code", "kk", "ru"),
    [
        (
            "ҚОММ Ф. 845. Оп. 2. Д. 2",
            "ҚОММ Қ. 845. Т. 2. І. 2",
            "ҚОММ Ф. 845. Оп. 2. Д. 2",
        ),
        (
            "ҚОММ Қ. 1. Т. 1. І. 1. П. 1–4",
            "ҚОММ Қ. 1. Т. 1. І. 1. П. 1–4",
            "ҚОММ Ф. 1. Оп. 1. Д. 1. Л. 1–4",
        ),
        ("Ф. 5", "Қ. 5", "Ф. 5"),
        ("ЦГА РК, инв. 17", "ЦГА РК, инв. 17", "ЦГА РК, инв. 17"),
    ],
)
def test_shelfmark_in_each_language(code, kk, ru):
    assert (shelfmark(code, "kk"), shelfmark(code, "ru")) == (kk, ru)


def test_extent_in_sheets():
    assert [extent("4 п.", "ru"), extent("12 л.", "kk"), extent("2 қорап", "ru")] == [
        "4 л.",
        "12 п.",
        "2 қорап",
    ]


def test_archival_record_page_speaks_the_readers_language(client, institution):
    record = ResourceFactory(
        institution=institution,
        kind=Kind.FILE,
        title="Хаттамалар, 1956 ж.",
        reference_code="ҚОММ Ф. 845. Оп. 2. Д. 2",
        extent="12 п.",
    )
    kk = client.get(record.get_absolute_url()).content.decode()
    ru = client.get("/ru" + record.get_absolute_url()).content.decode()
    assert "ҚОММ Қ. 845. Т. 2. І. 2" in kk and "Оп." not in kk
    assert "12 п." in kk
    assert "ҚОММ Ф. 845. Оп. 2. Д. 2" in ru and "12 л." in ru and "12 п." not in ru
