"""`mura import PATH --format ... --institution SLUG [--dry-run] [--resume]`."""

import time
from pathlib import Path

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mura.interop.csv_format import HeaderError, read_csv
from mura.interop.management.base import TranslatedCommand, institution_by_slug
from mura.interop.marc.iso2709 import ENCODINGS
from mura.interop.marc.readers import read_iso2709, read_marcxml
from mura.interop.models import ImportRun
from mura.interop.runs import (
    FORMATS,
    import_run_create,
    import_run_execute,
    import_run_to_resume,
)
from mura.interop.services import ImportReport, records_import

#: Without a terminal, a progress line at most this often.
PLAIN_PROGRESS_SECONDS = 10.0


class Command(TranslatedCommand):
    help = "Import catalogue records from MARC 21, UNIMARC, RUSMARC, MARCXML or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument(
            "--institution", required=True, help="The slug of the holding institution."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would happen; write nothing.",
        )
        parser.add_argument(
            "--resume",
            action="store_true",
            help="Go on with an interrupted import of the same file after its last "
            "committed batch.",
        )
        parser.add_argument(
            "--encoding",
            choices=ENCODINGS,
            default="auto",
            help="Character set of ISO 2709 files; 'auto' decides per record "
            "(UTF-8, MARC-8 or cp1251).",
        )
        super().add_arguments(parser)  # --language

    def run(
        self,
        *,
        path: Path,
        format: str,
        institution: str,
        dry_run: bool,
        resume: bool,
        encoding: str,
        **options,
    ) -> None:
        holder = institution_by_slug(institution)
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        try:
            if dry_run:
                report = records_import(
                    institution=holder,
                    items=self._items(path, format, encoding),
                    dry_run=True,
                )
            else:
                report = self._run(holder, path, format, encoding, resume)
        except HeaderError as error:
            raise CommandError(str(error)) from error
        self._print(report)

    def _items(self, path: Path, format: str, encoding: str):
        if format == "csv":
            return read_csv(path)
        if format == "marcxml":
            return read_marcxml(path)
        return read_iso2709(path, flavour=format, encoding=encoding, lazy=True)

    def _run(
        self, holder, path: Path, format: str, encoding: str, resume: bool
    ) -> ImportReport:
        run = None
        if resume:
            run = import_run_to_resume(institution=holder, path=path, format=format)
            if run is None:
                raise CommandError(
                    _("There is no unfinished import of this file to resume.")
                )
            self.stdout.write(
                _("Resuming after record %(position)d.") % {"position": run.position}
            )
        else:
            run = import_run_create(
                institution=holder, path=path, format=format, encoding=encoding
            )
        bar = ProgressBar(self.stdout, start=run.position)
        try:
            report = import_run_execute(run=run, progress=bar.show)
        except KeyboardInterrupt:
            bar.finish()
            run.refresh_from_db()
            raise CommandError(
                _(
                    "Interrupted: %(position)d records are saved. Run the same "
                    "command with --resume to go on."
                )
                % {"position": run.position}
            ) from None
        bar.finish()
        return report

    def _print(self, report: ImportReport) -> None:
        for position, message in report.warnings:
            self.stdout.write(
                self.style.WARNING(
                    _("%(position)s: warning: %(message)s")
                    % {"position": position, "message": message}
                )
            )
        for position, reason in report.skipped:
            self.stdout.write(
                self.style.ERROR(
                    _("%(position)s: skipped: %(reason)s")
                    % {"position": position, "reason": reason}
                )
            )
        if report.dry_run:
            self.stdout.write(
                _("Dry run: nothing was saved. This is what an import would do:")
            )
        lines = [
            ngettext(
                "%(count)d record created", "%(count)d records created", report.created
            ),
            ngettext(
                "%(count)d record updated", "%(count)d records updated", report.updated
            ),
            ngettext(
                "%(count)d record unchanged",
                "%(count)d records unchanged",
                report.unchanged,
            ),
            ngettext(
                "%(count)d record deleted", "%(count)d records deleted", report.deleted
            ),
            ngettext(
                "%(count)d record skipped",
                "%(count)d records skipped",
                len(report.skipped),
            ),
        ]
        counts = (
            report.created,
            report.updated,
            report.unchanged,
            report.deleted,
            len(report.skipped),
        )
        summary = "; ".join(
            line % {"count": count} for line, count in zip(lines, counts, strict=True)
        )
        self.stdout.write(
            self.style.SUCCESS(summary) if not report.skipped else summary
        )


class ProgressBar:
    """Records done, records a second and the time left: a bar redrawn in place on a
    terminal, a plain line now and then otherwise (a log file)."""

    def __init__(self, stdout, *, start: int) -> None:
        self.stdout = stdout
        self.start = start
        self.started = time.monotonic()
        self.last_line = 0.0
        self.drawn = False
        self.terminal = stdout.isatty()

    def show(self, run: ImportRun) -> None:
        now = time.monotonic()
        if not self.terminal and now - self.last_line < PLAIN_PROGRESS_SECONDS:
            return
        self.last_line = now
        done = run.position - self.start
        pace = done / max(now - self.started, 0.001)
        parts = [
            _("%(done)s of %(total)s records")
            % {"done": run.position, "total": run.total}
            if run.total
            else _("%(done)s records") % {"done": run.position}
        ]
        parts.append(_("%(pace)d records/s") % {"pace": pace})
        if run.total and pace > 0:
            left = max(run.total - run.position, 0) / pace
            parts.append(
                _("about %(minutes)d min %(seconds)02d s left")
                % {"minutes": left // 60, "seconds": left % 60}
            )
        text = " · ".join(parts)
        if self.terminal:
            width = 30
            filled = width * run.percent // 100
            bar = "█" * filled + "░" * (width - filled)
            self.stdout.write(f"\r{bar} {run.percent:3d}% {text}\033[K", ending="")
            self.stdout.flush()
            self.drawn = True
        else:
            self.stdout.write(text)

    def finish(self) -> None:
        if self.drawn:
            self.stdout.write("")
