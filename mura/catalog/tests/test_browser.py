"""An item page of every kind opens in Kazakh and Russian in a real browser, without errors,
and fits a phone screen."""

import pytest
from playwright.sync_api import expect

from mura.catalog.choices import Kind
from mura.catalog.models import Resource
from mura.conftest import keep_screenshot, load_demo, sideways_scroll

pytestmark = pytest.mark.browser

HEADINGS = {"kk": "Сипаттама", "ru": "Описание"}


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_item_page_of_every_kind(
    live_demo, browser_page, screenshot_dir, settings, tmp_path, language
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ROOT_URLCONF = "mura.catalog.tests.urls_media"
    load_demo("catalog")
    prefix = "" if language == "kk" else f"/{language}"
    for kind in Kind.values:
        browser_page.set_viewport_size({"width": 1100, "height": 820})
        resource = Resource.objects.public().filter(kind=kind).order_by("pk").first()
        browser_page.goto(
            f"{live_demo.url}{prefix}/catalog/items/{resource.public_id}/"
        )
        assert browser_page.locator("h1").inner_text() == resource.title
        assert browser_page.locator("html").get_attribute("lang") == language
        expect(
            browser_page.get_by_role("heading", name=HEADINGS[language], exact=True)
        ).to_be_visible()
        for image in browser_page.locator(".record__figure img").all():
            assert image.evaluate("img => img.complete && img.naturalWidth > 0"), (
                "image did not load"
            )
        path = screenshot_dir / f"catalog-{kind}-{language}.png"
        keep_screenshot(browser_page, path)
        browser_page.set_viewport_size({"width": 390, "height": 844})
        assert sideways_scroll(browser_page) == 0, f"{kind} is wider than a phone"


def test_browse_facets_work_without_javascript(
    live_demo, browser_page, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo("catalog")
    browser_page.goto(f"{live_demo.url}/catalog/")
    browser_page.locator(".facet__list a", has_text="Мұрағат қоры").click()
    browser_page.wait_for_url("**/catalog/?*kind=fonds*")
    first = browser_page.locator(".record-row__title a").first
    first.click()
    expect(
        browser_page.get_by_role("heading", name="Осы сипаттаманың құрамы")
    ).to_be_visible()
