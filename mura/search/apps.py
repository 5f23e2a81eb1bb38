from importlib import import_module

from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

# App label → the indexer module that registers its models (imported when the app is installed).
INDEXERS = {
    "news": "news",
    "catalog": "catalog",
    "events": "events",
    "exhibitions": "exhibitions",
}


class SearchConfig(AppConfig):
    name = "mura.search"
    label = "mura_search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from mura.search import signal_handlers

        for label, module in INDEXERS.items():
            if apps.is_installed(f"mura.{label}"):
                import_module(f"mura.search.indexers.{module}")
        signal_handlers.connect()
