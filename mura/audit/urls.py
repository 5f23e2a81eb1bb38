"""Mounted before Wagtail's admin (mura/urls.py): the site history is the audit log."""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from mura.audit.views import AuditLogView

urlpatterns = [
    path(
        "site-history/",
        require_admin_access(AuditLogView.as_view()),
        name="audit_site_history",
    ),
    path(
        "site-history/results/",
        require_admin_access(AuditLogView.as_view(results_only=True)),
        name="audit_site_history_results",
    ),
]
