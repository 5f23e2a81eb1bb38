"""What a registered person keeps: the e-mail (chosen sections with their times, values in
words, a calendar file for the chosen slots), the confirmation page, and the link sent again
when they register twice."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone, translation
from icalendar import Calendar

from mura.events.choices import SessionKind
from mura.events.models import ExtraQuestion, Registration
from mura.events.services import registration_create
from mura.events.tests.factories import (
    SectionFactory,
    SlotFactory,
    make_event,
    registration_data,
)

ZONE = "Asia/Qyzylorda"


@pytest.fixture
def event(site_tree):
    """An event in Qyzylorda's zone with a master class held in two slots, a section
    nobody chooses and a yes-or-no question."""
    start = datetime.combine(
        timezone.localdate() + timedelta(days=10), time(10, 0), tzinfo=ZoneInfo(ZONE)
    )
    event = make_event(site_tree["home"], start=start, time_zone=ZONE)
    master_class = SectionFactory(
        event=event,
        kind=SessionKind.MASTER_CLASS,
        title_kk="Кітаптарды сканерлеу",
        title_ru="Сканирование книг",
        room_kk="Зертхана",
    )
    SectionFactory(event=event, title_kk="Пленарлық бөлім", title_ru="Пленарная часть")
    for start_time, end_time in (
        (time(12, 0), time(14, 0)),
        (time(15, 0), time(16, 30)),
    ):
        SlotFactory(
            event=event,
            section=master_class,
            day=start.date(),
            start_time=start_time,
            end_time=end_time,
        )
    question = ExtraQuestion.objects.create(
        event=event,
        label_kk="Сертификат қажет пе?",
        label_ru="Нужен ли сертификат?",
        kind=ExtraQuestion.Kind.YES_NO,
    )
    event.master_class = master_class
    event.question = question
    return event


def register(event, language: str, capture, sections=(), number: int = 1):
    with translation.override(language), capture(execute=True):
        return registration_create(
            event=event,
            data=registration_data(
                number, answers={f"question_{event.question.pk}": "yes"}
            ),
            sections=sections,
        )


def calendar_of(message) -> Calendar:
    ics = {name: content for name, content, _ in message.attachments}["event.ics"]
    return Calendar.from_ical(ics)


@pytest.mark.parametrize(
    ("language", "section", "participation", "yes"),
    [
        ("kk", "Кітаптарды сканерлеу", "Бетпе-бет", "Иә"),
        ("ru", "Сканирование книг", "Очно", "Да"),
    ],
)
def test_the_email_lists_the_chosen_sections_and_answers_in_words(
    event, django_capture_on_commit_callbacks, language, section, participation, yes
):
    registration = register(
        event, language, django_capture_on_commit_callbacks, [event.master_class]
    )
    message = mail.outbox[-1]
    html = message.alternatives[0][0]
    for text in (message.body, html):
        assert section in text
        assert "12:00–14:00" in text and "15:00–16:30" in text
        assert "Зертхана" in text
        assert participation in text
        assert yes in text
        assert "yes" not in text.replace(registration.token, "")
    assert "Пленар" not in message.body, "only the chosen sections are listed"


def test_the_calendar_file_holds_the_chosen_slots_on_the_events_clock(
    event, django_capture_on_commit_callbacks
):
    register(event, "kk", django_capture_on_commit_callbacks, [event.master_class])
    events = calendar_of(mail.outbox[-1]).walk("VEVENT")
    times = sorted(
        (vevent.decoded("dtstart"), vevent.decoded("dtend")) for vevent in events
    )
    day = event.local_start.date()
    zone = ZoneInfo(ZONE)
    assert times == [
        (
            datetime.combine(day, time(12, 0), tzinfo=zone),
            datetime.combine(day, time(14, 0), tzinfo=zone),
        ),
        (
            datetime.combine(day, time(15, 0), tzinfo=zone),
            datetime.combine(day, time(16, 30), tzinfo=zone),
        ),
    ]
    assert all(str(vevent["dtstart"].params["TZID"]) == ZONE for vevent in events)
    assert all(event.title in str(vevent["summary"]) for vevent in events)


def test_without_sections_the_calendar_file_holds_the_event_in_its_zone(
    event, django_capture_on_commit_callbacks
):
    register(event, "ru", django_capture_on_commit_callbacks)
    (vevent,) = calendar_of(mail.outbox[-1]).walk("VEVENT")
    assert vevent.decoded("dtstart") == event.local_start
    assert vevent.decoded("dtend") == event.local_end
    assert str(vevent["dtstart"].params["TZID"]) == ZONE
    assert "Сканирование" not in mail.outbox[-1].body


def test_the_confirmation_page_shows_answers_in_words(
    event, django_capture_on_commit_callbacks, client
):
    registration = register(
        event, "kk", django_capture_on_commit_callbacks, [event.master_class]
    )
    path = event.url + event.reverse_subpage(
        "registration_view", args=(registration.token,)
    )
    html = client.get(path).content.decode()
    assert "<dt>Сертификат қажет пе?</dt><dd>Иә</dd>" in html
    assert "<dd>Бетпе-бет</dd>" in html
    assert "<dd>Кітаптарды сканерлеу</dd>" in html
    assert ">yes<" not in html


def post_registration(client, event, **overrides):
    data = {
        "name": "Әлия Сәрсенова",
        "organisation": "Облыстық кітапхана",
        "country": "KZ",
        "email": "aliya@example.kz",
        "participation": "in-person",
        "consent": "on",
        f"question_{event.question.pk}": "no",
    }
    data.update(overrides)
    return client.post(event.url + "register/", data)


def test_a_second_registration_offers_to_send_the_link_again(
    event, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_registration(client, event)
    (registration,) = Registration.objects.all()
    with django_capture_on_commit_callbacks(execute=True):
        answer = post_registration(client, event, email="Aliya@Example.kz")
    html = answer.content.decode()
    assert "Бұл e-mail мекенжайы осы іс-шараға тіркелген." in html
    assert 'formaction="' + event.url + 'register/resend/"' in html
    assert 'href="#id_email"' in html, "the summary links to the field in error"
    assert Registration.objects.count() == 1

    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            event.url + "register/resend/", {"email": "aliya@example.kz"}, follow=True
        )
    assert "Тіркеуіңіздің сілтемесін aliya@example.kz мекенжайына жібердік." in (
        answer.content.decode()
    )
    assert len(mail.outbox) == sent + 1
    assert registration.token in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["aliya@example.kz"]

    # Asked again at once, or for an address that is not registered: the same answer, no mail.
    for email in ("aliya@example.kz", "stranger@example.kz"):
        with django_capture_on_commit_callbacks(execute=True):
            answer = client.post(
                event.url + "register/resend/", {"email": email}, follow=True
            )
        assert f"сілтемесін {email} мекенжайына жібердік" in answer.content.decode()
    assert len(mail.outbox) == sent + 1


def test_the_error_summary_names_every_field_in_error(event, client):
    html = post_registration(
        client, event, name="", email="not-an-address", consent=""
    ).content.decode()
    summary = html.split('class="message message--error form__summary"')[1].split(
        "</div>"
    )[0]
    assert 'href="#id_name"' in summary and "Аты-жөні" in summary
    assert 'href="#id_email"' in summary
    assert 'href="#id_consent"' in summary
    assert '<form class="form" method="post" novalidate>' in html
