"""MARC as cataloguers' tools expect it: ISBD punctuation in step with leader/18,
ISBNs without hyphens, text in NFC, volumes of a set under the set's title."""

import unicodedata

from mura.catalog.models import Kind, Resource
from mura.catalog.services import resource_create
from mura.interop.marc.mapping import VOLUME_ONLY
from mura.interop.marc.readers import read_iso2709
from mura.interop.marc.writing import resource_to_marc21
from mura.interop.services import records_import


def exported(institution, **fields):
    resource = resource_create(
        institution=institution, kind=Kind.BOOK, data={"title": "Қара сөздер", **fields}
    )
    return resource_to_marc21(resource, url="https://example.org/r")


def test_245_and_264_carry_isbd_marks_only_before_what_follows(institution):
    record = exported(
        institution,
        other_title="өлеңдер мен поэмалар",
        responsibility="Абай Құнанбайұлы",
        publication_place="Алматы",
        publisher="Жазушы",
        date_text="1995",
        isbn="978-601-00-0000-1",
    )
    assert str(record.leader)[18] == "i"
    assert record["245"].subfields_as_dict() == {
        "a": ["Қара сөздер :"],
        "b": ["өлеңдер мен поэмалар /"],
        "c": ["Абай Құнанбайұлы"],
    }
    assert record["264"].subfields_as_dict() == {
        "a": ["Алматы :"],
        "b": ["Жазушы,"],
        "c": ["1995"],
    }
    assert record["020"]["a"] == "9786010000001"


def test_a_title_with_responsibility_only_has_one_mark(institution):
    record = exported(institution, responsibility="Абай", date_text="1909")
    assert record["245"].subfields_as_dict() == {"a": ["Қара сөздер /"], "c": ["Абай"]}
    assert record["264"].subfields_as_dict() == {"c": ["1909"]}


def test_marc8_records_are_stored_in_nfc_and_match_their_utf8_copy(
    institution, testdata
):
    """The same records from a MARC-8 file and its UTF-8 conversion are one: the
    second import finds nothing to change."""
    first = records_import(
        institution=institution,
        items=read_iso2709(testdata / "marc/pymarc/marc.dat", flavour="marc21"),
    )
    assert first.created == 20
    for title, original in Resource.objects.values_list("title", "original_record"):
        assert unicodedata.is_normalized("NFC", title)
        assert unicodedata.is_normalized("NFC", original)
    second = records_import(
        institution=institution,
        items=read_iso2709(
            testdata / "marc/derived/pymarc_marc.marc8-to-utf8.mrc", flavour="marc21"
        ),
    )
    assert (second.updated, second.unchanged) == (0, 20)


def test_rusmarc_volumes_are_titled_with_their_set(institution, testdata):
    records_import(
        institution=institution,
        items=read_iso2709(
            testdata / "marc/rusmarc-loge/TEST1.ISO", flavour="rusmarc", lazy=True
        ),
    )
    titles = list(Resource.objects.values_list("title", flat=True))
    assert len(titles) == 81
    assert [title for title in titles if VOLUME_ONLY.match(title)] == []
    assert "Задачи и этюды. Вып. 13" in titles
    assert "Туризм: история и современность. Т. 1" in titles
