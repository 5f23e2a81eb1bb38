"""The admin's first page shows each role what it needs today, with no outside images."""

import pytest

from mura.institutions.tests.factories import InstitutionFactory, UserFactory
from mura.institutions.tests.staff import admin_language
from mura.search.models import SearchQueryLog

pytestmark = pytest.mark.django_db


def test_a_union_admin_sees_every_panel_and_the_week_unfound_searches(client):
    InstitutionFactory()
    for query in ("Мұхтар Әуезов хаттары", "Мұхтар Әуезов хаттары", "Шоқан"):
        SearchQueryLog.objects.create(query=query, result_count=0, took_ms=3)
    SearchQueryLog.objects.create(query="Абай", result_count=12, took_ms=3)
    client.force_login(
        admin_language(UserFactory(is_superuser=True, is_staff=True), "ru")
    )
    page = client.get("/admin/").content.decode()
    for panel in ("comments-waiting", "upcoming-events", "recent-records"):
        assert f'data-dashboard="{panel}"' in page
    assert "Поиски без результатов за неделю" in page
    assert "Мұхтар Әуезов хаттары" in page and "искали 2 раза" in page
    assert "Абай" not in page
    assert "gravatar.com" not in page
