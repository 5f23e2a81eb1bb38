import io
import re

import pytest
from django.core.management import call_command

from mura.catalog.models import Kind, Person, Resource, Subject
from mura.catalog.services import resource_delete, resource_update
from mura.interop.marc.readers import read_iso2709, read_marcxml
from mura.interop.services import records_import
from mura.search.models import SearchDocument


def run_import(institution, path, fmt, **options):
    """Runs `mura import`; the report is in English unless a language is given."""
    options.setdefault("language", "en")
    out = io.StringIO()
    call_command(
        "import",
        str(path),
        format=fmt,
        institution=institution.slug,
        stdout=out,
        **options,
    )
    return out.getvalue()


def titles(institution):
    return sorted(
        Resource.objects.filter(institution=institution).values_list("title", flat=True)
    )


@pytest.mark.parametrize(
    ("path", "fmt", "count", "title"),
    [
        (
            "marc/pymarc/utf8_with_leader_flag.dat",
            "marc21",
            1,
            "Escape from loneliness",
        ),
        (
            "marc/pymarc/utf8_without_leader_flag.dat",
            "marc21",
            1,
            "Escape from loneliness",
        ),
        (
            "marc/pymarc/1251.dat",
            "marc21",
            6,
            "Основы гидравлического расчета инженерных сетей",
        ),
        ("marc/rusmarc-loge/TEST2.ISO", "rusmarc", 1, "Светильник Сибири"),
        (
            "marc/rusmarc-loge/ur.iso",
            "rusmarc",
            1,
            "ПЕДАГОГИКА И ПСИХОЛОГИЯ НЕНАСИЛИЯ В ОБРАЗОВАНИИ",
        ),
        ("marc/pymarc/batch.xml", "marcxml", 2, "The Great Ray Charles"),
    ],
)
def test_each_marc_family_imports_with_readable_titles(
    institution, testdata, path, fmt, count, title
):
    output = run_import(institution, testdata / path, fmt)
    assert Resource.objects.filter(institution=institution).count() == count
    assert title in titles(institution)
    assert "skipped:" not in output


def test_cp1251_rusmarc_maps_authors_subjects_and_keeps_the_original(
    institution, testdata
):
    run_import(institution, testdata / "marc/rusmarc-loge/TEST2.ISO", "rusmarc")
    record = Resource.objects.get(institution=institution)
    assert record.source_id == "RU\\NLR\\bibl\\64495"
    assert record.original_format == "rusmarc"
    assert "Светильник Сибири" in record.original_record
    assert record.language == "ru"
    assert record.year_from == 1999
    author = record.agents.get().person
    assert author.name_kk == "Титов, Федор Иванович"
    assert author.life_dates == "1864-1935"


def test_marc8_and_its_utf8_conversion_give_the_same_titles(
    institution, other_institution, testdata
):
    """MARC-8 diacritics decode to the same text yaz-marcdump produced."""
    run_import(institution, testdata / "marc/pymarc/marc.dat", "marc21")
    run_import(
        other_institution,
        testdata / "marc/derived/pymarc_marc.marc8-to-utf8.mrc",
        "marc21",
    )
    assert len(titles(institution)) == 20
    assert titles(institution) == titles(other_institution)


def test_cp1251_rusmarc_matches_its_utf8_conversion(institution, testdata):
    """All 81 TEST1.ISO records decode as yaz-marcdump's UTF-8 copy reads."""
    items = list(
        read_iso2709(testdata / "marc/rusmarc-loge/TEST1.ISO", flavour="rusmarc")
    )
    converted = list(
        read_marcxml(testdata / "marc/derived/rusmarc_nlr_TEST1.utf8.marcxml.xml")
    )
    assert len(items) == len(converted) == 81
    assert [item.fields["title"] for item in items] == [
        item.fields["title"] for item in converted
    ]
    assert [item.source_id for item in items] == [item.source_id for item in converted]


def test_broken_records_are_reported_with_their_position_and_the_rest_imported(
    institution, testdata
):
    output = run_import(institution, testdata / "marc/pymarc/bad_records.mrc", "marc21")
    assert "record 2 (byte 127): skipped" in output
    assert output.count("skipped:") == 6
    assert (
        Resource.objects.filter(institution=institution).count() == 1
    )  # the two good records are one
    assert "6 records skipped" in output


def test_unimarc_in_iso_5426_imports_with_non_sorting_marks_dropped(
    institution, testdata
):
    output = run_import(
        institution, testdata / "marc/pymarc/testunimarc.dat", "unimarc"
    )
    assert titles(institution) == ["L'altra faccia della spirale"]
    assert "skipped:" not in output
    assert Person.objects.filter(name_kk="Asimov, Isaac").exists()


def test_file_cut_in_the_middle_of_a_record_keeps_the_complete_ones(
    institution, testdata, tmp_path
):
    data = (testdata / "marc/pymarc/1251.dat").read_bytes()
    cut = tmp_path / "cut.dat"
    cut.write_bytes(data[: len(data) - 100])
    output = run_import(institution, cut, "marc21")
    assert Resource.objects.filter(institution=institution).count() == 5
    assert "record 6 (byte " in output and "cut short" in output


def test_reimport_updates_instead_of_duplicating(institution, testdata):
    run_import(institution, testdata / "marc/pymarc/1251.dat", "marc21")
    first = dict(Resource.objects.values_list("source_id", "public_id"))
    subjects = Subject.objects.count()
    output = run_import(institution, testdata / "marc/pymarc/1251.dat", "marc21")
    assert dict(Resource.objects.values_list("source_id", "public_id")) == first
    assert Subject.objects.count() == subjects
    assert "6 records unchanged" in output


def test_changed_record_is_updated_in_place(institution, testdata):
    items = list(read_marcxml(testdata / "marc/pymarc/utf8.xml"))
    records_import(institution=institution, items=items)
    record = Resource.objects.get(institution=institution)
    resource_update(
        resource=record,
        data={"holdings": [{"shelfmark": "78 Z-45", "location": "Оқу залы"}]},
    )
    items[0].fields["title"] = "Zen Classics, revised"
    items[0].original_record += " "
    report = records_import(institution=institution, items=items)
    assert (report.created, report.updated) == (0, 1)
    record.refresh_from_db()
    assert record.title == "Zen Classics, revised"
    assert record.revisions.count() == 3
    assert list(record.holdings.values_list("shelfmark", flat=True)) == [
        "78 Z-45"
    ]  # admin copies kept


def test_dry_run_writes_nothing(institution, testdata):
    output = run_import(
        institution, testdata / "marc/pymarc/1251.dat", "marc21", dry_run=True
    )
    assert "6 records created" in output
    assert "Dry run" in output
    assert Resource.objects.count() == 0
    assert Person.objects.count() == 0
    assert SearchDocument.objects.count() == 0


def test_imported_records_are_found_by_search(institution, testdata):
    run_import(institution, testdata / "marc/pymarc/1251.dat", "marc21")
    found = SearchDocument.objects.filter(kind__in=Kind.values).values_list(
        "title", flat=True
    )
    assert len(found) == Resource.objects.count() == 6
    assert any(t.startswith("Основы гидравлического расчета") for t in found)


def test_record_marked_deleted_in_the_source_becomes_a_tombstone(
    institution, testdata, tmp_path
):
    source = testdata / "marc/pymarc/utf8.xml"
    run_import(institution, source, "marcxml")
    text = source.read_text(encoding="utf-8")
    leader = re.search(r"<(?:marc:)?leader>(.{24})<", text).group(1)
    withdrawn = tmp_path / "withdrawn.xml"
    withdrawn.write_text(
        text.replace(leader, leader[:5] + "d" + leader[6:]), encoding="utf-8"
    )
    output = run_import(institution, withdrawn, "marcxml")
    assert "1 record deleted" in output
    assert Resource.objects.get().is_deleted


def test_deleted_record_is_not_brought_back_by_a_reimport(institution, testdata):
    run_import(institution, testdata / "marc/rusmarc-loge/TEST2.ISO", "rusmarc")
    resource_delete(resource=Resource.objects.get())
    output = run_import(
        institution, testdata / "marc/rusmarc-loge/TEST2.ISO", "rusmarc"
    )
    assert "restore it first" in output
    assert Resource.objects.get().is_deleted


def test_report_speaks_russian_and_kazakh(institution, testdata):
    russian = run_import(
        institution, testdata / "marc/pymarc/bad_records.mrc", "marc21", language="ru"
    )
    kazakh = run_import(
        institution, testdata / "marc/pymarc/bad_records.mrc", "marc21", language="kk"
    )
    assert "записей пропущено" in russian and "байт 127" in russian
    assert "жазба өткізіп жіберілді" in kazakh and "2-жазба (127-байт)" in kazakh


def test_undecodable_marc8_characters_are_a_warning_with_the_position(
    institution, testdata
):
    output = run_import(
        institution, testdata / "marc/pymarc/bad_eacc_encoding.dat", "marc21"
    )
    assert "record 1 (byte 0): warning: 4 characters could not be decoded" in output
    assert Resource.objects.count() == 1


def test_a_wrong_encoding_given_by_hand_is_reported_per_record(institution, testdata):
    output = run_import(
        institution, testdata / "marc/pymarc/1251.dat", "marc21", encoding="utf-8"
    )
    assert output.count("not valid in the utf-8 character set") == 6
    assert Resource.objects.count() == 0
    run_import(
        institution, testdata / "marc/pymarc/1251.dat", "marc21", encoding="cp1251"
    )
    assert "Основы гидравлического расчета инженерных сетей" in titles(institution)


def test_marc_kind_comes_from_the_leader(institution, testdata):
    run_import(institution, testdata / "marc/pymarc/regression45.dat", "marc21")
    assert set(Resource.objects.values_list("kind", flat=True)) == {Kind.PHOTO}
