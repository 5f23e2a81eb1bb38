"""Writes to the audit log that the apps call where the action happens."""

from collections import Counter
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry


def personal_data_exported(
    *, rows: models.QuerySet, owner_field: str, what: str, file_format: str
) -> None:
    """One entry per object the exported rows belong to (each event whose registrations
    were downloaded), naming what, how many rows and the file's format."""
    counts = Counter(rows.order_by().values_list(f"{owner_field}_id", flat=True))
    owner_model = rows.model._meta.get_field(owner_field).related_model
    for owner in owner_model._base_manager.filter(pk__in=counts):
        log(
            instance=getattr(owner, "specific_deferred", owner),
            action="mura.export",
            data={"what": what, "format": file_format, "rows": counts[owner.pk]},
        )


@transaction.atomic
def audit_prune(*, today: date) -> int:
    """Delete every log entry (pages' and other objects') older than
    ``MURA_AUDIT_RETENTION_DAYS``; returns how many went."""
    cutoff = timezone.make_aware(
        datetime.combine(
            today - timedelta(days=settings.MURA_AUDIT_RETENTION_DAYS), time.min
        )
    )
    deleted = 0
    for log_model in log_registry.get_log_entry_models():
        count, _ = log_model.objects.filter(timestamp__lt=cutoff).delete()
        deleted += count
    return deleted
