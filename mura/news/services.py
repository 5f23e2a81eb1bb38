"""Honest view counts: one per visitor per article per day, safe under concurrent readers."""

from datetime import date, timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F

from mura.news.models import ArticleViewCount, ArticleVisit


@transaction.atomic
def article_view_record(*, article_id: int, visitor: str, day: date) -> bool:
    """Count the visitor's first view of the day; False for every later one.

    The unique (page, day, visitor) row decides who is first: a concurrent duplicate
    fails on the constraint inside its savepoint. The total then moves by F() + 1
    under the row's lock, so no increment is lost."""
    try:
        with transaction.atomic():
            ArticleVisit.objects.create(page_id=article_id, day=day, visitor=visitor)
    except IntegrityError:
        return False
    if cache.add(f"mura:news:visits-pruned:{day.isoformat()}", True, 2 * 86400):
        from mura.news.tasks import visits_prune_task

        transaction.on_commit(lambda: visits_prune_task.enqueue(day.isoformat()))
    if not ArticleViewCount.objects.filter(page_id=article_id).update(
        count=F("count") + 1
    ):
        _counter, created = ArticleViewCount.objects.get_or_create(
            page_id=article_id, defaults={"count": 1}
        )
        if not created:
            ArticleViewCount.objects.filter(page_id=article_id).update(
                count=F("count") + 1
            )
    return True


def visits_prune(*, today: date) -> int:
    """Forget the visitors of days before yesterday: a visitor hash only tells repeat
    views apart within its own day, and the totals are kept elsewhere."""
    deleted, _ = ArticleVisit.objects.filter(day__lt=today - timedelta(days=1)).delete()
    return deleted
