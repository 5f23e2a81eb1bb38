"""The staff report of what readers searched for and did not find."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from mura.portal.exports import SafeSpreadsheetExportMixin
from mura.search.models import SearchQueryLog

PERIODS = (
    ("30", _("last 30 days")),
    ("90", _("last 90 days")),
    ("365", _("last year")),
)


class UnfoundQueriesFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=PERIODS,
        empty_label=_("all time"),
        method="filter_period",
    )

    class Meta:
        model = SearchQueryLog
        fields = ["source"]

    def filter_period(self, queryset, name, value):
        since = timezone.now() - datetime.timedelta(days=int(value))
        return queryset.filter(created_at__gte=since)


class UnfoundQueriesView(SafeSpreadsheetExportMixin, ReportView):
    """Queries that found nothing, the most frequent first, counted by the form the
    engine read ("Абай" and "абай" are one query) and shown as a reader typed it: what
    the catalogue lacks, or names otherwise (exportable as CSV or XLSX for the
    acquisitions team)."""

    page_title = _("Not found by readers")
    header_icon = "search"
    index_url_name = "search_unfound"
    index_results_url_name = "search_unfound_results"
    filterset_class = UnfoundQueriesFilterSet
    model = SearchQueryLog  # its permission policy: every staff member may read
    permission_required = "view"
    list_export = ["query", "times", "last"]
    export_headings = {
        "query": _("Query"),
        "times": _("Searches"),
        "last": _("Last searched"),
    }
    columns = [
        Column("query", label=_("Query")),
        NumberColumn("times", label=_("Searches")),
        DateColumn("last", label=_("Last searched")),
    ]

    def get_queryset(self):
        return SearchQueryLog.objects.filter(result_count=0)

    def filter_queryset(self, queryset):
        # Filtered rows first, then one row per query (a period counts only its searches).
        return super().filter_queryset(queryset).by_query()

    def get_filename(self):
        return f"not-found-{timezone.localdate():%Y-%m-%d}"
