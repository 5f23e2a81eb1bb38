"""Journey: an editor opens the statistics, reads a chart and its table, chooses a period,
and downloads the figures, in the Kazakh and Russian admin, on a desktop and a phone;
axe-core finds no violation on the page."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mura.conftest import axe_violations
from mura.institutions.models import Role
from mura.institutions.tests.staff import admin_sign_in, staff_member
from mura.news.models import NewsArticlePage
from mura.statistics.counting import daily_view_record
from mura.statistics.models import ViewKind

pytestmark = pytest.mark.browser

TEXTS = {
    "kk": {
        "views": "Күн сайынғы қаралым",
        "table": "Деректер кесте түрінде",
        "day": "Күн",
        "order": "Кезеңнің басы соңынан бұрын болуы керек.",
    },
    "ru": {
        "views": "Просмотры по дням",
        "table": "Данные в виде таблицы",
        "day": "День",
        "order": "Период должен начинаться раньше, чем заканчивается.",
    },
}


def test_editor_reads_and_downloads_statistics(live_full_demo, walks):
    article = NewsArticlePage.objects.live().filter(locale__language_code="kk").first()
    today = timezone.localdate()
    for days_ago in range(30):
        daily_view_record(
            kind=ViewKind.NEWS,
            key=str(article.translation_key),
            institution_id=article.institution_id,
            day=today - timedelta(days=days_ago),
            views=10 + days_ago % 7,
        )
    total = sum(10 + n % 7 for n in range(30))
    for walk in walks(live_full_demo.url):
        texts = TEXTS[walk.language]
        user = staff_member(
            institution=article.institution,
            role=Role.EDITOR,
            username=f"editor-{walk.language}-{walk.device}",
            language=walk.language,
        )
        admin_sign_in(walk, user)
        walk.page.goto(f"{walk.base_url}/admin/statistics/")
        figure = walk.page.locator("#figure-views")
        expect(figure.locator("h2")).to_have_text(texts["views"])
        expect(figure.locator(".stat-figure__total strong")).to_have_text(
            f"{total:,}".replace(",", "\u00a0")
        )
        expect(figure.locator("svg[role=img] title")).to_have_text(texts["views"])
        assert axe_violations(walk.page) == []
        walk.snap("staff-statistics")

        summary = figure.locator("summary")
        expect(summary).to_have_text(texts["table"])
        summary.click()
        table = figure.locator("table")
        expect(table.locator("th").first).to_have_text(texts["day"])
        expect(table.locator("tbody tr")).to_have_count(30)
        top = walk.page.locator("#figure-top-news")
        expect(top).to_contain_text(article.title)
        walk.snap("staff-statistics-table")

        csv = walk.page.request.get(
            f"{walk.base_url}/admin/statistics/top-news.csv?"
        ).text()
        assert article.title in csv and str(total) in csv

        walk.page.locator("#id_start").fill("2031-01-10")
        walk.page.locator("#id_end").fill("2031-01-01")
        walk.page.locator("form.stat-period button[type=submit]").first.click()
        expect(walk.page.locator("[role=alert]")).to_contain_text(texts["order"])
        assert json.dumps(axe_violations(walk.page)) == "[]"
