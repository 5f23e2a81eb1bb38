"""The foundation as a reader meets it, in headless Chromium, on desktop and phone widths."""

import pytest
from playwright.sync_api import expect

from mura.conftest import keep_screenshot, sideways_scroll

WIDTHS = {"desktop": 1280, "mobile": 390}

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("device", WIDTHS)
def test_reader_switches_language_and_opens_institution_and_article(
    live_demo, browser_page, screenshot_dir, device
):
    page = browser_page
    page.set_viewport_size({"width": WIDTHS[device], "height": 900})
    page.goto(live_demo.url + "/")
    assert page.locator("html").get_attribute("lang") == "kk"
    expect(page.get_by_role("heading", name="Соңғы жаңалықтар")).to_be_visible()
    if device == "desktop":
        keep_screenshot(page, screenshot_dir / "home-kk.png", full_page=True)

    page.get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/")
    assert page.locator("html").get_attribute("lang") == "ru"
    expect(page.get_by_role("heading", name="Последние новости")).to_be_visible()
    if device == "desktop":
        keep_screenshot(page, screenshot_dir / "home-ru.png", full_page=True)

    page.get_by_role("link", name="Қазақша").click()
    page.wait_for_url(live_demo.url + "/")
    assert page.locator("html").get_attribute("lang") == "kk"

    if device == "mobile":  # on a phone the sections are behind the menu button
        page.locator(".main-nav__toggle").click()
    page.get_by_role("navigation", name="Негізгі мәзір").get_by_role(
        "link", name="Мекемелер"
    ).click()
    page.get_by_role(
        "link", name="Ә.Тәжібаев атындағы Қызылорда облыстық ғылыми әмбебап кітапханасы"
    ).click()
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .startswith("Ә.Тәжібаев атындағы")
    )
    expect(page.get_by_text("Қызылорда қ., Әйтеке би к-сі, 20")).to_be_visible()

    page.get_by_role(
        "link",
        name="«ЕЛБАСЫ КІТАПХАНАСЫНЫҢ АҚПАРАТТЫҚ РЕСУРСТАРЫ» АЙМАҚТЫҚ КӘСІБИ СЕССИЯСЫ ӨТТІ",
    ).first.click()
    expect(page.get_by_text("08 сәуір 2019 ж. 16:32").first).to_be_visible()
    if device == "mobile":
        keep_screenshot(page, screenshot_dir / "article-kk-mobile.png")

    # the page never overflows the phone's width
    assert sideways_scroll(page) == 0
