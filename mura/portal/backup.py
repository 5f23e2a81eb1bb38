"""Whole-portal backups: every table as Django fixtures plus the media files, in one
.tar.gz that restores on SQLite or PostgreSQL alike (so a backup also moves a library
from the embedded database to a server)."""

import io
import json
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction

DATA_MEMBER = "data.json"
MANIFEST_MEMBER = "manifest.json"
MEDIA_PREFIX = "media/"
# Rebuilt by migrations and `mura reindex`, or meaningless on another machine.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "django_tasks_database",
]


class BackupError(Exception):
    """The file is not a Mura backup, or it is damaged."""


def backup_write(*, path: Path) -> dict:
    """Write the backup and return its manifest (what it holds)."""
    data = io.StringIO()
    call_command(
        "dumpdata",
        exclude=EXCLUDED,
        natural_foreign=True,
        natural_primary=False,
        stdout=data,
        verbosity=0,
    )
    payload = data.getvalue().encode()
    media_root = Path(settings.MEDIA_ROOT)
    media_files = (
        [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
    )
    manifest = {
        "format": "mura-backup/1",
        "objects": len(json.loads(payload)),
        "media_files": len(media_files),
    }
    with tarfile.open(path, "w:gz") as archive:
        for name, content in (
            (MANIFEST_MEMBER, json.dumps(manifest).encode()),
            (DATA_MEMBER, payload),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
        for file in media_files:
            archive.add(file, arcname=MEDIA_PREFIX + str(file.relative_to(media_root)))
    return manifest


def backup_restore(*, path: Path) -> dict:
    """Replace the database content and media with the backup's; nothing changes if it is unreadable."""
    try:
        archive = tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"{path}: not a readable .tar.gz backup ({error})") from error
    with archive, tempfile.TemporaryDirectory() as scratch:
        names = archive.getnames()
        if MANIFEST_MEMBER not in names or DATA_MEMBER not in names:
            raise BackupError(
                f"{path}: not a Mura backup (no {MANIFEST_MEMBER} or {DATA_MEMBER})"
            )
        manifest = json.load(archive.extractfile(MANIFEST_MEMBER))
        if manifest.get("format") != "mura-backup/1":
            raise BackupError(
                f"{path}: unknown backup format {manifest.get('format')!r}"
            )
        data_file = Path(scratch) / DATA_MEMBER
        data_file.write_bytes(archive.extractfile(DATA_MEMBER).read())
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            # The flush's post_migrate recreates content types and permissions, which the
            # fixtures then refer to by natural key.
            call_command("flush", interactive=False, verbosity=0)
            ContentType.objects.clear_cache()
            call_command("loaddata", str(data_file), verbosity=0)
        media_root = Path(settings.MEDIA_ROOT)
        for member in archive.getmembers():
            if member.isfile() and member.name.startswith(MEDIA_PREFIX):
                archive.extract(member, path=scratch, filter="data")
                source = Path(scratch) / member.name
                target = media_root / member.name.removeprefix(MEDIA_PREFIX)
                target.parent.mkdir(parents=True, exist_ok=True)
                source.replace(target)
    return manifest
