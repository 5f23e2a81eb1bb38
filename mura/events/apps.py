from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "mura.events"
    label = "events"
    verbose_name = _("Events")
    # Organisers create and publish event pages; programme and registrations are checked
    # per institution by the events admin's own permission policy (wagtail_hooks.py).
    role_page_permissions = {"organiser": ["add_page", "change_page", "publish_page"]}

    def ready(self) -> None:
        from mura.events import signal_handlers  # noqa: PLC0415 needs the models

        signal_handlers.connect()
