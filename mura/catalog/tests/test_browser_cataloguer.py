"""Journey: a cataloguer opens the admin, reads every menu item whole, sees their
institution's latest records on the dashboard (avatars drawn by the portal itself), lists
the library's books with author and year, and opens a record on the public site."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from mura.catalog.display import first_author
from mura.catalog.models import Kind, Resource
from mura.conftest import axe_violations
from mura.institutions.models import Role
from mura.institutions.tests.staff import (
    admin_sign_in,
    cut_menu_labels,
    header_title_cut,
    staff_member,
)

pytestmark = pytest.mark.browser

TEXTS = {
    "kk": {
        "panel": "Каталогтың соңғы жазбалары",
        "view": "Сайтта ашу",
        "books": "Кітапхана басылымдары",
        "columns": ["Автор", "Жыл"],
    },
    "ru": {
        "panel": "Последние записи каталога",
        "view": "Открыть на сайте",
        "books": "Библиотечные издания",
        "columns": ["Автор", "Год"],
    },
}
BOOKS = "/admin/snippets/catalog/libraryitem/"


def test_cataloguer_sees_recent_records_and_opens_one_on_the_site(
    live_full_demo, walks
):
    latest = Resource.objects.public().order_by("-updated_at", "-pk").first()
    book = (
        Resource.objects.public()
        .filter(institution=latest.institution, kind=Kind.BOOK, year_from__isnull=False)
        .exclude(agents=None)
        .first()
    )
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
        if walk.device == "desktop":
            assert cut_menu_labels(walk) == []
        avatars = walk.page.locator(".avatar img").evaluate_all(
            "images => images.map(i => i.src)"
        )
        assert avatars
        assert all(a.startswith((walk.base_url, "data:")) for a in avatars), avatars
        assert axe_violations(walk.page) == []
        walk.snap("staff-cataloguer-dashboard")

        walk.page.goto(walk.base_url + BOOKS)
        expect(walk.page.locator("h1")).to_contain_text(texts["books"])
        assert not header_title_cut(walk)
        headings = walk.page.locator("table.listing thead th")
        for column in texts["columns"]:
            expect(headings.filter(has_text=column)).to_have_count(1)
        with translation.override(walk.language):
            author = first_author(book)
        row = (
            walk.page.locator("table.listing tbody tr")
            .filter(has_text=book.title)
            .filter(has_text=str(book.year_from))
            .first
        )
        expect(row).to_contain_text(author)
        assert axe_violations(walk.page) == []
        walk.snap("staff-cataloguer-books")
        walk.page.goto(walk.base_url + "/admin/")
        first_row = panel.locator("tr").first
        first_row.get_by_role("link", name=texts["view"]).click()
        walk.page.wait_for_url(walk.url("/catalog/items/**"))
        expect(walk.page.locator("h1")).to_have_text(latest.title)
        walk.snap("staff-cataloguer-view-on-site")
