"""`mura export --format marc21|marcxml|dc|csv|jsonld [--institution SLUG]
[--output PATH] [--all]`."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandParser
from django.utils import translation
from django.utils.translation import ngettext

from mura.interop.exporters import FORMATS, export_queryset, write_export
from mura.interop.management.base import TranslatedCommand, institution_by_slug
from mura.portal.addresses import absolute_url


class Command(TranslatedCommand):
    help = (
        "Export the catalogue (deleted records never; restricted ones only with --all)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", required=True, choices=FORMATS)
        parser.add_argument(
            "--institution", help="Only this institution's records (its slug)."
        )
        parser.add_argument(
            "--output", type=Path, help="File to write; standard output when omitted."
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="Include records not shown to the public.",
        )
        super().add_arguments(parser)  # --language

    def run(
        self,
        *,
        format: str,
        institution: str | None,
        output: Path | None,
        all: bool,
        **options,
    ) -> None:
        if institution:
            institution_by_slug(institution)
        resources = export_queryset(
            institution_slug=institution, include_restricted=all
        ).iterator(chunk_size=500)
        stream = Path(output).open("wb") if output else sys.stdout.buffer
        try:
            # Addresses and names in the records are the permanent, unprefixed ones.
            with translation.override(settings.LANGUAGE_CODE):
                count = write_export(
                    format=format,
                    resources=resources,
                    stream=stream,
                    absolute=absolute_url,
                )
        finally:
            if output:
                stream.close()
            else:
                stream.flush()
        message = ngettext(
            "%(count)d record exported", "%(count)d records exported", count
        ) % {"count": count}
        (self.stderr if output is None else self.stdout).write(message)
