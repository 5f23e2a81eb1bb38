"""The monthly and per-institution rollups, and the cached figures of days that are
over, add up to exactly what the daily rows say, whatever days a period spans."""

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from random import Random

import pytest
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from mura.institutions.tests.factories import InstitutionFactory
from mura.search.models import SearchQueryLog
from mura.statistics import closed, selectors, totals
from mura.statistics.counting import daily_view_record
from mura.statistics.models import DailyViews, MonthlyViews, ViewKind
from mura.statistics.periods import Period

TOP = 5


def raw_ranking(period: Period, scope) -> list[tuple[str, int, int]]:
    """The most viewed records, summed here from the daily rows."""
    rows = DailyViews.objects.filter(
        kind=ViewKind.ITEM, day__gte=period.start, day__lte=period.end
    )
    if scope is not None:
        rows = rows.filter(institution_id__in=scope)
    summed = rows.values_list("key", "institution_id").annotate(total=Sum("views"))
    return sorted(summed, key=lambda row: (-row[2], row[0]))[:TOP]


def raw_per_day(period: Period, scope) -> list[tuple[date, int]]:
    per_day = defaultdict(int)
    rows = DailyViews.objects.filter(day__gte=period.start, day__lte=period.end)
    for row in rows if scope is None else rows.filter(institution_id__in=scope):
        per_day[row.day] += row.views
    return [(day, per_day[day]) for day in period.each_day()]


@pytest.fixture
def views(db, monkeypatch, django_capture_on_commit_callbacks):
    """Eight records of two institutions viewed on random days of the last 90."""
    monkeypatch.setattr(closed, "CLOSED_KEPT", 3)
    ours, theirs = InstitutionFactory(), InstitutionFactory()
    rng = Random(19)
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(8):
            for ago in rng.sample(range(90), 30):
                daily_view_record(
                    kind=ViewKind.ITEM,
                    key=f"record-{number}",
                    institution_id=(ours, theirs)[number % 2].pk,
                    day=today - timedelta(days=ago),
                    views=rng.randint(1, 9),
                )
    return {"ours": ours, "theirs": theirs, "today": today}


def periods(today: date) -> list[Period]:
    """Partial months at both ends, whole months only, days inside one month, today."""
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    two_months_ago = (last_month - timedelta(days=1)).replace(day=1)
    return [
        Period(start=today - timedelta(days=75), end=today),
        Period(start=two_months_ago, end=this_month - timedelta(days=1)),
        Period(start=last_month + timedelta(days=3), end=last_month + timedelta(9)),
        Period(start=today - timedelta(days=50), end=today - timedelta(days=20)),
        Period(start=today, end=today),
    ]


def assert_figures_equal_rows(views) -> None:
    for period in periods(views["today"]):
        for scope in (None, [views["ours"].pk]):
            top = totals.most_viewed(
                start=period.start, end=period.end, scope=scope, count=TOP
            )
            assert top.get(ViewKind.ITEM, []) == raw_ranking(period, scope), period
            per_day = selectors.views_per_day(period=period, scope=scope)
            assert per_day.rows == raw_per_day(period, scope)
            previous = raw_per_day(period.previous, scope)
            assert per_day.previous_total == sum(views for _d, views in previous)


def test_each_month_rollup_is_the_sum_of_its_days(views):
    by_month = (
        DailyViews.objects.annotate(first=TruncMonth("day"))
        .values_list("kind", "key", "first")
        .annotate(total=Sum("views"))
        .order_by("key", "first")
    )
    assert list(by_month) == list(
        MonthlyViews.objects.values_list("kind", "key", "month", "views").order_by(
            "key", "month"
        )
    )


def test_figures_over_any_days_equal_the_daily_rows(views):
    assert_figures_equal_rows(views)


def test_todays_views_lift_a_record_from_outside_the_cached_list(
    views, django_capture_on_commit_callbacks
):
    period = periods(views["today"])[0]
    assert_figures_equal_rows(views)  # the days before today are cached now
    outsider, owner, _views = raw_ranking(period, None)[-1]
    with django_capture_on_commit_callbacks(execute=True):
        daily_view_record(
            kind=ViewKind.ITEM,
            key=outsider,
            institution_id=owner,
            day=views["today"],
            views=400,
        )
    top = totals.most_viewed(start=period.start, end=period.end, scope=None, count=1)
    assert top[ViewKind.ITEM][0][0] == outsider
    assert_figures_equal_rows(views)


def test_late_views_for_a_day_that_is_over_reach_the_cached_figures(
    views, django_capture_on_commit_callbacks
):
    assert_figures_equal_rows(views)
    last, owner, _views = raw_ranking(periods(views["today"])[3], None)[-1]
    with django_capture_on_commit_callbacks(execute=True):
        daily_view_record(
            kind=ViewKind.ITEM,
            key=last,
            institution_id=owner,
            day=views["today"] - timedelta(days=30),
            views=1000,
        )
    assert_figures_equal_rows(views)
    top = totals.most_viewed(
        start=views["today"] - timedelta(days=40),
        end=views["today"] - timedelta(days=1),
        scope=None,
        count=1,
    )
    assert top[ViewKind.ITEM][0][0] == last


def test_searches_of_past_days_equal_the_log_and_follow_its_pruning(db):
    today = timezone.localdate()
    period = Period(start=today - timedelta(days=75), end=today)
    for ago, query, found in [
        (70, "Абай", 3),
        (40, "Мағжан", 0),
        (40, "Мағжан", 0),
        (3, "Шоқан", 0),
        (0, "Абай", 0),
    ]:
        log = SearchQueryLog.objects.create(
            query=query, result_count=found, took_ms=3, source="page"
        )
        noon = datetime.combine(today - timedelta(days=ago), time(12))
        SearchQueryLog.objects.filter(pk=log.pk).update(
            created_at=timezone.make_aware(noon)
        )

    def assert_equal_to_the_log() -> None:
        counted = defaultdict(lambda: [0, 0])
        for log in SearchQueryLog.objects.all():
            day = timezone.localtime(log.created_at).date()
            counted[day][0] += 1
            counted[day][1] += log.result_count == 0
        figure = selectors.searches_per_day(period=period)
        assert figure.rows == [(day, *counted[day]) for day in period.each_day()]

    assert_equal_to_the_log()
    SearchQueryLog.objects.filter(result_count=3).delete()  # the oldest, pruned
    assert_equal_to_the_log()
    assert selectors.unfound_searches(period=period).rows == [
        ("Мағжан", 2),
        ("Абай", 1),
        ("Шоқан", 1),
    ]
