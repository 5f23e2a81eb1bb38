from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mura.portal.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Replace the portal's content with a backup made by `mura backup`, rebuild "
        "every search index and check that everything in the backup is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            restored = backup_restore(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        documents = restored["documents"]
        self.stdout.write(
            f"restored {restored['objects']} objects and {restored['media_files']} "
            f"media files; indexed {documents['search']} search documents and "
            f"{documents['wagtail']} admin search entries; every count matches"
        )
