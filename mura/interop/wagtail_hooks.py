"""The admin's import page: upload a file, follow its progress."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from mura.institutions.models import Role
from mura.institutions.permissions import institutions_for
from mura.interop.import_views import import_progress, import_upload


@hooks.register("register_admin_urls")
def import_urls():
    return [
        path("imports/", import_upload, name="interop_import_upload"),
        path("imports/<int:pk>/", import_progress, name="interop_import_progress"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return institutions_for(request.user, Role.CATALOGUER).exists()


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(
        _("Import records"),
        reverse("interop_import_upload"),
        icon_name="upload",
        order=310,
    )
