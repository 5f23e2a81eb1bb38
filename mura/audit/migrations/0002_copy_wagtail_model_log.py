"""Entries Wagtail wrote before this log existed move here, so each object's history
stays whole (this model now holds every non-page object's log)."""

from django.db import migrations

FIELDS = (
    "content_type_id",
    "label",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user_id",
    "revision_id",
    "content_changed",
    "deleted",
    "object_id",
)


def copy_model_log(apps, schema_editor):
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    AuditLogEntry = apps.get_model("audit", "AuditLogEntry")
    rows = ModelLogEntry.objects.values(*FIELDS).iterator(chunk_size=2000)
    batch = []
    for row in rows:
        batch.append(AuditLogEntry(**row))
        if len(batch) == 2000:
            AuditLogEntry.objects.bulk_create(batch)
            batch = []
    AuditLogEntry.objects.bulk_create(batch)
    ModelLogEntry.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_audit_log_entry")]

    operations = [migrations.RunPython(copy_model_log, migrations.RunPython.noop)]
