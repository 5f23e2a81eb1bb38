"""Wagtail's log for every object that is not a page, with the institution and address."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry
from wagtail.models.audit_log import ModelLogEntryManager

from mura.audit.changes import changed_fields
from mura.audit.context import current_address
from mura.audit.owners import institution_id_of
from mura.institutions.models import Institution, Membership

SIGN_INS = ("mura.login", "mura.login_failed")


def of_institutions(ids) -> models.Q:
    """Entries about these institutions' things, and their staff's sign-ins (a person
    belongs to no one institution, so a sign-in is found through the memberships)."""
    staff = (
        Membership.objects.filter(institution_id__in=ids)
        .annotate(as_text=Cast("user_id", models.CharField()))
        .values("as_text")
    )
    return models.Q(institution_id__in=ids) | models.Q(
        action__in=SIGN_INS,
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id__in=staff,
    )


class AuditLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.setdefault("institution_id", institution_id_of(instance))
        kwargs.setdefault("address", current_address())
        if action == "wagtail.edit":
            data = kwargs.get("data") or {}
            data.setdefault("changed", changed_fields(instance, kwargs.get("revision")))
            kwargs["data"] = data
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        """Union admins see every entry; staff their institutions' and their own."""
        if user.is_superuser:
            return self.all()
        own = Membership.objects.filter(user=user).values("institution_id")
        return self.filter(of_institutions(own) | models.Q(user=user))


class AuditLogEntry(BaseLogEntry):
    """One action on a record, a comment, a registration, a user… or a sign-in.

    Registered as the log model of every non-page model (``wagtail_hooks.py``), so
    Wagtail writes here and the site history lists these entries beside the pages'."""

    object_id = models.CharField(max_length=255, db_index=True)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    objects = AuditLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")

    def __str__(self):
        return f"{self.action} {self.label} ({self.timestamp:%Y-%m-%d %H:%M})"
