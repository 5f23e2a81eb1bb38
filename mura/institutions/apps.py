from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstitutionsConfig(AppConfig):
    name = "mura.institutions"
    label = "institutions"
    verbose_name = _("Institutions")
    role_page_permissions = {"editor": ["add_page", "change_page", "publish_page"]}
