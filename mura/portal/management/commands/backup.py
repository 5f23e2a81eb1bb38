from pathlib import Path

from django.core.management.base import BaseCommand

from mura.portal.backup import backup_write


class Command(BaseCommand):
    help = (
        "Write the whole portal (database content and media files) to one .tar.gz file."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        manifest = backup_write(path=path)
        self.stdout.write(
            f"{path}: {manifest['objects']} objects, {manifest['media_files']} media files"
        )
