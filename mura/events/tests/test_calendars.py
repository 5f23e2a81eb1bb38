from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from mura.events.tests.factories import SlotFactory, make_event
from mura.portal.demo import translate_page


def parse(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.fixture
def kyzylorda_event(site_tree):
    start = datetime.combine(
        timezone.localdate() + timedelta(days=10),
        time(10, 0),
        tzinfo=ZoneInfo("Asia/Qyzylorda"),
    )
    return make_event(
        site_tree["home"],
        title="Қызылордадағы кәсіби сессия",
        time_zone="Asia/Qyzylorda",
        start=start,
        end=start + timedelta(hours=6),
    )


def test_event_calendar_carries_the_events_own_zone(client, kyzylorda_event):
    calendar = parse(client.get(f"/events/{kyzylorda_event.slug}/event.ics"))
    [vevent] = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart").tzinfo.key == "Asia/Qyzylorda"
    assert vevent["dtstart"].params["TZID"] == "Asia/Qyzylorda"
    assert vevent.decoded("dtstart").hour == 10
    assert str(vevent["summary"]) == "Қызылордадағы кәсіби сессия"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Qyzylorda"]


def test_2019_kyzylorda_and_2021_almaty_clocks_differ(site_tree, client):
    session = make_event(
        site_tree["home"],
        time_zone="Asia/Qyzylorda",
        start=datetime(2019, 4, 8, 10, tzinfo=ZoneInfo("Asia/Qyzylorda")),
        end=datetime(2019, 4, 8, 16, tzinfo=ZoneInfo("Asia/Qyzylorda")),
    )
    forum = make_event(
        site_tree["home"],
        time_zone="Asia/Almaty",
        start=datetime(2021, 10, 14, 9, tzinfo=ZoneInfo("Asia/Almaty")),
        end=datetime(2021, 10, 15, 17, tzinfo=ZoneInfo("Asia/Almaty")),
    )
    session_start = (
        parse(client.get(f"/events/{session.slug}/event.ics"))
        .walk("VEVENT")[0]
        .decoded("dtstart")
    )
    forum_start = (
        parse(client.get(f"/events/{forum.slug}/event.ics"))
        .walk("VEVENT")[0]
        .decoded("dtstart")
    )
    assert session_start.utcoffset() == timedelta(hours=5)
    assert forum_start.utcoffset() == timedelta(hours=6)
    page = client.get(session.url)
    assert "UTC+05:00" in page.content.decode()


def test_one_slot_calendar(client, kyzylorda_event):
    slot = SlotFactory(
        event=kyzylorda_event,
        day=kyzylorda_event.local_start.date(),
        start_time=time(14, 30),
        end_time=time(16, 0),
        title_kk="Шеберлік сағаты",
    )
    [vevent] = parse(
        client.get(f"/events/{kyzylorda_event.slug}/slots/{slot.pk}.ics")
    ).walk("VEVENT")
    assert vevent.decoded("dtstart") == datetime.combine(
        slot.day, time(14, 30), tzinfo=ZoneInfo("Asia/Qyzylorda")
    )
    assert vevent.decoded("dtend").hour == 16
    assert "Шеберлік сағаты" in str(vevent["summary"])


def test_feed_lists_upcoming_events_in_the_requested_language(
    client, site_tree, kyzylorda_event
):
    past = make_event(
        site_tree["home"],
        title="Өткен форум",
        start=datetime(2021, 10, 14, 9, tzinfo=ZoneInfo("Asia/Almaty")),
    )

    translate_page(
        kyzylorda_event,
        site_tree["locales"]["ru"],
        title="Профессиональная сессия в Кызылорде",
    )
    kk = parse(client.get("/feeds/events.ics"))
    ru = parse(client.get("/feeds/events.ics?lang=ru"))
    assert [str(e["summary"]) for e in kk.walk("VEVENT")] == [
        "Қызылордадағы кәсіби сессия"
    ]
    assert [str(e["summary"]) for e in ru.walk("VEVENT")] == [
        "Профессиональная сессия в Кызылорде"
    ]
    assert past.title not in client.get("/feeds/events.ics").content.decode()
    uids = {str(e["uid"]) for e in kk.walk("VEVENT")} | {
        str(e["uid"]) for e in ru.walk("VEVENT")
    }
    assert len(uids) == 1, "a translation is the same event in a calendar"


def test_slot_calendar_puts_its_room_in_the_readers_language_in_location(
    client, kyzylorda_event, site_tree
):
    kyzylorda_event.venue_name = "Тәжібаев атындағы кітапхана"
    kyzylorda_event.save_revision().publish()
    slot = SlotFactory(
        event=kyzylorda_event,
        day=kyzylorda_event.local_start.date(),
        start_time=time(14, 30),
        end_time=time(16, 0),
        room_kk="Мәжіліс залы",
        room_ru="Зал заседаний",
    )
    ru = translate_page(
        kyzylorda_event,
        site_tree["locales"]["ru"],
        title="Сессия",
    )
    kk_vevent = parse(
        client.get(f"/events/{kyzylorda_event.slug}/slots/{slot.pk}.ics")
    ).walk("VEVENT")[0]
    ru_vevent = parse(client.get(f"{ru.url}slots/{slot.pk}.ics")).walk("VEVENT")[0]
    assert str(kk_vevent["location"]).startswith("Мәжіліс залы, Тәжібаев")
    assert str(ru_vevent["location"]).startswith("Зал заседаний, ")
