"""Whole-portal backups: every table as Django fixtures plus the media files (local or
in the S3 bucket, streamed file by file), in one .tar.gz that restores on SQLite or
PostgreSQL alike (so a backup also moves a library from the embedded database to a
server) and into local media or S3 alike."""

import io
import json
import tarfile
import tempfile
import time
from collections import Counter
from contextlib import closing
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django_tasks_db.models import DBTaskResult, TaskResultStatus
from wagtail.search.index import get_indexed_models
from wagtail.search.models import IndexEntry

from mura.portal.storage import IMPORTS_FOLDER
from mura.search.models import SearchDocument
from mura.search.services import index_rebuild

DATA_MEMBER = "data.json"
MANIFEST_MEMBER = "manifest.json"
MEDIA_PREFIX = "media/"
# Rebuilt by migrations and by the indexing at the end of a restore, or meaningless on
# another machine. Queued tasks are kept: a restore must not lose a registration e-mail.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "mura_search.SearchDocument",
    "mura_search.SearchFacetLabel",
    "mura_search.SearchSpelling",
]


class BackupError(Exception):
    """The file is not a Mura backup, or it is damaged."""


class RestoreMismatch(BackupError):
    """The restored database does not hold what the backup does."""


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
    media_files = _media_files()
    manifest = {
        "format": "mura-backup/1",
        "objects": len(json.loads(payload)),
        "media_files": len(media_files),
    }
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(path, "w:gz") as archive:
        for name, content in (
            (MANIFEST_MEMBER, json.dumps(manifest).encode()),
            (DATA_MEMBER, payload),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
        for name, size in media_files:
            if settings.MEDIA_STORAGE == "local":
                archive.add(media_root / name, arcname=MEDIA_PREFIX + name)
                continue
            info = tarfile.TarInfo(MEDIA_PREFIX + name)
            info.size, info.mtime = size, int(time.time())
            with closing(default_storage.reader(name)) as stream:
                archive.addfile(info, stream)
    return manifest


def _media_files() -> list[tuple[str, int]]:
    """The name and size of every media file, from MEDIA_ROOT or the S3 bucket, except
    uploads waiting for an import (deleted once imported; a restore cannot resume them)."""
    if settings.MEDIA_STORAGE == "local":
        root = Path(settings.MEDIA_ROOT)
        files = (
            (file.relative_to(root).as_posix(), file.stat().st_size)
            for file in (root.rglob("*") if root.exists() else ())
            if file.is_file()
        )
    else:
        files = default_storage.files()
    return [(name, size) for name, size in files if not name.startswith(IMPORTS_FOLDER)]


def backup_restore(*, path: Path) -> dict:
    """Replace the database content and media with the backup's, rebuild both search
    indexes (Wagtail's and Mura's) and check that every row and document is there;
    nothing changes if the file is unreadable. Returns the manifest plus what was
    indexed."""
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
        rows = Counter(entry["model"] for entry in json.loads(data_file.read_bytes()))
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            # The flush's post_migrate recreates content types and permissions, which the
            # fixtures then refer to by natural key.
            call_command("flush", interactive=False, verbosity=0)
            ContentType.objects.clear_cache()
            call_command("loaddata", str(data_file), verbosity=0)
            # Their worker is gone: tasks it had started run again.
            DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY
            )
        media_root = Path(settings.MEDIA_ROOT)
        for member in archive.getmembers():
            if not (member.isfile() and member.name.startswith(MEDIA_PREFIX)):
                continue
            name = tarfile.data_filter(member, scratch).name.removeprefix(MEDIA_PREFIX)
            if settings.MEDIA_STORAGE == "local":
                archive.extract(member, path=scratch, filter="data")
                target = media_root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                (Path(scratch) / member.name).replace(target)
            else:  # into the bucket as it is read from the archive
                default_storage.write(name, archive.extractfile(member))
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    indexed = index_rebuild()
    return {
        **manifest,
        "documents": _check_counts(rows=rows, indexed=indexed),
    }


def _check_counts(*, rows: Counter, indexed: dict[str, float]) -> dict[str, int]:
    """Compare rows per model with the archive's and documents in both search indexes
    with what their rebuilds wrote; raise naming every difference."""
    differences = []
    for label, expected in sorted(rows.items()):
        found = apps.get_model(label)._base_manager.count()
        if found != expected:
            differences.append(f"{label}: {expected} in the backup, {found} restored")
    mura_expected = int(sum(v for k, v in indexed.items() if k != "seconds"))
    mura_found = SearchDocument.objects.count()
    if mura_found != mura_expected:
        differences.append(
            f"search index: {mura_expected} documents built, {mura_found} stored"
        )
    entries = dict(IndexEntry.objects.values_list("content_type").annotate(Count("id")))
    wagtail_total = 0
    for model in get_indexed_models():
        expected = model.get_indexed_objects().count()
        found = entries.get(ContentType.objects.get_for_model(model).pk, 0)
        wagtail_total += found
        if found != expected:
            differences.append(
                f"Wagtail search index, {model._meta.label}: {expected} objects, "
                f"{found} indexed"
            )
    if differences:
        raise RestoreMismatch(
            "the restored installation differs from the backup:\n"
            + "\n".join(differences)
        )
    return {"search": mura_found, "wagtail": wagtail_total}
