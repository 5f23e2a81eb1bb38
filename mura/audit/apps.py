from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "mura.audit"
    label = "audit"
    verbose_name = _("Audit log")

    def ready(self) -> None:
        from mura.audit import signal_handlers  # noqa: PLC0415 needs the models

        signal_handlers.connect()
