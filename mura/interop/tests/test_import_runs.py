"""Imports of whole files as runs: interrupted, resumed, re-imported."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pymarc import Field, Indicators, Leader, Record, Subfield

from mura.catalog.models import Resource
from mura.institutions.tests.factories import InstitutionFactory
from mura.interop.models import ImportRun
from mura.interop.runs import import_run_create, import_run_execute

RECORDS = 130


def marc_file(path, count: int = RECORDS):
    with path.open("wb") as out:
        for number in range(count):
            record = Record(force_utf8=True, leader=Leader("00000nam a2200000 i 4500"))
            record.add_field(Field(tag="001", data=f"run{number:05d}"))

            def add(tag, pairs, record=record):
                record.add_field(
                    Field(
                        tag=tag,
                        indicators=Indicators(" ", " "),
                        subfields=[Subfield(code, value) for code, value in pairs],
                    )
                )

            add("100", [("a", f"Автор {number % 7}")])
            add("245", [("a", f"Кітап {number} :"), ("b", "роман")])
            add("650", [("a", f"Тақырып {number % 11}")])
            add("852", [("b", "Абонемент"), ("h", f"84-{number}")])
            out.write(record.as_marc())
    return path


def catalogue(institution) -> list[tuple]:
    """What a reader sees of each record the import made."""
    return sorted(
        (
            record.source_id,
            record.title,
            record.other_title,
            tuple(link.agent.name_kk for link in record.agents.all()),
            tuple(subject.name_kk for subject in record.subjects.all()),
            tuple(holding.shelfmark for holding in record.holdings.all()),
            record.revisions.count(),
        )
        for record in Resource.objects.filter(institution=institution)
    )


class Stop:
    """Ctrl+C after the first committed batch."""

    def __init__(self) -> None:
        self.batches = 0

    def __call__(self, run: ImportRun) -> None:
        self.batches += 1
        if self.batches == 2:
            raise KeyboardInterrupt


def test_an_interrupted_and_resumed_import_gives_the_same_catalogue(
    institution, tmp_path
):
    path = marc_file(tmp_path / "books.mrc")
    run = import_run_create(institution=institution, path=path, format="marc21")
    with pytest.raises(KeyboardInterrupt):
        import_run_execute(run=run, progress=Stop())
    run.refresh_from_db()
    assert run.status == ImportRun.Status.INTERRUPTED
    assert 0 < run.position < RECORDS
    assert Resource.objects.filter(institution=institution).count() == run.position

    report = import_run_execute(run=run)
    assert (report.created, report.unchanged, report.skipped) == (RECORDS, 0, [])

    other = InstitutionFactory()
    whole = import_run_create(institution=other, path=path, format="marc21")
    import_run_execute(run=whole)
    assert catalogue(institution) == catalogue(other)
    run.refresh_from_db()
    assert (run.status, run.position, run.total) == ("done", RECORDS, RECORDS)


def test_the_command_resumes_an_interrupted_file_and_reports_the_whole(
    institution, tmp_path
):
    path = marc_file(tmp_path / "books.mrc")
    run = import_run_create(institution=institution, path=path, format="marc21")
    with pytest.raises(KeyboardInterrupt):
        import_run_execute(run=run, progress=Stop())
    out = io.StringIO()
    call_command(
        "import",
        str(path),
        format="marc21",
        institution=institution.slug,
        resume=True,
        language="en",
        stdout=out,
    )
    assert "Resuming after record 50." in out.getvalue()
    assert f"{RECORDS} records created" in out.getvalue()
    assert Resource.objects.filter(institution=institution).count() == RECORDS


def test_resume_without_an_unfinished_import_says_so(institution, tmp_path):
    path = marc_file(tmp_path / "books.mrc", count=3)
    with pytest.raises(CommandError, match="no unfinished import"):
        call_command(
            "import",
            str(path),
            format="marc21",
            institution=institution.slug,
            resume=True,
            language="en",
        )


def test_reimporting_an_unchanged_file_changes_nothing(institution, tmp_path):
    path = marc_file(tmp_path / "books.mrc", count=60)
    call_command("import", str(path), format="marc21", institution=institution.slug)
    before = catalogue(institution)
    updated = dict(Resource.objects.values_list("source_id", "updated_at"))
    out = io.StringIO()
    call_command(
        "import",
        str(path),
        format="marc21",
        institution=institution.slug,
        language="en",
        stdout=out,
    )
    assert "60 records unchanged" in out.getvalue()
    assert catalogue(institution) == before
    assert dict(Resource.objects.values_list("source_id", "updated_at")) == updated
