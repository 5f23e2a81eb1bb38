"""The search log: what readers did not find, counted as the engine read it, and kept
no longer than its retention period."""

import csv
import datetime
import io

import pytest
from django.core.cache import cache
from django.utils import timezone

from mura.institutions.tests.staff import admin_language
from mura.search.models import SearchQueryLog


def report(admin_client) -> list[list[str]]:
    export = admin_client.get("/admin/reports/not-found/?export=csv")
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))[1:]


@pytest.mark.django_db
def test_capitals_and_spacing_count_as_one_query(client, admin_client, admin_user):
    admin_language(admin_user, "ru")
    client.get("/search/", {"q": "Мағжан Жұмабаевтың"})
    client.get("/ru/search/", {"q": "мағжан  жұмабаевтың"})
    client.get("/api/v1/search", {"q": "МАҒЖАН ЖҰМАБАЕВТЫҢ"})
    client.get("/search/", {"q": "Қобызшы"})
    rows = report(admin_client)
    assert [row[1] for row in rows] == ["3", "1"]
    assert rows[0][0].lower().split() == ["мағжан", "жұмабаевтың"]
    page = admin_client.get("/admin/reports/not-found/").content.decode().lower()
    assert page.count("жұмабаевтың") == 1
    # The dashboard's panel (this admin chose Russian) counts the same way.
    dashboard = admin_client.get("/admin/").content.decode()
    assert "искали 3 раза" in dashboard


@pytest.mark.django_db
def test_queries_older_than_the_retention_period_are_forgotten(
    client, settings, django_capture_on_commit_callbacks
):
    settings.MURA_SEARCH_LOG_DAYS = 30
    for age in (10, 29, 31, 400):
        log = SearchQueryLog.objects.create(
            query=f"ескі {age}", normalised=f"ескі {age}", result_count=0, took_ms=1
        )
        SearchQueryLog.objects.filter(pk=log.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=age)
        )
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/search/", {"q": "бүгін"})
    assert sorted(SearchQueryLog.objects.values_list("query", flat=True)) == [
        "бүгін",
        "ескі 10",
        "ескі 29",
    ]
    # Once a day: the next search does not prune again.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.get("/search/", {"q": "ертең"})
    assert callbacks == []


@pytest.mark.django_db(transaction=True)
def test_a_search_outside_a_transaction_is_logged_as_typed(client):
    # Outside a test's transaction PostgreSQL writes the row with a statement of its
    # own (committed without waiting for the disk).
    before = timezone.now()
    client.get("/api/v1/search", {"q": "Қобыз ЖАСАУ", "kind": "book"})
    log = SearchQueryLog.objects.get()
    assert (log.query, log.normalised, log.filters) == (
        "Қобыз ЖАСАУ",
        "қобыз жасау",
        "kind=book",
    )
    assert (log.result_count, log.source) == (0, "api")
    assert log.created_at >= before
