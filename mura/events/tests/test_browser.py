"""The programme and the registration form in headless Chromium, on desktop and phone widths."""

import pytest
from playwright.sync_api import expect

from mura.conftest import keep_screenshot, load_demo, sideways_scroll

WIDTHS = {"desktop": 1280, "mobile": 390}
FORUM = "/events/international-forum-toraighyrov-library-125/"

pytestmark = pytest.mark.browser


@pytest.fixture
def live_events(live_demo):
    load_demo("events")
    return live_demo


def parallel_boxes(page):
    """The three items of the forum's first day that start at 12:00 (two sections and a master class)."""
    row = (
        page.locator(".timetable__row")
        .filter(has=page.locator("time", has_text="12:00"))
        .first
    )
    return [slot.bounding_box() for slot in row.locator(".slot").all()]


@pytest.mark.parametrize("device", WIDTHS)
def test_timetable_side_by_side_on_desktop_stacked_on_phone(
    live_events, browser_page, screenshot_dir, device
):
    page = browser_page
    page.set_viewport_size({"width": WIDTHS[device], "height": 900})
    page.goto(live_events.url + FORUM)
    expect(page.get_by_role("heading", name="Бағдарлама")).to_be_visible()
    expect(
        page.get_by_text("14 қазан 2021 ж., 09:00 – 15 қазан 2021 ж., 17:00").first
    ).to_be_visible()
    boxes = parallel_boxes(page)
    assert len(boxes) == 3
    if device == "desktop":
        assert len({round(box["y"]) for box in boxes}) == 1, (
            "parallel items share a row"
        )
        assert len({round(box["x"]) for box in boxes}) == 3
    else:
        assert len({round(box["x"]) for box in boxes}) == 1, "on a phone they stack"
        assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    assert sideways_scroll(page) == 0
    page.get_by_role("link", name="2-күн").first.click()
    assert page.url.endswith("#day-2")
    page.locator(".timetable__row").nth(3).evaluate("row => row.scrollIntoView()")
    keep_screenshot(page, screenshot_dir / f"events-timetable-{device}.png")
    if device == "desktop":
        # The printable programme: same timetable, without the site's chrome.
        page.get_by_role("link", name="Бағдарламаны басып шығару").click()
        page.emulate_media(media="print")
        expect(page.locator(".site-header")).to_be_hidden()
        expect(page.get_by_role("button", name="Басып шығару")).to_be_hidden()
        expect(
            page.get_by_text("Сұлтанмахмұт Торайғыров мұрасы: әдеби кеш")
        ).to_be_visible()
        keep_screenshot(page, screenshot_dir / "events-programme-print.png")


def test_register_on_a_phone_in_russian(live_events, browser_page, screenshot_dir):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_events.url + "/ru/events/")
    page.get_by_role(
        "link", name="Оцифровка краеведческих фондов: семинар и мастер-классы"
    ).first.click()
    page.get_by_role("link", name="Зарегистрироваться").first.click()
    page.get_by_label("Фамилия и имя").fill("Ольга Смирнова")
    page.get_by_label("Организация").fill(
        "Новосибирская государственная областная научная библиотека"
    )
    page.get_by_label("Страна").select_option("RU")
    page.get_by_label("Регион или город").fill("Новосибирск")
    page.get_by_label("E-mail").fill("olga@example.ru")
    page.get_by_role("button", name="Зарегистрироваться").click()
    expect(
        page.get_by_text(
            "Для регистрации нужно ваше согласие на обработку персональных данных."
        ).first
    ).to_be_visible()
    assert page.get_by_label("Фамилия и имя").input_value() == "Ольга Смирнова", (
        "the form keeps what was typed"
    )
    page.get_by_text("Мастер-класс: сканирование книг и документов").click()
    page.get_by_label("Нужен ли вам сертификат участника?").select_option("yes")
    page.locator("#id_consent").check()
    keep_screenshot(
        page, screenshot_dir / "events-register-ru-mobile.png", full_page=True
    )
    page.get_by_role("button", name="Зарегистрироваться").click()
    expect(page.get_by_text("Подтверждена").first).to_be_visible()
    expect(page.locator(".registration__qr svg")).to_be_visible()
