"""The calendar as a reader follows it: an empty month points onwards, the month filter
speaks the reader's language, and what is over offers no "add to calendar"."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.models import Locale

from mura.events.models import Registration
from mura.events.tests.factories import SlotFactory, make_event
from mura.portal.demo import translate_page

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture
def forum(site_tree):
    return make_event(
        site_tree["home"],
        title="Халықаралық форум",
        start=datetime(2021, 10, 14, 9, tzinfo=ALMATY),
        end=datetime(2021, 10, 15, 17, tzinfo=ALMATY),
    )


def test_empty_month_points_to_the_next_event(client, forum, site_tree):
    later = make_event(
        site_tree["home"],
        title="Алдағы семинар",
        start=datetime.combine(
            timezone.localdate() + timedelta(days=70), time(10), ALMATY
        ),
    )
    html = client.get("/events/calendar/?month=2022-03").content.decode()
    pointer = html.split('class="month__pointer"')[1]
    assert "Келесі іс-шара" in pointer and "Алдағы семинар" in pointer
    assert f'href="?month={later.local_start:%Y-%m}"' in pointer
    assert "Халықаралық форум" not in pointer


def test_empty_month_with_nothing_ahead_points_back(client, forum):
    translate_page(forum, Locale.objects.get(language_code="ru"), title="Форум")
    html = client.get("/ru/events/calendar/?month=2030-01").content.decode()
    pointer = html.split('class="month__pointer"')[1]
    assert "Последнее мероприятие" in pointer
    assert 'href="?month=2021-10"' in pointer and "Перейти: Октябрь 2021" in pointer


def test_month_filter_names_months_in_the_readers_language(client, forum):
    translate_page(forum, Locale.objects.get(language_code="ru"), title="Форум")
    for path, everything, october in (
        ("/events/", "Барлық айлар", "Қазан 2021"),
        ("/ru/events/", "Все месяцы", "Октябрь 2021"),
    ):
        html = client.get(path).content.decode()
        select = re.search(r'<select name="month"[^>]*>(.*?)</select>', html, re.S)
        assert select, "the month filter is a list, not a bare month input"
        assert f'<option value="" selected>{everything}</option>' in select[1]
        assert f'<option value="2021-10">{october}</option>' in select[1]
        assert "----" not in select[1]


def morning_slot(event) -> None:
    SlotFactory(
        event=event,
        day=event.local_start.date(),
        start_time=time(10),
        end_time=time(11),
    )


def test_past_programme_offers_no_calendar_file(client, forum, site_tree):
    morning_slot(forum)
    html = client.get(forum.url).content.decode()
    assert "/event.ics" not in html
    assert ".ics" not in html.split('class="timetable"')[1]
    upcoming = make_event(site_tree["home"], title="Алдағы семинар")
    morning_slot(upcoming)
    html = client.get(upcoming.url).content.decode()
    assert f"/events/{upcoming.slug}/event.ics" in html
    assert f"/events/{upcoming.slug}/slots/" in html


def test_a_past_events_registration_page_offers_no_calendar_file(client, forum):
    registration = Registration.objects.create(
        event=forum,
        name="Алтынгүл Дәлелқызы",
        email="altyngul@example.mn",
        country="MN",
        consent_at=forum.start - timedelta(days=10),
    )
    html = client.get(f"{forum.url}registration/{registration.token}/").content.decode()
    assert "Алтынгүл Дәлелқызы" in html
    assert ".ics" not in html
