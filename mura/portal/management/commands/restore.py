from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mura.portal.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Replace the portal's content with a backup made by `mura backup`, then rebuild the search index."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            manifest = backup_restore(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored {manifest['objects']} objects and {manifest['media_files']} media files"
        )
        from django.core.management import get_commands

        if "reindex" in get_commands():
            from django.core.management import call_command

            call_command("reindex", stdout=self.stdout)
