from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "mura.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from mura.news.page_fill import views_filled  # noqa: PLC0415 - models load before ready()
        from mura.portal.page_cache import filler_register  # noqa: PLC0415 - beside it

        filler_register("news-views", views_filled)
