"""The audit log inside Wagtail's: its model for every object that is not a page, and
the actions Mura adds to Wagtail's own."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from mura.audit.models import AuditLogEntry

SIMPLE_ACTIONS = {
    "mura.login": (_("Sign-in"), _("Signed in")),
    "mura.login_failed": (_("Failed sign-in"), _("Sign-in failed")),
    "mura.check_in": (_("Check-in"), _("Checked in at the event")),
    "mura.certificate.issue": (_("Issue a certificate"), _("Certificate issued")),
    "mura.certificate.revoke": (_("Revoke a certificate"), _("Certificate revoked")),
    "mura.comment.approved": (_("Approve a comment"), _("Comment approved")),
    "mura.comment.rejected": (_("Reject a comment"), _("Comment rejected")),
    "mura.comment.pending": (
        _("Return a comment to moderation"),
        _("Comment returned to moderation"),
    ),
    "mura.comment.spam": (_("Mark a comment as spam"), _("Comment marked as spam")),
}

EXPORTED = {
    "registrations": _("registrations"),
    "badges": _("badges"),
    "certificates": _("certificates"),
}


class ExportFormatter(LogFormatter):
    label = _("Export of personal data")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Downloaded %(what)s: %(rows)s rows as %(format)s") % {
            "what": EXPORTED.get(data.get("what"), data.get("what", "")),
            "rows": data.get("rows", 0),
            "format": str(data.get("format", "")).upper(),
        }


# After Wagtail's own hook (order 0), so this model replaces ModelLogEntry.
@hooks.register("register_log_actions", order=1)
def register_audit_log(actions):
    actions.register_model(models.Model, AuditLogEntry)
    for action, (label, message) in SIMPLE_ACTIONS.items():
        actions.register_action(action, label, message)
    actions.register_action("mura.export")(ExportFormatter)
