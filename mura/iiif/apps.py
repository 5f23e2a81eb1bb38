from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IiifConfig(AppConfig):
    name = "mura.iiif"
    verbose_name = _("IIIF images and manifests")

    def ready(self) -> None:
        from mura.iiif import signal_handlers  # noqa: F401, PLC0415 (connects the handlers)
