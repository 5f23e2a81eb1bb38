"""The statistics page in the admin menu, and counting readers' views of pages."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from mura.institutions.permissions import institutions_for, is_union_admin
from mura.portal.page_cache import replay_on_hit
from mura.statistics import views
from mura.statistics.counting import VIEWS_REPLAY, views_count
from mura.statistics.page_views import page_kind


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path("statistics/", views.StatisticsView.as_view(), name="statistics"),
        path("statistics/report/", views.quarterly_report, name="statistics_report"),
        path(
            "statistics/<slug:key>.<str:file_format>",
            views.download,
            name="statistics_download",
        ),
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_union_admin(request.user) or institutions_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"), reverse("statistics"), icon_name="table", order=850
    )


@hooks.register("on_serve_page", order=110)
def count_page_views(serve):
    def inner(page, request, serve_args, serve_kwargs):
        kind = page_kind(page)
        if kind is not None:
            view = (kind, str(page.translation_key), page.institution_id)
            views_count(request, *view)
            replay_on_hit(request, VIEWS_REPLAY, *view)
        return serve(page, request, serve_args, serve_kwargs)

    return inner
