"""Housekeeping of the search log, run by the task worker."""

import datetime

from django.conf import settings
from django_tasks import task

from mura.search.models import SearchQueryLog


@task()
def query_log_prune_task(today: str) -> int:
    """Once a day, on the day's first logged search (see ``services.query_log``):
    forget the queries searched more than ``MURA_SEARCH_LOG_DAYS`` days before."""
    since = datetime.date.fromisoformat(today) - datetime.timedelta(
        days=settings.MURA_SEARCH_LOG_DAYS
    )
    deleted, _ = SearchQueryLog.objects.filter(created_at__date__lt=since).delete()
    return deleted
