"""An organiser reads registrations in words, on the event's clock, and exports them so."""

import io
import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from wagtail.models import Locale

from mura.events.models import EventSection, ExtraQuestion, Registration
from mura.events.services import registration_create
from mura.events.tests.factories import make_event, registration_data
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory
from mura.institutions.tests.staff import admin_language

QYZYLORDA = ZoneInfo("Asia/Qyzylorda")


@pytest.fixture
def registered(site_tree):
    institution = InstitutionFactory()
    event = make_event(
        site_tree["home"],
        institution=institution,
        time_zone="Asia/Qyzylorda",
        start=datetime(2030, 10, 14, 10, 0, tzinfo=QYZYLORDA),
    )
    question = ExtraQuestion.objects.create(
        event=event,
        label_kk="Сертификат керек пе?",
        label_ru="Нужен ли сертификат?",
        label_en="Do you need a certificate?",
        kind=ExtraQuestion.Kind.YES_NO,
    )
    section = EventSection.objects.create(
        event=event, title_kk="Шеберлік сағаты", title_ru="Мастер-класс"
    )
    registration = registration_create(
        event=event,
        data=registration_data(1, answers={str(question.pk): "yes"}),
        sections=[section],
    )
    Registration.objects.filter(pk=registration.pk).update(
        created_at=datetime(2030, 9, 1, 9, 30, 15, 123456, tzinfo=QYZYLORDA)
    )
    organiser = admin_language(UserFactory(), "ru")
    membership_grant(user=organiser, institution=institution, role=Role.ORGANISER)
    return {"event": event, "registration": registration, "organiser": organiser}


def test_inspect_view_shows_words_and_the_events_clock(client, registered):
    client.force_login(registered["organiser"])
    page = client.get(
        f"/admin/event_registrations/inspect/{registered['registration'].pk}/"
    ).content.decode()
    assert "<dt>Нужен ли сертификат?</dt><dd>Да</dd>" in page
    assert "Казахстан" in page and "Мастер-класс" in page
    assert "1 сентября 2030 г., 09:30 (Кызылорда, UTC+05:00)" in page
    assert "<dd> None" not in " ".join(page.split()) and "{&#x27;" not in page


def test_xlsx_export_has_headings_answers_sections_and_local_times(client, registered):
    client.force_login(registered["organiser"])
    response = client.get(
        f"/admin/event_registrations/?event={registered['event'].pk}&export=xlsx"
    )
    content = b"".join(response.streaming_content)
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Нужен ли сертификат?"] == "Да"
    assert row["Секции"] == "Мастер-класс"
    assert row["Страна"] == "Казахстан"
    assert row["Статус"] == "Подтверждена"
    assert row["Дата регистрации"] == datetime(2030, 9, 1, 9, 30)  # noqa: DTZ001 a wall-clock cell


def test_dashboard_shows_upcoming_events_against_capacity(client, registered):
    registered["event"].capacity = 40
    registered["event"].save()
    client.force_login(registered["organiser"])
    page = client.get("/admin/").content.decode()
    assert 'data-dashboard="upcoming-events"' in page
    assert "Занято мест: 1 из 40" in page
    assert "14 октября 2030 г., 10:00 (Кызылорда, UTC+05:00)" in page
    assert 'data-dashboard="recent-records"' not in page


def test_check_in_and_overview_sit_in_the_events_menu(client, registered):
    client.force_login(registered["organiser"])
    page = client.get("/admin/").content.decode()
    props = page[page.index('id="wagtail-sidebar-props"') :]
    props = json.loads(props[props.index(">") + 1 : props.index("</script>")])
    main_menu = next(
        module
        for module in props["modules"]
        if module["_type"].endswith("MainMenuModule")
    )
    top_level = [item["_args"][0].get("url") for item in main_menu["_args"][0]]
    events = next(
        item
        for item in main_menu["_args"][0]
        if item["_type"].endswith("SubMenuItem")
        and item["_args"][0]["label"] == "Мероприятия"
    )
    inside = [child["_args"][0]["url"] for child in events["_args"][1]]
    assert {"/admin/events/check-in/", "/admin/events/overview/"} <= set(inside)
    assert "/admin/events/check-in/" not in top_level


def test_the_event_filter_names_events_in_the_admins_language(client, registered):
    event = registered["event"]
    translated = event.copy_for_translation(
        Locale.objects.get(language_code="ru"), copy_parents=True
    )
    translated.title = "Региональный форум библиотекарей"
    translated.save_revision().publish()
    client.force_login(registered["organiser"])
    page = client.get(f"/admin/event_registrations/?event={event.pk}").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Мероприятие: Региональный форум библиотекарей" in text


def test_a_registration_is_named_with_the_events_title_in_the_admins_language(
    client, registered
):
    event, registration = registered["event"], registered["registration"]
    translated = event.copy_for_translation(
        Locale.objects.get(language_code="ru"), copy_parents=True
    )
    translated.title = "Региональный форум библиотекарей"
    translated.save_revision().publish()
    client.force_login(registered["organiser"])
    page = client.get(
        f"/admin/event_registrations/inspect/{registration.pk}/"
    ).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert f"{registration.name} · Региональный форум библиотекарей" in title
    assert event.title not in page
