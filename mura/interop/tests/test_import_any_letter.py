"""An import takes words of any letter: a one-letter word outside Kazakh and Russian
once aborted the whole file in indexing, after the dry run had called it fine."""

import csv
import io

from django.core.management import call_command
from pymarc import Field, Record, Subfield

from mura.catalog.models import Resource
from mura.search.models import SearchDocument

# Letters the search's analysis once reduced to nothing, and folds that change length.
WORDS = ("ø", "ß", "æ", "ł", "þ", "ь", "ʼ", "İ", "ﬁ", "Ｆ")


def run_import(institution, path, fmt, **options):
    out = io.StringIO()
    call_command(
        "import",
        str(path),
        format=fmt,
        institution=institution.slug,
        language="en",
        stdout=out,
        **options,
    )
    return out.getvalue()


def marc21(path):
    with path.open("wb") as handle:
        for number, word in enumerate(WORDS):
            record = Record(force_utf8=True)
            record.leader = record.leader[:9] + "a" + record.leader[10:]
            record.add_field(Field(tag="001", data=f"any-{number}"))
            record.add_field(
                Field(
                    tag="245",
                    indicators=["0", "0"],
                    subfields=[Subfield("a", f"Кітап {word} туралы")],
                )
            )
            handle.write(record.as_marc())
    return path


def csv_file(path):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "kind", "author"])
        for number, word in enumerate(WORDS):
            writer.writerow([f"any-{number}", f"Кітап {word} туралы", "book", word])
    return path


def assert_imported_and_found(client, institution, dry_report, report):
    titles = {f"Кітап {word} туралы" for word in WORDS}
    assert "skipped:" not in dry_report + report
    assert (
        set(
            Resource.objects.filter(institution=institution).values_list(
                "title", flat=True
            )
        )
        == titles
    )
    assert SearchDocument.objects.filter(title__in=titles).count() == len(WORDS)
    for word in ("ø", "ß", "þ", "ь"):
        found = client.get("/api/v1/search", {"q": word}).json()["results"]
        assert f"Кітап {word} туралы" in [r["title"] for r in found], word


def test_a_marc_file_with_any_letter_imports_whole(client, institution, tmp_path):
    path = marc21(tmp_path / "any.mrc")

    dry_report = run_import(institution, path, "marc21", dry_run=True)
    assert not Resource.objects.exists()
    report = run_import(institution, path, "marc21")

    assert_imported_and_found(client, institution, dry_report, report)


def test_a_csv_file_with_any_letter_imports_whole(client, institution, tmp_path):
    path = csv_file(tmp_path / "any.csv")

    dry_report = run_import(institution, path, "csv", dry_run=True)
    assert not Resource.objects.exists()
    report = run_import(institution, path, "csv")

    assert_imported_and_found(client, institution, dry_report, report)
