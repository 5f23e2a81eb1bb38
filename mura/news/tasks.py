"""Housekeeping of the view counts, run by the task worker."""

from datetime import date, timedelta

from django_tasks import task

from mura.news.models import ArticleVisit


@task()
def visits_prune_task(today: str) -> int:
    """Once a day, on the day's first counted view (see ``article_view_record``):
    forget the visitors of days before yesterday. A visitor hash only tells repeat views
    apart within its own day, and the totals are kept elsewhere."""
    day = date.fromisoformat(today)
    deleted, _ = ArticleVisit.objects.filter(day__lt=day - timedelta(days=1)).delete()
    return deleted
