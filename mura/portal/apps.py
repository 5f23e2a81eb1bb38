from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "mura.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from mura.portal import (  # noqa: PLC0415 - models load before ready()
            checks,  # noqa: F401 - registers the deployment checks
            content_signals,
        )

        content_signals.connect()
