import json
import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from wagtail.models import Locale

from mura.events.choices import EventKind
from mura.events.models import ExtraQuestion, Registration
from mura.events.tests.factories import (
    SectionFactory,
    SlotFactory,
    SpeakerFactory,
    make_event,
    registration_data,
)
from mura.institutions.tests.factories import InstitutionFactory
from mura.portal.demo import translate_page

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture
def events(site_tree):
    home = site_tree["home"]
    library = InstitutionFactory(slug="toraighyrov-library")
    return {
        "forum": make_event(
            home,
            title="Халықаралық форум",
            kind=EventKind.FORUM,
            institution=library,
            start=datetime(2021, 10, 14, 9, tzinfo=ALMATY),
            end=datetime(2021, 10, 15, 17, tzinfo=ALMATY),
            registration_open=False,
        ),
        "session": make_event(
            home,
            title="Кәсіби сессия",
            kind=EventKind.PROFESSIONAL_SESSION,
            time_zone="Asia/Qyzylorda",
            start=datetime(2019, 4, 8, 10, tzinfo=ZoneInfo("Asia/Qyzylorda")),
            end=datetime(2019, 4, 8, 16, tzinfo=ZoneInfo("Asia/Qyzylorda")),
            registration_open=False,
        ),
        "seminar": make_event(
            home, title="Алдағы семинар", kind=EventKind.SEMINAR, capacity=1
        ),
    }


def test_index_lists_upcoming_and_past_and_appears_in_the_menu(client, events):
    html = client.get("/events/").content.decode()
    upcoming, past = html.split('id="past-heading"')
    assert "Алдағы семинар" in upcoming and "Халықаралық форум" not in upcoming
    assert past.index("Халықаралық форум") < past.index("Кәсіби сессия"), (
        "past events: newest first"
    )
    assert 'href="/events/"' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("kind=forum", "Халықаралық форум", "Кәсіби сессия"),
        ("institution=toraighyrov-library", "Халықаралық форум", "Алдағы семинар"),
        ("month=2019-04", "Кәсіби сессия", "Халықаралық форум"),
        ("audience=children", None, "Халықаралық форум"),
    ],
)
def test_index_filters(client, events, query, shown, hidden):
    html = client.get(f"/events/?{query}").content.decode()
    titles = re.findall(r'<h3 class="card__title"><a [^>]*>([^<]+)</a>', html)
    if shown:
        assert shown in titles
    assert hidden not in titles


def test_bad_month_filter_is_explained(client, events):
    html = client.get("/events/?month=octobre").content.decode()
    assert "Айды тізімнен таңдаңыз." in html


def test_month_calendar_shows_both_forum_days_without_javascript(client, events):
    html = client.get("/events/calendar/?month=2021-10").content.decode()
    assert "Қазан 2021" in html
    cells = re.findall(
        r'<td class="month__day[^"]*">\s*<span class="month__date">(\d+)</span>(.*?)</td>',
        html,
        re.S,
    )
    busy = [day for day, content in cells if "Халықаралық форум" in content]
    assert busy == ["14", "15"]
    assert 'href="?month=2021-09"' in html and 'href="?month=2021-11"' in html


def test_event_page_shows_times_in_the_events_zone_with_programme_and_json_ld(
    client, events
):
    session = events["session"]
    section = SectionFactory(
        event=session, title_kk="Open space", room_kk="Мәжіліс залы"
    )
    slot = SlotFactory(
        event=session,
        section=section,
        day=date(2019, 4, 8),
        start_time=time(11, 0),
        end_time=time(12, 30),
        title_kk="Сессияның ашылуы",
    )
    slot.speakers.add(SpeakerFactory(name="К. Ақтаева"))
    html = client.get(session.url).content.decode()
    assert "8 сәуір 2019 ж., 10:00–16:00" in html
    assert "(Қызылорда, UTC+05:00)" in html and "Asia/" not in html
    assert (
        "Сессияның ашылуы" in html and "К. Ақтаева" in html and "Мәжіліс залы" in html
    )
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2019-04-08T10:00:00+05:00"
    assert data["location"]["address"] == session.venue_address


def test_printable_programme(client, events):
    forum = events["forum"]
    SlotFactory(event=forum, day=date(2021, 10, 14), title_kk="Пленарлық отырыс")
    SlotFactory(event=forum, day=date(2021, 10, 15), title_kk="Әдеби кездесу")
    html = client.get(forum.url + "programme/").content.decode()
    assert "1-күн" in html and "2-күн" in html
    assert html.index("Пленарлық отырыс") < html.index("Әдеби кездесу")


def test_registration_form_round_trip_with_view_and_cancel_link(client, events):
    seminar = events["seminar"]
    question = ExtraQuestion.objects.create(
        event=seminar,
        label_kk="Сертификат қажет пе?",
        kind=ExtraQuestion.Kind.YES_NO,
        required=True,
    )
    form_url = seminar.url + "register/"
    form = client.get(form_url).content.decode()
    assert "Дербес деректер және оларды қорғау туралы" in form
    data = {
        **registration_data(1),
        "consent": "on",
        "participation": "in-person",
        f"question_{question.pk}": "yes",
    }
    response = client.post(form_url, data)
    registration = Registration.objects.get()
    assert response.status_code == 302 and registration.token in response["Location"]
    assert registration.answers == {str(question.pk): "yes"}
    page = client.get(response["Location"]).content.decode()
    assert "Расталды" in page and registration.code in page and "<svg" in page
    cancel_url = response["Location"] + "cancel/"
    assert client.post(cancel_url).status_code == 302
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert client.get(seminar.url + "registration/" + "x" * 32 + "/").status_code == 404


def test_second_person_lands_on_the_waiting_list(
    client, events, django_capture_on_commit_callbacks
):
    seminar = events["seminar"]
    for number in (1, 2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                seminar.url + "register/",
                {
                    **registration_data(number),
                    "consent": "on",
                    "participation": "in-person",
                },
            )
    page = client.get(
        Registration.objects.get(email="person2@example.kz").token.join(
            [seminar.url + "registration/", "/"]
        )
    )
    assert "Күту тізімінде, кезек нөмірі 1" in page.content.decode()
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("prefix", "missing_consent", "full_section"),
    [
        ("", "жеке деректерді өңдеуге келісім", "орын қалмады"),
        ("/ru", "согласие на обработку", "мест не осталось"),
    ],
)
def test_form_errors_in_the_readers_language_store_nothing(
    client, events, prefix, missing_consent, full_section
):
    seminar = events["seminar"]
    seminar.capacity = None
    seminar.save()
    translate_page(seminar, Locale.objects.get(language_code="ru"), title="Семинар")
    section = SectionFactory(event=seminar, capacity=1)
    url = f"{prefix}/events/{seminar.slug}/register/"
    Registration.objects.create(
        event=seminar,
        name="X",
        email="x@example.kz",
        organisation="Y",
        country="KZ",
        consent_at=seminar.start,
    )
    section.registrations.add(Registration.objects.get())
    without_consent = {
        key: value for key, value in registration_data(2).items() if key != "consent"
    }
    response = client.post(url, {**without_consent, "participation": "in-person"})
    assert missing_consent in response.content.decode().lower()
    response = client.post(
        url,
        {
            **registration_data(2),
            "consent": "on",
            "participation": "in-person",
            "sections": [section.pk],
        },
    )
    assert full_section in response.content.decode().lower()
    assert Registration.objects.count() == 1


def test_closed_event_offers_no_form(client, events):
    html = client.get(events["forum"].url + "register/").content.decode()
    assert "Бұл іс-шараға тіркеу жабық." in html and '<form class="form"' not in html


def test_home_page_shows_upcoming_events(client, events):
    html = client.get("/").content.decode()
    assert (
        "Алдағы іс-шаралар" in html
        and "Алдағы семинар" in html
        and "Халықаралық форум" not in html
    )


def test_russian_pages_have_no_english_left(client, events):
    ru_forum = translate_page(
        events["forum"],
        Locale.objects.get(language_code="ru"),
        title="Международный форум",
    )
    html = client.get(ru_forum.url).content.decode()
    for english in (
        "Programme",
        "Registration",
        "Add to calendar",
        "The event is over",
        "When",
        "Where",
    ):
        assert f">{english}" not in html, english
    assert "Мероприятие завершилось." in html
