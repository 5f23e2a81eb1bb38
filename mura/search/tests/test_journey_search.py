"""A reader searches in their own language, on a desktop and on a phone: the thing
they named first, each translated page once and in their language, filters behind one
button on a phone, and every result keeping them in their language."""

import pytest
from playwright.sync_api import expect

from mura.conftest import sideways_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSON = {"kk": "Тұлға", "ru": "Персона"}
FORUM = {
    "kk": "«Кітапхана аймақтың мәдени потенциалын дамыту жолында»",
    "ru": "Международный форум «Библиотека на пути",
}


def test_a_reader_searches_in_their_language(live_full_demo, walks):
    for walk in walks(live_full_demo.url):
        page, prefix = walk.page, "" if walk.language == "kk" else "/ru"
        page.goto(walk.url("/search/?q=Абай"))
        first = page.locator(".search-hit").first
        expect(first.locator(".search-hit__kind")).to_have_text(PERSON[walk.language])
        expect(first.locator(".search-hit__title")).to_contain_text("Құнанбайұлы")
        links = page.locator(".search-hit__title a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        assert links and all(
            link.startswith("/ru/") if prefix else not link.startswith(("/ru/", "/en/"))
            for link in links
        ), links

        toggle = page.locator(".search-facets__toggle")
        facet = page.locator(".search-facet").first
        if walk.device == "phone":
            # One button above the results; the filters open under it.
            expect(toggle).to_be_visible()
            expect(facet).to_be_hidden()
            assert toggle.bounding_box()["y"] < first.bounding_box()["y"]
            walk.snap("search-known-item")
            toggle.click()
            expect(facet).to_be_visible()
            walk.snap("search-filters-open")
            toggle.click()
        else:
            expect(toggle).to_be_hidden()
            expect(facet).to_be_visible()
            walk.snap("search-known-item")
        assert sideways_scroll(page) == 0

        # The forum is one result, in the reader's language.
        page.goto(walk.url("/search/?q=форум"))
        titles = page.locator(".search-hit__title a").all_inner_texts()
        assert sum(FORUM[walk.language] in title for title in titles) == 1, titles
        assert not any("International forum" in title for title in titles), titles
        walk.snap("search-one-per-translation")
        event = page.locator(".search-hit__title a", has_text=FORUM[walk.language])
        event.click()
        page.wait_for_url(f"**{prefix}/events/**")
        expect(page.locator("html")).to_have_attribute("lang", walk.language)
