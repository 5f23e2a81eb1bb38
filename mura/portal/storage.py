"""Media in an S3-compatible bucket (MEDIA_STORAGE=s3) that stays private: the addresses
given out are Mura's own /media/ ones, so every file reaches a reader through
``portal.views.media`` and the IIIF and document views, which check access as they do
for local files, and a closed record's scan has no public address in the bucket."""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    # Private objects (the bucket's default ACL); a new upload never replaces a file of
    # the same name, as with local storage.
    default_acl = None
    file_overwrite = False

    def url(self, name: str, parameters=None, expire=None, http_method=None) -> str:
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))
