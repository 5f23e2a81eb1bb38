"""Staff see what readers searched for, and above all what they did not find."""

from django.utils.translation import gettext_lazy as _
from django_filters import BooleanFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from mura.search.models import SearchQueryLog


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
