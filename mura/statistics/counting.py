"""Counting readers' views per day: one per reader per thing per day."""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from mura.portal.visitors import first_view, is_reader_view, visitor_hash
from mura.statistics.closed import closed_periods_changed
from mura.statistics.models import (
    DailyViews,
    InstitutionDailyViews,
    MonthlyViews,
    ViewKind,
)

# A reader is told apart for a day and a little more (the day's last views).
SEEN_SECONDS = 25 * 60 * 60


def reader_view_count(
    *, request: HttpRequest, kind: ViewKind, key: str, institution_id: int | None
) -> bool:
    """Count a reader's first view of the day of one thing; False for robots, staff,
    previews, prefetches and repeat views. The shared cache remembers only a salted
    hash of the reader, the day and the thing, and forgets it the next day."""
    if not is_reader_view(request):
        return False
    day = timezone.localdate()
    seen = visitor_hash(request, f"{day.isoformat()}:{kind}:{key}")
    if not first_view(f"mura:statistics:seen:{seen}", SEEN_SECONDS):
        return False
    daily_view_record(kind=kind, key=key, institution_id=institution_id, day=day)
    return True


#: The page cache's name for counting a view again on a cached page.
VIEWS_REPLAY = "statistics-view"


def views_count(
    request: HttpRequest, kind: ViewKind, key: str, institution_id: int | None
) -> None:
    """`reader_view_count` in the page cache's replay form (`replay_register`)."""
    reader_view_count(
        request=request, kind=kind, key=key, institution_id=institution_id
    )


@transaction.atomic
def daily_view_record(
    *, kind: ViewKind, key: str, institution_id: int | None, day: date, views: int = 1
) -> None:
    """Add views to the day's row and to both rollups in one transaction. Views for a
    day already over (late arrivals) make the closed periods' cached figures stale."""
    _rollup_add(
        DailyViews, {"kind": kind, "key": key, "day": day}, institution_id, views
    )
    month = {"kind": kind, "key": key, "month": day.replace(day=1)}
    _rollup_add(MonthlyViews, month, institution_id, views)
    _rollup_add(
        InstitutionDailyViews,
        {"institution_id": institution_id, "day": day},
        institution_id,
        views,
    )
    if day < timezone.localdate():
        transaction.on_commit(closed_periods_changed)


def _rollup_add(model, identity: dict, institution_id: int | None, views: int) -> None:
    """Add to the row, creating it once even under concurrent readers."""
    row = model.objects.filter(**identity)
    if row.update(views=F("views") + views):
        return
    try:
        with transaction.atomic():
            model.objects.create(
                **{"institution_id": institution_id, **identity}, views=views
            )
    except IntegrityError:
        row.update(views=F("views") + views)
