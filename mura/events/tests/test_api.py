import json
from datetime import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from mura.events.models import Registration
from mura.events.services import REGISTRATIONS_PER_MINUTE
from mura.events.tests.factories import (
    SectionFactory,
    SlotFactory,
    SpeakerFactory,
    make_event,
    registration_data,
)
from mura.portal.demo import translate_page


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(site_tree):
    event = make_event(site_tree["home"], capacity=1, time_zone="Asia/Qyzylorda")
    section = SectionFactory(event=event, capacity=10, title_kk="Шеберлік сағаты")
    slot = SlotFactory(
        event=event,
        section=section,
        day=event.local_start.date(),
        start_time=time(11, 0),
        end_time=time(12, 0),
    )
    slot.speakers.add(SpeakerFactory(name="М. Нерюева", country="RU"))
    return event


def post(client, event, data, **headers):
    return client.post(
        f"/api/v1/events/{event.pk}/registrations",
        json.dumps(data),
        content_type="application/json",
        **headers,
    )


def test_list_and_detail_follow_the_contract(client, event):
    listing = client.get("/api/v1/events").json()
    assert listing["count"] == 1 and listing["previous"] is None
    item = listing["results"][0]
    for key in (
        "id",
        "url",
        "kind",
        "title",
        "start",
        "end",
        "time_zone",
        "venue",
        "institution",
        "registration_open",
        "capacity",
        "confirmed_count",
        "waitlist_count",
    ):
        assert key in item
    assert item["time_zone"] == "Asia/Qyzylorda" and item["start"].endswith("+05:00")
    assert item["url"].startswith("http://testserver/events/")
    detail = client.get(f"/api/v1/events/{event.pk}").json()
    [day] = detail["programme"]["days"]
    [slot] = day["slots"]
    assert (
        slot["speakers"][0]["name"] == "М. Нерюева"
        and slot["speakers"][0]["country"] == "RU"
    )
    assert detail["programme"]["sections"][0]["capacity"] == 10


def test_titles_and_links_follow_accept_language(client, event, site_tree):
    translate_page(
        event, site_tree["locales"]["ru"], title="Региональный форум библиотекарей"
    )
    [item] = client.get("/api/v1/events", HTTP_ACCEPT_LANGUAGE="ru").json()["results"]
    assert item["id"] == event.pk
    assert item["title"] == "Региональный форум библиотекарей"
    assert "/ru/events/" in item["url"]


def test_unlimited_capacity_is_null(client, site_tree):
    event = make_event(site_tree["home"], capacity=None)
    assert client.get(f"/api/v1/events/{event.pk}").json()["capacity"] is None


def test_register_confirmed_then_waitlisted_with_position(client, event):
    section_id = event.sections.get().pk
    first = post(client, event, registration_data(1, sections=[section_id]))
    assert first.status_code == 201
    assert first.json() == {
        "id": first.json()["id"],
        "status": "confirmed",
        "position": None,
    }
    second = post(client, event, registration_data(2))
    assert (
        second.status_code == 201
        and second.json()["status"] == "waitlisted"
        and second.json()["position"] == 1
    )
    counts = client.get(f"/api/v1/events/{event.pk}").json()
    assert (counts["confirmed_count"], counts["waitlist_count"]) == (1, 1)
    assert list(
        Registration.objects.get(pk=first.json()["id"]).sections.values_list(
            "pk", flat=True
        )
    ) == [section_id]


def test_bad_input_gives_field_errors_in_the_readers_language(client, event):
    response = post(
        client,
        event,
        registration_data(1, email="nope", consent=False),
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 400
    assert "согласие" in response.json()["errors"]["consent"][0]
    response = post(
        client, event, registration_data(1, email="nope"), HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert "правильный адрес" in response.json()["errors"]["email"][0]
    response = post(client, event, {"name": "", "consent": True, "sections": "x"})
    assert response.status_code == 400 and "sections" in response.json()["errors"]
    assert (
        client.post(
            f"/api/v1/events/{event.pk}/registrations",
            "{",
            content_type="application/json",
        ).status_code
        == 400
    )
    assert Registration.objects.count() == 0


def test_duplicate_email_is_409(client, event):
    assert post(client, event, registration_data(1)).status_code == 201
    response = post(client, event, registration_data(1), HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 409
    assert "тіркелген" in response.json()["detail"]


def test_closed_registration_is_403(client, site_tree):
    event = make_event(site_tree["home"], registration_open=False)
    response = post(client, event, registration_data(1), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 403
    assert "закрыта" in response.json()["detail"]


def test_section_of_another_event_is_400(client, event, site_tree):
    other = SectionFactory(event=make_event(site_tree["home"]))
    assert (
        post(client, event, registration_data(1, sections=[other.pk])).status_code
        == 400
    )


def test_a_door_queue_passes_but_a_flood_is_limited(client, event):
    for _attempt in range(REGISTRATIONS_PER_MINUTE):
        assert post(client, event, {"consent": True}).status_code == 400
    assert post(client, event, registration_data(1)).status_code == 429
    assert (
        post(client, event, registration_data(1), REMOTE_ADDR="10.0.0.2").status_code
        == 201
    )


@override_settings(MURA_RATELIMITS=False)
def test_limits_can_be_switched_off_for_load_tests(client, event):
    for _attempt in range(REGISTRATIONS_PER_MINUTE + 5):
        post(client, event, {"consent": True})
    assert post(client, event, registration_data(1)).status_code == 201
