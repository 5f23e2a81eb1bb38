"""Journey: follow the calendar. A reader opens the events calendar, lands on an empty
month, follows its pointer to the next event, reads a past programme that no longer
offers "add to calendar", and subscribes to the feed."""

import pytest
import vobject
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WORDS = {
    "kk": {
        "calendar": "Күнтізбе",
        "empty": "Бұл айда іс-шара жоқ.",
        "next": "Келесі іс-шара",
        "go": "Қазан 2021 айына өту",
        "add": "Күнтізбеге қосу",
        "subscribe": "Күнтізбеге жазылу (.ics)",
        "all_months": "Барлық айлар",
    },
    "ru": {
        "calendar": "Календарь",
        "empty": "В этом месяце мероприятий нет.",
        "next": "Ближайшее мероприятие",
        "go": "Перейти: Октябрь 2021",
        "add": "В календарь",
        "subscribe": "Подписаться (.ics)",
        "all_months": "Все месяцы",
    },
}


def test_follow_the_calendar(live_full_demo, walks):
    for walk in walks(live_full_demo.url):
        words, page = WORDS[walk.language], walk.page
        page.goto(walk.url("/events/"))
        month_filter = page.locator("select[name=month]")
        expect(month_filter.locator("option").first).to_have_text(words["all_months"])
        page.get_by_role("link", name=words["calendar"], exact=True).click()
        page.wait_for_url("**/calendar/")
        page.goto(page.url + "?month=2020-06")
        expect(page.get_by_text(words["empty"])).to_be_visible()
        pointer = page.locator(".month__pointer")
        expect(pointer).to_contain_text(words["next"])
        walk.snap("calendar-empty-month")
        pointer.get_by_role("link", name=words["go"]).click()
        expect(page.locator(".month__event").first).to_be_visible()
        walk.snap("calendar-next-month")
        page.locator(".month__list a").first.click()
        expect(page.locator(".timetable")).to_be_visible()
        assert page.get_by_role("link", name=words["add"]).count() == 0
        assert page.locator("a[href$='.ics']").count() == 0
        page.locator(".timetable").scroll_into_view_if_needed()
        walk.snap("calendar-past-programme")
        page.goto(walk.url("/events/"))
        with page.expect_download() as download:
            page.get_by_role("link", name=words["subscribe"]).click()
        content = download.value.path().read_bytes()
        feed = Calendar.from_ical(content)
        by_vobject = vobject.readOne(content.decode())
        starts = {str(e["uid"]): e.decoded("dtstart") for e in feed.walk("VEVENT")}
        assert starts, "the feed holds the upcoming master class"
        for vevent in by_vobject.vevent_list:
            assert vevent.dtstart.value == starts[vevent.uid.value]
            assert (
                vevent.dtstart.value.utcoffset() == starts[vevent.uid.value].utcoffset()
            )
            assert vevent.uid.value.endswith(
                "@" + live_full_demo.url.split("//")[1].split(":")[0]
            )
