"""Journey: a cataloguer opens the admin, sees their institution's latest records on the
dashboard and opens one on the public site."""

import pytest
from playwright.sync_api import expect

from mura.catalog.models import Resource
from mura.institutions.models import Role
from mura.institutions.tests.staff import admin_sign_in, staff_member

pytestmark = pytest.mark.browser

TEXTS = {
    "ru": {"panel": "Последние записи каталога", "view": "Открыть на сайте"},
    "en": {"panel": "Recent catalogue records", "view": "View on site"},
}


def test_cataloguer_sees_recent_records_and_opens_one_on_the_site(
    live_full_demo, walks
):
    latest = Resource.objects.public().order_by("-updated_at", "-pk").first()
    users = {
        language: staff_member(
            institution=latest.institution,
            role=Role.CATALOGUER,
            username=f"cataloguer-{language}",
            language=language,
        )
        for language in TEXTS
    }
    for walk in walks(live_full_demo.url, languages=tuple(TEXTS)):
        texts = TEXTS[walk.language]
        admin_sign_in(walk, users[walk.language])
        panel = walk.page.locator('[data-dashboard="recent-records"]')
        expect(panel).to_contain_text(texts["panel"])
        expect(panel).to_contain_text(latest.title)
        walk.snap("staff-cataloguer-dashboard")
        first_row = panel.locator("tr").first
        first_row.get_by_role("link", name=texts["view"]).click()
        walk.page.wait_for_url(f"**/{walk.language}/catalog/items/**")
        expect(walk.page.locator("h1")).to_have_text(latest.title)
        walk.snap("staff-cataloguer-view-on-site")
