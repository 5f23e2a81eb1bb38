"""Journey "look like a real heritage portal": a reader opens the home page, lists the
editions of one novel and tells them apart, and opens a record that has no picture yet
and gets a drawn cover with its title. In Kazakh and Russian, on a desktop and a phone."""

import pytest
from playwright.sync_api import expect

from mura.catalog.models import Person, Resource
from mura.conftest import sideways_scroll

pytestmark = pytest.mark.browser

WORDS = {
    "kk": {"news": "Соңғы жаңалықтар", "events": "Алдағы іс-шаралар"},
    "ru": {"news": "Последние новости", "events": "Предстоящие мероприятия"},
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_reader_sees_a_finished_portal_and_tells_editions_apart(
    live_full_demo, walks
):
    auezov = Person.objects.get(name_kk="Әуезов, Мұхтар")
    coverless = Resource.objects.get(source_id="book-56")  # Абай жолы, ЭКО, 1988
    assert not coverless.files.exists()
    for walk in walks(live_full_demo.url):
        page, words = walk.page, WORDS[walk.language]
        page.goto(walk.url("/"))
        for heading in (words["news"], words["events"]):
            expect(
                page.get_by_role("heading", name=heading, exact=True)
            ).to_be_visible()
        page.get_by_role(
            "heading", name=words["events"], exact=True
        ).scroll_into_view_if_needed()
        walk.snap("looks-home")

        page.goto(walk.url(f"/catalog/?person={auezov.pk}"))
        cards = (
            page.locator(".record-row")
            .filter(has_text="Абай жолы")
            .filter(has_text="1988")
        )
        expect(cards).to_have_count(2)
        imprints = sorted(cards.locator(".record-row__imprint").all_inner_texts())
        assert imprints == ["5-басылым. Алматы : Өнер", "Павлодар : ЭКО"]
        for cover in cards.locator("img.record-row__cover").all():
            # Covers load lazily and are drawn on their first request: wait for them.
            cover.scroll_into_view_if_needed()
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0",
                arg=cover.element_handle(),
            )
        cards.first.scroll_into_view_if_needed()
        walk.snap("looks-editions")

        page.goto(walk.url(coverless.get_absolute_url()))
        cover = page.locator("img.record__cover")
        expect(cover).to_be_visible()
        cover.evaluate("img => img.decode()")
        assert cover.evaluate("img => img.naturalWidth") == 360
        assert sideways_scroll(page) == 0
        walk.snap("looks-cover")

        page.goto(walk.url("/exhibitions/"))
        cards = page.locator("article.card")
        expect(cards.first).to_be_visible()
        pictures = cards.locator("img.card__image")
        # Every card has a loaded picture: its own, a record's, or a drawn cover.
        assert pictures.count() == cards.count()
        for picture in pictures.all():
            picture.scroll_into_view_if_needed()
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0",
                arg=picture.element_handle(),
            )
        cards.first.scroll_into_view_if_needed()
        walk.snap("looks-exhibitions")
