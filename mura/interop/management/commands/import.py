"""`mura import PATH --format ... --institution SLUG [--dry-run]`."""

from pathlib import Path

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mura.interop.csv_format import HeaderError, read_csv
from mura.interop.management.base import TranslatedCommand, institution_by_slug
from mura.interop.marc.iso2709 import ENCODINGS
from mura.interop.marc.readers import read_iso2709, read_marcxml
from mura.interop.services import ImportReport, records_import

FORMATS = ("marc21", "unimarc", "rusmarc", "marcxml", "csv")


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
        encoding: str,
        **options,
    ) -> None:
        holder = institution_by_slug(institution)
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        if format == "csv":
            items = read_csv(path)
        elif format == "marcxml":
            items = read_marcxml(path)
        else:
            items = read_iso2709(path, flavour=format, encoding=encoding)
        try:
            report = records_import(institution=holder, items=items, dry_run=dry_run)
        except HeaderError as error:
            raise CommandError(str(error)) from error
        self._print(report)

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
