"""Statistics benchmark: a year of readers' views of 1,000 news articles and of the
catalogue's records, 100,000 records, a year of searches; then the time of
/admin/statistics/ (its first answer, and the median after it) for a year and for the default 30 days, for a union admin (every
institution, compared) and for one institution's editor, against the admin's own
dashboard (/admin/) in the same run.

    MURA_DATA_DIR=/tmp/mura-stats-bench MURA_DEMO=1 ALLOWED_HOSTS=testserver \
      .venv/bin/python bench/statistics_bench.py

Use a fresh MURA_DATA_DIR (or DATABASE_URL=postgres://.../mura_stats_bench): the database
is migrated and filled once; a second run only measures. Records are bulk-inserted
(the figures read only their counts); articles are real pages. Not part of the test suite."""

import argparse
import io
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mura.settings_test")

import django

django.setup()

from django.apps import apps as django_apps  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from mura.catalog.choices import Kind  # noqa: E402
from mura.catalog.models import Resource  # noqa: E402
from mura.institutions.models import Institution, Role  # noqa: E402
from mura.institutions.services import membership_grant  # noqa: E402
from mura.news.models import NewsArticlePage, NewsIndexPage  # noqa: E402
from mura.search.models import SearchQueryLog  # noqa: E402
from mura.statistics.models import DailyViews, ViewKind  # noqa: E402

KINDS = [Kind.BOOK, Kind.BOOK, Kind.BOOK, Kind.PERIODICAL, Kind.PHOTO, Kind.FILE]


def fill(
    articles: int, records: int, viewed_records: int, days: int, seed: int
) -> None:
    rng = random.Random(seed)
    call_command("migrate", verbosity=0, interactive=False)
    for app in ("institutions", "portal", "news"):
        __import__(f"mura.{app}.demo", fromlist=["load"]).load(stdout=io.StringIO())
    if DailyViews.objects.exists():
        return
    institutions = list(Institution.objects.order_by("pk"))
    index = NewsIndexPage.objects.get(locale__language_code="kk")
    started = time.perf_counter()
    for number in range(articles):
        index.add_child(
            instance=NewsArticlePage(
                title=f"Кітапхана жаңалығы №{number}",
                slug=f"bench-news-{number}",
                institution=institutions[number % len(institutions)],
                published_at=timezone.now() - timedelta(days=number % days),
                lead="Оқырмандарға арналған жаңалық.",
                body="<p>Көрмеде сирек кітаптар қойылды.</p>",
            )
        )
    print(f"{articles} articles in {time.perf_counter() - started:.0f} s", flush=True)
    Resource.objects.bulk_create(
        (
            Resource(
                institution=institutions[number % len(institutions)],
                kind=rng.choice(KINDS),
                title=f"Жазба {number}",
            )
            for number in range(records)
        ),
        batch_size=5000,
    )
    today = timezone.localdate()
    pages = list(
        NewsArticlePage.objects.filter(slug__startswith="bench-news-").values_list(
            "translation_key", "institution_id"
        )
    )
    items = list(Resource.objects.values_list("public_id", "institution_id"))
    rows = []
    for day in (today - timedelta(days=n) for n in range(days)):
        rows += [
            DailyViews(
                kind=ViewKind.NEWS,
                key=str(key),
                institution_id=owner,
                day=day,
                views=rng.randint(1, 40),
            )
            for key, owner in pages
        ]
        rows += [
            DailyViews(
                kind=ViewKind.ITEM, key=key, institution_id=owner, day=day, views=1
            )
            for key, owner in rng.sample(items, viewed_records)
        ]
        if len(rows) > 50_000:
            DailyViews.objects.bulk_create(rows, batch_size=10_000)
            rows = []
    DailyViews.objects.bulk_create(rows, batch_size=10_000)
    # The rows went in without `daily_view_record`: sum them up as the migration does.
    import_module("mura.statistics.migrations.0002_views_rollups").rollups_fill(
        django_apps, None
    )
    print(f"filled in {time.perf_counter() - started:.0f} s", flush=True)


def fill_searches(days: int, seed: int) -> None:
    """A year of searches, 200 a day (their time is set here, not on saving)."""
    if SearchQueryLog.objects.exists():
        return
    rng = random.Random(seed)
    searched_at = SearchQueryLog._meta.get_field("created_at")
    searched_at.auto_now_add = False
    SearchQueryLog.objects.bulk_create(
        (
            SearchQueryLog(
                query=f"сұрау {rng.randint(0, 5000)}",
                result_count=rng.choice([0, 3, 12]),
                took_ms=5,
                source="page",
                created_at=timezone.now()
                - timedelta(minutes=rng.randint(0, days * 1440)),
            )
            for _ in range(days * 200)
        ),
        batch_size=5000,
    )
    searched_at.auto_now_add = True


def timed(client: Client, url: str, runs: int) -> tuple[float, float]:
    """The first answer (nothing cached yet) and the median of ``runs`` after it."""
    started = time.perf_counter()
    assert client.get(url).status_code == 200, url
    first = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    return first, statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--viewed-records", type=int, default=1000, help="per day")
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    fill(args.articles, args.records, args.viewed_records, args.days, seed=1)
    fill_searches(args.days, seed=1)
    print(
        f"database: {connection.vendor}; views rows: {DailyViews.objects.count()}, "
        f"records: {Resource.objects.count()}, "
        f"articles: {NewsArticlePage.objects.count()}"
    )
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    editor, _ = User.objects.get_or_create(username="bench-editor")
    institution = Institution.objects.order_by("pk").first()
    membership_grant(user=editor, institution=institution, role=Role.EDITOR)
    today = timezone.localdate()
    year = f"start={today - timedelta(days=args.days - 1)}&end={today}"
    results = {}
    for name, user in (("union admin", admin), ("one institution's editor", editor)):
        client = Client()
        client.force_login(user)
        _first, baseline = timed(client, "/admin/", args.runs)
        for label, query in (("a year", year), ("30 days", "")):
            first, took = timed(client, f"/admin/statistics/?{query}", args.runs)
            results[(name, label)] = took
            print(
                f"{name}, {label}: statistics {took:.0f} ms median of {args.runs} "
                f"(first, uncached: {first:.0f} ms); dashboard {baseline:.0f} ms; "
                f"ratio {took / baseline:.1f}",
                flush=True,
            )
    worst = max(results.values())
    print(f"SLOWEST: {worst:.0f} ms ({'within' if worst <= 300 else 'over'} 300 ms)")


if __name__ == "__main__":
    main()
