"""The clicks that matter on the search page, in a real browser."""

import pytest

from mura.conftest import keep_screenshot, sideways_scroll


@pytest.mark.django_db(transaction=True)
def test_suggestions_then_results_then_a_facet(live_demo, browser_page, screenshot_dir):
    page = browser_page
    page.goto(f"{live_demo.url}/search/")
    page.fill("#search-q", "kitap")
    suggestion = page.locator("#search-suggestions li").first
    suggestion.wait_for()
    assert "кітапхана" in suggestion.inner_text().lower()
    page.keyboard.press("Escape")
    page.click(".search-box button[type=submit]")
    page.wait_for_selector(".search-hit")
    assert page.locator(".search-hit mark").count() > 0
    page.locator(".search-facet input[name=kind][value=news]").check()
    page.wait_for_url("**kind=news**")
    assert page.locator(".search-facet input[name=kind][value=news]").is_checked()
    keep_screenshot(page, screenshot_dir / "search-results-kk.png")


@pytest.mark.django_db(transaction=True)
def test_results_fit_a_phone_screen(live_demo, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/search/?q=кітапхана", "/ru/search/?q=кітапхана"):
        page.goto(f"{live_demo.url}{path}")
        page.wait_for_selector(".search-hit")
        assert sideways_scroll(page) == 0, path
