from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "mura.statistics"
    label = "statistics"
    verbose_name = _("Statistics")

    def ready(self) -> None:
        from mura.portal.page_cache import replay_register  # noqa: PLC0415 (app registry ready)
        from mura.statistics.counting import VIEWS_REPLAY, views_count  # noqa: PLC0415

        replay_register(VIEWS_REPLAY, views_count)
