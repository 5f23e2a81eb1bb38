from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "mura.statistics"
    label = "statistics"
    verbose_name = _("Statistics")

    def ready(self) -> None:
        from django.db.models.signals import post_delete  # noqa: PLC0415

        from mura.institutions.models import Institution  # noqa: PLC0415
        from mura.portal.page_cache import replay_register  # noqa: PLC0415 (app registry ready)
        from mura.statistics.closed import closed_periods_changed  # noqa: PLC0415
        from mura.statistics.counting import VIEWS_REPLAY, views_count  # noqa: PLC0415

        replay_register(VIEWS_REPLAY, views_count)
        # An institution's views go with it (cascade), cached or not.
        post_delete.connect(
            closed_periods_changed,
            sender=Institution,
            dispatch_uid="mura-statistics-institution-gone",
        )
