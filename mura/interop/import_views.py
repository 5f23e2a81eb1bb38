"""Staff upload a file to import for one of their institutions and follow its
progress on a page that refreshes itself until the import is done."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mura.institutions.models import Role
from mura.institutions.permissions import institutions_for
from mura.interop.marc.iso2709 import ENCODINGS
from mura.interop.models import ImportRun
from mura.interop.runs import FORMATS, import_run_upload
from mura.interop.tasks import import_file
from mura.portal.uploads import (
    TEXT,
    content_kind,
    file_head,
    kind_label,
    upload_size_check,
)

FORMAT_LABELS = {
    "marc21": "MARC 21 (ISO 2709)",
    "unimarc": "UNIMARC (ISO 2709)",
    "rusmarc": "RUSMARC (ISO 2709)",
    "marcxml": "MARCXML",
    "csv": "CSV",
}
#: The progress page reloads itself this often while the import runs.
REFRESH_SECONDS = 2


class ImportUploadForm(forms.Form):
    institution = forms.ModelChoiceField(
        label=_("Institution"), queryset=None, empty_label=None
    )
    file = forms.FileField(label=_("File"))
    format = forms.ChoiceField(
        label=_("Format"), choices=[(name, FORMAT_LABELS[name]) for name in FORMATS]
    )
    encoding = forms.ChoiceField(
        label=_("Character set of ISO 2709 files"),
        choices=[(name, name) for name in ENCODINGS],
        initial="auto",
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions_for(user, Role.CATALOGUER)

    def clean(self):
        cleaned = super().clean()
        upload, format = cleaned.get("file"), cleaned.get("format")
        if upload is not None and format is not None:
            try:
                upload_size_check(upload, limit_mb=settings.MURA_IMPORT_MAX_MB)
                import_content_check(upload, format=format)
            except ValidationError as error:
                self.add_error("file", error)
        return cleaned


def import_content_check(upload: File, *, format: str) -> None:
    """Refuse a file whose first bytes cannot begin the chosen format: ISO 2709 records
    start with their length in digits, MARCXML with markup, CSV is plain text."""
    head = file_head(upload)
    kind = content_kind(head)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if format == "marcxml":
        fits = kind == TEXT and start.startswith(b"<")
    elif format == "csv":
        fits = kind == TEXT
    else:
        fits = start[:5].isdigit()
    if not fits:
        raise ValidationError(
            gettext(
                "This file does not look like %(format)s (its content is %(found)s). "
                "Check the format chosen below, or export the file again."
            ),
            code="import_format_mismatch",
            params={"format": FORMAT_LABELS[format], "found": kind_label(kind)},
        )


def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm(
        request.POST or None, request.FILES or None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        run = import_run_upload(
            institution=form.cleaned_data["institution"],
            upload=form.cleaned_data["file"],
            format=form.cleaned_data["format"],
            encoding=form.cleaned_data["encoding"],
            user=request.user,
        )
        import_file.enqueue(run.pk)
        return redirect("interop_import_progress", pk=run.pk)
    runs = ImportRun.objects.filter(
        institution__in=institutions_for(request.user, Role.CATALOGUER)
    ).select_related("institution")[:20]
    return render(request, "interop/import_upload.html", {"form": form, "runs": runs})


def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    run = (
        ImportRun.objects.filter(
            pk=pk, institution__in=institutions_for(request.user, Role.CATALOGUER)
        )
        .select_related("institution")
        .first()
    )
    if run is None:
        raise Http404
    problems = [
        {"kind": kind, "number": number, "offset": offset, "line": line, "text": text}
        for kind, number, offset, line, text in run.problems
    ]
    return render(
        request,
        "interop/import_progress.html",
        {
            "run": run,
            "problems": problems,
            "refresh": REFRESH_SECONDS if run.is_active else None,
        },
    )
