"""Media in an S3-compatible bucket (MEDIA_STORAGE=s3) that stays private: the addresses
given out are Mura's own /media/ ones, so every file reaches a reader through
``portal.views.media`` and the IIIF and document views, which check access as they do
for local files, and a closed record's scan has no public address in the bucket.

Files too large to hold in memory (catalogue imports, backups) move between the bucket
and a local file or stream in chunks, never whole."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urljoin

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

#: Catalogue files uploaded through the admin, waiting for the task worker.
IMPORTS_FOLDER = "imports/"
#: Folders of the default storage that /media/ never serves: documents and IIIF tiles
#: have views of their own that check access; imports are staff uploads.
PRIVATE_FOLDERS = ("documents/", "iiif/", IMPORTS_FOLDER)


class PrivateS3Storage(S3Storage):
    # Private objects (the bucket's default ACL); a new upload never replaces a file of
    # the same name, as with local storage.
    default_acl = None
    file_overwrite = False

    def url(self, name: str, parameters=None, expire=None, http_method=None) -> str:
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))

    def _key(self, name: str) -> str:
        return self._normalize_name(clean_name(name))

    def files(self) -> Iterator[tuple[str, int]]:
        """Every stored file's name and size, read from the bucket a page at a time."""
        prefix = self._normalize_name("") if self.location else ""
        for entry in self.bucket.objects.filter(Prefix=prefix):
            yield entry.key.removeprefix(prefix).lstrip("/"), entry.size

    def reader(self, name: str) -> BinaryIO:
        """The file's content as a stream read from the bucket as it is consumed."""
        return self.bucket.Object(self._key(name)).get()["Body"]

    def write(self, name: str, stream: BinaryIO) -> None:
        """Store ``stream`` under exactly ``name``, replacing what is there (a restore),
        sent in parts as it is read."""
        self.bucket.Object(self._key(name)).upload_fileobj(
            stream,
            ExtraArgs=self._get_write_parameters(name),
            Config=self.transfer_config,
        )

    def download(self, name: str, target: Path) -> None:
        self.bucket.Object(self._key(name)).download_file(
            str(target), Config=self.transfer_config
        )


@contextmanager
def stored_file_path(name: str) -> Iterator[Path]:
    """The default storage's file ``name`` as a local path, for readers that take paths:
    the file itself with local media; from S3 a copy downloaded in parts into a
    temporary folder of the data folder, removed on leaving."""
    if settings.MEDIA_STORAGE == "local":
        yield Path(default_storage.path(name))
        return
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR) as folder:
        copy = Path(folder) / PurePosixPath(name).name
        default_storage.download(name, copy)
        yield copy
