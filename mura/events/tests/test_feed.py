"""The events feed and the .ics files as two calendar parsers read them: icalendar and
vobject (which Radicale uses). Every start must be the event's real start in its zone."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.utils import timezone
from icalendar import Calendar

from mura.events.tests.factories import SlotFactory, make_event

ALMATY = ZoneInfo("Asia/Almaty")
QYZYLORDA = ZoneInfo("Asia/Qyzylorda")


def starts(content: bytes) -> dict[str, tuple[datetime, datetime]]:
    """Each VEVENT's UID with its start as icalendar and as vobject read it."""
    by_icalendar = {
        str(vevent["uid"]): vevent.decoded("dtstart")
        for vevent in Calendar.from_ical(content).walk("VEVENT")
    }
    by_vobject = {
        vevent.uid.value: vevent.dtstart.value
        for vevent in vobject.readOne(content.decode()).vevent_list
    }
    assert by_icalendar.keys() == by_vobject.keys()
    return {uid: (by_icalendar[uid], by_vobject[uid]) for uid in by_icalendar}


def same_moment(read: datetime, real: datetime) -> bool:
    """The same instant and the same wall clock (an hour off fails either way)."""
    return read == real and read.utcoffset() == real.utcoffset()


@pytest.fixture
def events(site_tree):
    """Events in both Kazakh zones across Almaty's 2024 move to UTC+5."""
    today = timezone.localdate()
    home = site_tree["home"]
    moments = {
        "recent": datetime.combine(today - timedelta(days=200), time(10), ALMATY),
        "soon": datetime.combine(today + timedelta(days=20), time(10), QYZYLORDA),
        "2027": datetime(2027, 10, 14, 9, tzinfo=ALMATY),
        "2027-qyzylorda": datetime(2027, 4, 8, 10, tzinfo=QYZYLORDA),
        "old": datetime.combine(today - timedelta(days=800), time(10), ALMATY),
    }
    return {
        name: make_event(home, title=name, start=start, time_zone=start.tzinfo.key)
        for name, start in moments.items()
    }


def test_feed_keeps_the_last_year_and_reads_right_in_both_parsers(client, events):
    content = client.get("/feeds/events.ics").content
    read = starts(content)
    expected = {
        f"event-{events[name].pk}@testserver": events[name].local_start
        for name in ("recent", "soon", "2027", "2027-qyzylorda")
    }
    assert read.keys() == expected.keys(), "a year of history and what is ahead"
    for uid, (by_icalendar, by_vobject) in read.items():
        assert same_moment(by_icalendar, expected[uid]), uid
        assert same_moment(by_vobject, expected[uid]), uid


def test_uid_names_the_sites_host(client, settings, events):
    settings.ALLOWED_HOSTS = ["kitaphana.example.kz"]
    event = events["soon"]
    content = client.get(
        f"/events/{event.slug}/event.ics", HTTP_HOST="kitaphana.example.kz"
    ).content
    assert list(starts(content)) == [f"event-{event.pk}@kitaphana.example.kz"]
    assert b"@mura" not in content


def test_event_and_slot_files_read_right_in_both_parsers(client, events):
    event = events["2027-qyzylorda"]
    slot = SlotFactory(
        event=event,
        day=event.local_start.date(),
        start_time=time(14, 30),
        end_time=time(16),
    )
    [(by_icalendar, by_vobject)] = starts(
        client.get(f"/events/{event.slug}/event.ics").content
    ).values()
    assert same_moment(by_icalendar, event.local_start)
    assert same_moment(by_vobject, event.local_start)
    real = datetime.combine(slot.day, time(14, 30), QYZYLORDA)
    [(by_icalendar, by_vobject)] = starts(
        client.get(f"/events/{event.slug}/slots/{slot.pk}.ics").content
    ).values()
    assert same_moment(by_icalendar, real)
    assert same_moment(by_vobject, real)
