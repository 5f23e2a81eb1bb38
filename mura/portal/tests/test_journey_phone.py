"""Journey: a reader browses on a phone. Every section of the main menu is one tap from a
visible control at every width from 320 to 1280 pixels, nothing scrolls sideways and the
header search's placeholder is not cut."""

import re

import pytest
from playwright.sync_api import expect

from mura.conftest import sideways_scroll

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (320, 360, 390, 414, 600, 768), "desktop": (769, 1024, 1280)}
MENU = {"kk": ("Мәзір", "Мекемелер"), "ru": ("Меню", "Учреждения")}

# How much wider the placeholder's text is than the room the search box gives it.
PLACEHOLDER_OVERFLOW = """() => {
  const context = document.createElement("canvas").getContext("2d");
  return Math.max(...[...document.querySelectorAll("input[type=search]")].map(input => {
    const style = getComputedStyle(input);
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width - room;
  }));
}"""


def _links_visible(page) -> bool:
    links = page.locator(".main-nav__list a")
    return links.count() > 4 and all(
        link.is_visible()
        and link.bounding_box()["x"] >= 0
        and link.bounding_box()["x"] + link.bounding_box()["width"]
        <= page.viewport_size["width"]
        for link in links.all()
    )


def test_reader_reaches_every_section_on_a_phone(live_full_demo, walks):
    for walk in walks(live_full_demo.url):
        page = walk.page
        toggle_name, institutions = MENU[walk.language]
        page.goto(walk.url("/"))
        toggle = page.locator(".main-nav__toggle")
        for width in WIDTHS[walk.device]:
            page.set_viewport_size({"width": width, "height": 800})
            assert sideways_scroll(page) == 0, width
            assert page.evaluate(PLACEHOLDER_OVERFLOW) <= 0, width
            if walk.device == "desktop":
                expect(toggle).to_be_hidden()
                assert _links_visible(page), width
            else:
                expect(toggle).to_be_visible()
                expect(toggle).to_have_text(toggle_name)
                expect(page.locator(".main-nav__list")).to_be_hidden()
        if walk.device == "phone":
            page.set_viewport_size({"width": 390, "height": 844})
            walk.snap("phone-menu-closed")
            toggle.click()
            assert _links_visible(page)
            assert sideways_scroll(page) == 0
            walk.snap("phone-menu-open")
        page.locator(".main-nav__list").get_by_role("link", name=institutions).click()
        expect(page).to_have_url(re.compile(r"/institutions/$"))
        expect(page.locator("h1")).to_have_text(institutions)
        assert sideways_scroll(page) == 0
