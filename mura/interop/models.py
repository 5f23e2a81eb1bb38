"""An import of one file: where it has got to (so it can be resumed after an
interruption and followed on its progress page) and what it has reported."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mura.institutions.models import Institution


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("importing")
        INTERRUPTED = "interrupted", _("interrupted")
        DONE = "done", _("finished")
        FAILED = "failed", _("failed")

    institution = models.ForeignKey(
        Institution, verbose_name=_("institution"), on_delete=models.CASCADE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    path = models.CharField(_("file"), max_length=1000)
    #: ``path`` names a file uploaded through the admin into the default storage (shared
    #: by every server: local media or S3), deleted when its import ends
    stored = models.BooleanField(default=False)
    file_name = models.CharField(_("file name"), max_length=300)
    #: size and a digest of the file's start: the same file when resumed
    file_fingerprint = models.CharField(max_length=80, db_index=True)
    format = models.CharField(_("format"), max_length=10)
    encoding = models.CharField(_("character set"), max_length=10, default="auto")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("records in the file"), null=True)
    #: records of the file done and committed; a resumed import starts after them
    position = models.PositiveIntegerField(_("records done"), default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    deleted = models.PositiveIntegerField(default=0)
    #: [["skipped"|"warning", number, offset, line, message], ...] in file order
    problems = models.JSONField(default=list)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return min(100, self.position * 100 // self.total) if self.total else 0
