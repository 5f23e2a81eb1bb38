"""Honest view counts: which requests are views of an article, and one per visitor per
article per day, safe under concurrent readers."""

from datetime import date

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from mura.news.models import (
    ArticleViewCount,
    ArticleVisit,
    NewsArticlePage,
    view_count_forget,
)
from mura.news.tasks import visits_prune_task
from mura.portal.visitors import first_view, is_reader_view, visitor_hash

# A reader is told apart for a day and a little more (the day's last views).
SEEN_SECONDS = 25 * 60 * 60


def article_view_count(*, request: HttpRequest, article: NewsArticlePage) -> bool:
    """Count a reader's request for the article (an alias counts for its source); False
    for bots, staff, previews, prefetches, requests other than GET and repeat views."""
    return article_id_view_count(
        request=request, article_id=article.alias_of_id or article.pk
    )


def article_id_view_count(*, request: HttpRequest, article_id: int) -> bool:
    """``article_view_count`` for an article known by the id of its source (a cached
    page counts its reader this way: mura/news/page_fill.py)."""
    if not is_reader_view(request):
        return False
    day = timezone.localdate()
    visitor = visitor_hash(request, day.isoformat())
    # The shared cache remembers who was counted today, so a repeat view touches no
    # table (on a cached page, none at all); the visit's row still decides if it forgot.
    if not first_view(f"mura:news:seen:{article_id}:{visitor}", SEEN_SECONDS):
        return False
    return article_view_record(article_id=article_id, visitor=visitor, day=day)


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
    # The total readers see is read again: now for this reader, on commit for the others.
    view_count_forget(article_id)
    transaction.on_commit(lambda: view_count_forget(article_id))
    return True
