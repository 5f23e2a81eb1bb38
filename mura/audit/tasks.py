"""Housekeeping of the audit log, run by the task worker."""

from datetime import date

from django_tasks import task

from mura.audit.services import audit_prune


@task()
def audit_prune_task(today: str) -> int:
    """Once a day, on the day's first sign-in: forget entries older than the retention."""
    return audit_prune(today=date.fromisoformat(today))
