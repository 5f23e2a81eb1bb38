"""An import of a whole file as an ImportRun, committed batch by batch with its
position, so it can be followed, interrupted and resumed. `mura import` and the
admin's background task both run files through `import_run_execute`."""

import hashlib
import uuid
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path, PurePath
from typing import BinaryIO

from django.contrib.auth.models import AbstractBaseUser
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import get_valid_filename

from mura.institutions.models import Institution
from mura.interop.csv_format import read_csv
from mura.interop.marc.iso2709 import count_records
from mura.interop.marc.readers import read_iso2709, read_marcxml
from mura.interop.models import ImportRun
from mura.interop.records import ImportItem, PendingRecord, Position, RecordProblem
from mura.interop.services import ImportReport, records_import
from mura.portal.storage import IMPORTS_FOLDER, stored_file_path

FORMATS = ("marc21", "unimarc", "rusmarc", "marcxml", "csv")
FINGERPRINT_BYTES = 1 << 20

Progress = Callable[[ImportRun], None]


def file_fingerprint(path: Path) -> str:
    """The file's size and a digest of its first megabyte: the same file again."""
    with path.open("rb") as stream:
        return stream_fingerprint(stream, size=path.stat().st_size)


def stream_fingerprint(stream: BinaryIO, *, size: int) -> str:
    stream.seek(0)
    digest = hashlib.sha1(stream.read(FINGERPRINT_BYTES), usedforsecurity=False)
    stream.seek(0)
    return f"{size}:{digest.hexdigest()}"


def import_run_create(
    *,
    institution: Institution,
    path: Path,
    format: str,
    encoding: str = "auto",
    user: AbstractBaseUser | None = None,
    file_name: str = "",
) -> ImportRun:
    return ImportRun.objects.create(
        institution=institution,
        user=user,
        path=str(path),
        file_name=(file_name or path.name)[:300],
        file_fingerprint=file_fingerprint(path),
        format=format,
        encoding=encoding,
    )


def import_run_upload(
    *,
    institution: Institution,
    upload: File,
    format: str,
    encoding: str = "auto",
    user: AbstractBaseUser | None = None,
) -> ImportRun:
    """A run of a file uploaded through the admin: the file goes to the default storage,
    which every server shares, so whichever server's task worker takes the import can
    read it; it is not served (``PRIVATE_FOLDERS``) and is deleted when the import
    ends."""
    name = get_valid_filename(PurePath(upload.name).name)[:200] or "records"
    fingerprint = stream_fingerprint(upload, size=upload.size)
    stored = default_storage.save(f"{IMPORTS_FOLDER}{uuid.uuid4().hex}-{name}", upload)
    return ImportRun.objects.create(
        institution=institution,
        user=user,
        path=stored,
        stored=True,
        file_name=upload.name[:300],
        file_fingerprint=fingerprint,
        format=format,
        encoding=encoding,
    )


def import_run_to_resume(
    *, institution: Institution, path: Path, format: str
) -> ImportRun | None:
    """The last import of this same file that did not finish, if any."""
    return (
        ImportRun.objects.filter(
            institution=institution,
            file_fingerprint=file_fingerprint(path),
            format=format,
        )
        .exclude(status=ImportRun.Status.DONE)
        .order_by("-started_at", "-pk")
        .first()
    )


def import_run_execute(
    *, run: ImportRun, progress: Progress | None = None
) -> ImportReport:
    """Import the run's file from where it stopped (its ``position``), recording the
    position and the report with every committed batch. An interruption (Ctrl+C, a
    stopped worker) keeps what was committed; the run is then ``interrupted``. An
    uploaded file is read from the shared storage (downloaded in parts when it is in
    S3) and deleted once the import has finished or failed."""
    if not run.stored:
        return _execute(run=run, path=Path(run.path), progress=progress)
    try:
        with stored_file_path(run.path) as path:
            report = _execute(run=run, path=path, progress=progress)
    except Exception:
        default_storage.delete(run.path)
        raise
    default_storage.delete(run.path)
    return report


def _execute(*, run: ImportRun, path: Path, progress: Progress | None) -> ImportReport:
    if run.total is None and run.format != "csv":
        run.total = _count(path, run.format)
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["total", "status"])
    report = _report_of(run)

    def committed(report: ImportReport) -> None:
        _record(run, report)
        if progress is not None:
            progress(run)

    try:
        records_import(
            institution=run.institution,
            items=_items(run, path, skip=run.position),
            user=run.user,
            report=report,
            on_batch=committed,
        )
    except BaseException as error:
        run.refresh_from_db()
        run.status = (
            ImportRun.Status.INTERRUPTED
            if isinstance(error, KeyboardInterrupt | SystemExit)
            else ImportRun.Status.FAILED
        )
        run.error = str(error)[:2000]
        run.save(update_fields=["status", "error"])
        raise
    run.status = ImportRun.Status.DONE
    run.finished_at = timezone.now()
    run.total = run.position
    run.save(update_fields=["status", "finished_at", "total"])
    return report


def _count(path: Path, format: str) -> int:
    with path.open("rb") as stream:
        if format == "marcxml":
            return (
                sum(
                    block.count(b"record>")
                    for block in iter(lambda: stream.read(1 << 20), b"")
                )
                // 2
            )
        return count_records(stream)


def _items(
    run: ImportRun, path: Path, *, skip: int
) -> Iterator[ImportItem | PendingRecord | RecordProblem]:
    if run.format == "csv":
        return islice(read_csv(path), skip, None)
    if run.format == "marcxml":
        return islice(read_marcxml(path), skip, None)
    return read_iso2709(
        path, flavour=run.format, encoding=run.encoding, skip=skip, lazy=True
    )


def _record(run: ImportRun, report: ImportReport) -> None:
    """The report so far into the run, in the batch's transaction."""
    run.position = report.records
    for name in ("created", "updated", "unchanged", "deleted"):
        setattr(run, name, getattr(report, name))
    run.problems = [
        [kind, position.number, position.offset, position.line, str(message)]
        for kind, pairs in (("warning", report.warnings), ("skipped", report.skipped))
        for position, message in pairs
    ]
    run.save(
        update_fields=[
            "position",
            "created",
            "updated",
            "unchanged",
            "deleted",
            "problems",
        ]
    )


def _report_of(run: ImportRun) -> ImportReport:
    """The report of what the run has done so far (nothing for a new run)."""
    report = ImportReport(
        created=run.created,
        updated=run.updated,
        unchanged=run.unchanged,
        deleted=run.deleted,
        records=run.position,
    )
    for kind, number, offset, line, message in run.problems:
        pair = (Position(number=number, offset=offset, line=line), message)
        (report.skipped if kind == "skipped" else report.warnings).append(pair)
    return report
