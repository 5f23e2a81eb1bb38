from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "mura.search"
    label = "mura_search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Signal handlers need the models: imported once the apps are ready.
        from mura.search import signal_handlers  # noqa: PLC0415 needs the models

        # Each app registers its searchable models in its search_index.py.
        autodiscover_modules("search_index")
        signal_handlers.connect()
