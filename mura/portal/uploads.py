"""What staff may upload: files up to a size limit, of a type read from their content
rather than their name. Images are decoded whole by Pillow; documents are recognised by
their magic bytes (``filetype``). Every Wagtail image and document form (the library,
multiple upload, the choosers that catalogue records and event pages upload through)
is built on the two forms here (``WAGTAILIMAGES_IMAGE_FORM_BASE``,
``WAGTAILDOCS_DOCUMENT_FORM_BASE``)."""

from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

#: How much of a file is read to recognise it (filetype's own window).
SIGNATURE_BYTES = 8192
#: The name `content_kind` gives a file with no binary signature and no NUL byte.
TEXT = "text"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def upload_size_check(upload: File, *, limit_mb: int) -> None:
    """Refuse a file larger than ``limit_mb`` megabytes."""
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(
            _("This file is %(size)s; files of at most %(limit)s can be uploaded."),
            code="file_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit_mb * 1024 * 1024),
            },
        )


def file_head(upload: File) -> bytes:
    """The file's first bytes, leaving it ready to be read from the start."""
    upload.seek(0)
    head = upload.read(SIGNATURE_BYTES)
    upload.seek(0)
    return head


def content_kind(head: bytes) -> str | None:
    """The type a file's first bytes name ("pdf", "docx", "png"...), `TEXT` for plain
    text, None for binary data of no known type."""
    kind = filetype.guess(head)
    if kind is not None:
        return kind.extension
    if b"\0" not in head or head.startswith(UTF16_BOMS):
        return TEXT
    return None


def kind_label(kind: str | None) -> str:
    if kind is None:
        return _("binary data of an unknown type")
    if kind == TEXT:
        return _("plain text")
    return kind.upper()


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, which checks the size, the format against the extension and
    the number of pixels, then has Pillow decode the whole image: here a file that cannot
    be decoded to its end (truncated, damaged) is refused instead of failing the request."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages["file_too_many_pixels"] = gettext_lazy(
            "This image has too many pixels (%(num_pixels)s; at most "
            "%(max_pixels_count)s). Opening it could exhaust the server's memory: "
            "scale it down or split it before uploading."
        )

    def check_image_file_format(self, f) -> None:
        # Wagtail matches ".jpg" to JPEG but not ".tif" to TIFF, the scanners' name.
        tif = PurePath(f.name).suffix.lower() == ".tif"
        if tif and "tif" in self.allowed_image_extensions:
            if f.image.format_name == "tiff":
                return
        super().check_image_file_format(f)

    def check_image_pixel_size(self, f) -> None:
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError):
            raise ValidationError(
                _(
                    "This image is damaged or incomplete: it cannot be read to its "
                    "end. Save it again from the original and upload the new file."
                ),
                code="invalid_image_content",
            ) from None


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Wagtail builds the field in each form class it makes from this one (the
        # multiple uploader's edit form has none), so it is replaced here, not declared.
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = DecodedImageField(
                label=field.label, required=field.required, widget=field.widget
            )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with a size limit and the content matched to the
    extension (``MURA_DOCUMENT_TYPES``): a web page named ``.pdf`` is refused."""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and "file" in self.changed_data:
            upload_size_check(upload, limit_mb=settings.MURA_UPLOAD_MAX_MB)
            document_type_check(upload)
        return upload


def document_type_check(upload: File) -> None:
    extension = PurePath(upload.name).suffix.lower().lstrip(".")
    accepted = settings.MURA_DOCUMENT_TYPES.get(extension, ())
    found = content_kind(file_head(upload))
    if found not in accepted:
        raise ValidationError(
            _(
                "This file is named .%(extension)s but its content is %(found)s. "
                "Upload the document itself, saved as %(expected)s."
            ),
            code="document_type_mismatch",
            params={
                "extension": extension,
                "found": kind_label(found),
                "expected": kind_label(accepted[0]) if accepted else extension.upper(),
            },
        )
