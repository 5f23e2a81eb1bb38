from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from mura.portal.cache import cache_tables_create


class CommentsConfig(AppConfig):
    name = "mura.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        # The comment form's rate limits and CAPTCHA counters live in these tables.
        post_migrate.connect(
            cache_tables_create, sender=self, dispatch_uid="mura-cache-tables"
        )
