"""Housekeeping of the view counts, run by the task worker."""

from datetime import date

from django_tasks import task

from mura.news.services import visits_prune


@task()
def visits_prune_task(today: str) -> int:
    """Once a day, on the day's first counted view (see ``article_view_record``)."""
    return visits_prune(today=date.fromisoformat(today))
