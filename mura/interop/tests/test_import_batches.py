import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from mura.catalog.models import Kind, Resource, Subject
from mura.catalog.tests.conftest import make_cataloguer
from mura.interop.marc.readers import read_iso2709
from mura.interop.records import ImportItem, Position, RecordProblem
from mura.interop.services import records_import
from mura.search.models import SearchDocument
from mura.search.services import index_rebuild


def book(number: int) -> ImportItem:
    return ImportItem(
        position=Position(number=number, line=number + 1),
        kind=Kind.BOOK,
        source_id=f"b{number}",
        fields={"title": f"Кітап {number}"},
        original_format="csv",
        original_record=f"record {number}",
        subjects=[f"Тақырып {number}"],
    )


class PowerCut(Exception):
    """The import's process dies half-way through the file."""


def books_then_power_cut(count: int):
    yield from (book(number) for number in range(1, count + 1))
    raise PowerCut


def indexed_books() -> list[str]:
    return sorted(
        SearchDocument.objects.filter(kind=Kind.BOOK).values_list("title", flat=True)
    )


def test_an_interrupted_import_keeps_the_batches_it_committed_with_their_index(
    institution,
):
    """Batches are committed as the import goes (SQLite's lock is held for one batch,
    not the whole file); what is committed is searchable, the batch that was cut is
    not there at all."""
    with pytest.raises(PowerCut):
        records_import(
            institution=institution,
            items=books_then_power_cut(5),
            batch_records=2,
            batch_seconds=60,
        )
    assert sorted(Resource.objects.values_list("title", flat=True)) == [
        "Кітап 1",
        "Кітап 2",
        "Кітап 3",
        "Кітап 4",
    ]
    assert indexed_books() == ["Кітап 1", "Кітап 2", "Кітап 3", "Кітап 4"]
    assert Subject.objects.count() == 4


def test_a_bad_record_between_batches_is_reported_with_its_position(institution):
    items = [
        book(1),
        book(2),
        RecordProblem(Position(number=3, line=4), "the title is empty"),
        book(4),
        book(5),
    ]
    report = records_import(institution=institution, items=items, batch_records=2)
    assert report.created == 4
    assert [(position.line, reason) for position, reason in report.skipped] == [
        (4, "the title is empty")
    ]
    assert len(indexed_books()) == 4


def test_a_dry_run_in_batches_counts_every_record_and_writes_nothing(institution):
    items = [book(number) for number in range(1, 6)]
    items.insert(2, RecordProblem(Position(number=9, line=10), "the title is empty"))
    report = records_import(
        institution=institution, items=items, dry_run=True, batch_records=2
    )
    assert (report.created, len(report.skipped)) == (5, 1)
    assert Resource.objects.count() == 0
    assert Subject.objects.count() == 0
    assert SearchDocument.objects.count() == 0


def test_extra_data_from_the_caller_replaces_what_was_mapped(institution):
    """A caller gives what the format cannot carry (a parent, a field, links) as
    catalogue values; they win over the mapped fields and authorities."""
    fonds, series = book(1), book(2)
    fonds.kind, series.kind = Kind.FONDS, Kind.SERIES
    records_import(institution=institution, items=[fonds])
    series.extra = {
        "parent": Resource.objects.get(source_id="b1"),
        "sequence": 2,
        "reference_code": "Ф. 1. Оп. 2",
        "subjects": [],
    }
    report = records_import(institution=institution, items=[series])
    record = Resource.objects.get(source_id="b2")
    assert report.created == 1
    assert (record.parent.source_id, record.sequence) == ("b1", 2)
    assert (record.title, record.reference_code) == ("Кітап 2", "Ф. 1. Оп. 2")
    assert not record.subjects.exists()


def _documents() -> list[tuple]:
    columns = ["object_id", "title", "creators", "body", "identifiers", "url"]
    columns += ["group_key", "facet_values", "is_public", "year", "language"]
    return sorted(SearchDocument.objects.values_list(*columns))


def test_documents_written_as_records_are_stored_are_those_a_rebuild_writes(
    institution, testdata
):
    """The search documents of a MARC file's new records, written from the records
    in memory, hold what `mura reindex` reads back for them from the database; a
    re-import of the unchanged file leaves them as they are."""
    path = testdata / "marc/rusmarc-loge/TEST1.ISO"
    report = records_import(
        institution=institution,
        items=read_iso2709(path, flavour="rusmarc", lazy=True),
    )
    assert report.created > 50
    imported = _documents()
    assert len(imported) >= report.created
    index_rebuild()
    assert _documents() == imported
    again = records_import(
        institution=institution,
        items=read_iso2709(path, flavour="rusmarc", lazy=True),
    )
    assert again.unchanged == report.created
    assert _documents() == imported


def test_an_imported_record_starts_its_history_with_what_an_admin_save_stores(
    institution, testdata
):
    """The first revision of a record stored with its batch holds what Wagtail's
    ``save_revision`` stores for it (the history compares revisions), its links,
    copies and subjects included."""
    path = testdata / "marc/rusmarc-loge/TEST1.ISO"
    records_import(
        institution=institution,
        items=read_iso2709(path, flavour="rusmarc", lazy=True),
    )
    records = Resource.objects.filter(institution=institution).order_by("pk")
    assert records.count() > 50
    for record in records.select_related("latest_revision"):
        stored = json.loads(
            json.dumps(record.serializable_data(), cls=DjangoJSONEncoder)
        )
        content = record.latest_revision.content
        # Stored before the revision existed; "updated" is the moment of each save.
        stored["latest_revision"] = None
        assert content["updated_at"] >= stored["created_at"]
        assert content == {**stored, "updated_at": content["updated_at"]}
    assert any(record.latest_revision.content["agents"] for record in records)
    assert any(record.latest_revision.content["subjects"] for record in records)


def test_the_admin_chooser_finds_the_authorities_an_import_created(client, institution):
    """An import's new subjects are stored without a save each and indexed with their
    batch: a cataloguer's subject chooser finds them as it finds one added by hand."""
    records_import(
        institution=institution, items=[book(number) for number in range(1, 4)]
    )
    client.force_login(make_cataloguer(institution, "importer"))
    results = client.get(
        "/admin/snippets/choose/catalog/subject/results/", {"q": "Тақырып"}
    ).content.decode()
    assert all(f"Тақырып {number}" in results for number in range(1, 4))
