"""Staff see what readers searched for, and above all what they did not find."""

from datetime import timedelta

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_filters import BooleanFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from mura.portal.dashboard import DashboardPanel, DashboardRow
from mura.search.models import SearchQueryLog
from mura.search.reports import UnfoundQueriesView

DASHBOARD_ROWS = 8


class QueryLogPermissionPolicy(ModelPermissionPolicy):
    """Every staff member may read the log (it names nobody); only union admins clear it."""

    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        if action == "view":
            return user.is_superuser or user.has_perm("wagtailadmin.access_admin")
        return action == "delete" and user.is_superuser


class QueryLogFilterSet(WagtailFilterSet):
    nothing_found = BooleanFilter(
        label=_("nothing found"), method="filter_nothing_found"
    )

    class Meta:
        model = SearchQueryLog
        fields = ["source"]

    def filter_nothing_found(self, queryset, name, value):
        if value is None:
            return queryset
        return (
            queryset.filter(result_count=0)
            if value
            else queryset.exclude(result_count=0)
        )


class SearchQueryLogViewSet(ModelViewSet):
    model = SearchQueryLog
    icon = "search"
    menu_label = _("Search queries")
    menu_order = 900
    add_to_admin_menu = True
    # Among the reports: at the top level its Russian name was cut.
    menu_hook = "register_reports_menu_item"
    list_display = [
        "query",
        "result_count",
        "took_ms",
        "filters",
        "source",
        "created_at",
    ]
    filterset_class = QueryLogFilterSet
    search_fields = ["query"]
    ordering = ["-created_at"]
    form_fields = ["query"]


register_permission_policy(SearchQueryLog, QueryLogPermissionPolicy(SearchQueryLog))


@hooks.register("register_admin_viewset")
def register_query_log_viewset():
    return SearchQueryLogViewSet("search_queries")


@hooks.register("register_admin_urls")
def register_unfound_report_urls():
    return [
        path(
            "reports/not-found/",
            UnfoundQueriesView.as_view(),
            name="search_unfound",
        ),
        path(
            "reports/not-found/results/",
            UnfoundQueriesView.as_view(results_only=True),
            name="search_unfound_results",
        ),
    ]


class QueryLogMenuItem(MenuItem):
    def is_shown(self, request):
        return QueryLogPermissionPolicy(SearchQueryLog).user_has_permission(
            request.user, "view"
        )


@hooks.register("register_reports_menu_item")
def register_unfound_report_menu_item():
    return QueryLogMenuItem(
        _("Not found by readers"),
        reverse("search_unfound"),
        icon_name="search",
        order=900,
    )


@hooks.register("construct_homepage_panels")
def add_unfound_queries_panel(request, panels):
    """What readers searched for this week and did not find: gaps in the catalogue."""
    if not QueryLogPermissionPolicy(SearchQueryLog).user_has_permission(
        request.user, "view"
    ):
        return
    week_ago = timezone.now() - timedelta(days=7)
    queries = SearchQueryLog.objects.filter(
        result_count=0, created_at__gte=week_ago
    ).by_query()[:DASHBOARD_ROWS]
    rows = [
        DashboardRow(
            label=row["query"],
            details=(
                ngettext(
                    "searched %(count)d time", "searched %(count)d times", row["times"]
                )
                % {"count": row["times"]},
            ),
        )
        for row in queries
    ]
    panels.append(
        DashboardPanel(
            name="unfound-queries",
            heading=gettext("Searches that found nothing this week"),
            rows=rows,
            empty=gettext("Every search this week found something."),
            order=80,
            more_url=reverse("search_unfound"),
            more_label=gettext("Not found by readers"),
        )
    )
