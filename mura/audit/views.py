"""Wagtail's site history, scoped to the staff member's institutions and filterable
by institution, with the address and the changed fields of every entry."""

import django_filters
from django.db.models import IntegerField, Q, QuerySet, Value
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
)
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from mura.audit.changes import field_labels
from mura.audit.models import AuditLogEntry, of_institutions
from mura.institutions.models import Institution
from mura.institutions.permissions import institutions_for, is_union_admin


def institution_filter(model: type, ids: list[int]) -> Q | None:
    """Entries of these institutions in one log model; None when it records none."""
    if model is AuditLogEntry:
        return of_institutions(ids)
    if model is PageLogEntry:
        return Q(data__institution__in=ids)
    return None


def in_institutions(queryset: QuerySet, ids: list[int]) -> QuerySet:
    condition = institution_filter(queryset.model, ids)
    return queryset.none() if condition is None else queryset.filter(condition)


class AuditFilterSet(SiteHistoryReportFilterSet):
    institution = django_filters.ModelChoiceFilter(
        label=_("Institution"),
        queryset=lambda request: institutions_for(request.user).order_by("name_kk"),
        method="filter_institution",
    )

    def filter_institution(self, queryset, name, value):
        return in_institutions(queryset, [value.pk])

    class Meta(SiteHistoryReportFilterSet.Meta):
        pass


class AuditLogView(LogEntriesView):
    """Replaces /admin/reports/site-history/ (mura/urls.py mounts it first)."""

    results_template_name = "audit/site_history_results.html"
    filterset_class = AuditFilterSet
    export_headings = {
        **LogEntriesView.export_headings,
        "institution_name": _("Institution"),
        "address": _("Address"),
        "changed_fields": _("Fields changed"),
    }
    list_export = [
        *LogEntriesView.list_export,
        "institution_name",
        "address",
        "changed_fields",
    ]

    def scoped(self, queryset: QuerySet) -> QuerySet:
        """Staff see entries of their institutions and their own actions."""
        user = self.request.user
        if is_union_admin(user):
            return queryset
        ids = list(institutions_for(user).values_list("pk", flat=True))
        condition = institution_filter(queryset.model, ids)
        own = Q(user_id=user.pk)
        return queryset.filter(own if condition is None else condition | own)

    def get_filtered_queryset(self):
        # As Wagtail's, with each log model's rows scoped before the union.
        queryset = None
        self.log_models = list(log_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            rows = self.scoped(log_model.objects.viewable_by_user(self.request.user))
            rows = (
                rows.values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
                .order_by()
            )
            rows = self.filter_queryset(rows)
            queryset = rows if queryset is None else queryset.union(rows, all=True)
        return queryset.order_by("-timestamp")

    def decorate_paginated_queryset(self, queryset):
        entries = super().decorate_paginated_queryset(queryset)
        names = {item.pk: str(item.name) for item in Institution.objects.all()}
        for entry in entries:
            data = entry.data or {}
            institution_id = getattr(entry, "institution_id", data.get("institution"))
            entry.institution_name = names.get(institution_id, "")
            entry.address = getattr(entry, "address", None) or data.get("address") or ""
            model = entry.content_type.model_class() if entry.content_type else None
            changed = field_labels(model, data.get("changed") or [])
            entry.changed_fields = ", ".join(changed)
        return entries
