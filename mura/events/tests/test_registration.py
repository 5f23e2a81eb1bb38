from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from mura.events.models import Registration
from mura.events.services import (
    DuplicateRegistration,
    RegistrationClosed,
    registration_cancel,
    registration_check_in,
    registration_create,
)
from mura.events.tests.factories import (
    SectionFactory,
    make_event,
    registration_data,
    registration_status_counts,
)


@pytest.fixture
def event(site_tree):
    return make_event(site_tree["home"], capacity=2)


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    """registration_create as a request would run it: e-mails go out once the transaction commits."""

    def create(event, number, sections=(), **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return registration_create(
                event=event,
                data=registration_data(number, **overrides),
                sections=sections,
            )

    return create


@pytest.fixture
def cancel(django_capture_on_commit_callbacks):
    def run(registration):
        with django_capture_on_commit_callbacks(execute=True):
            return registration_cancel(registration=registration)

    return run


def test_places_then_waiting_list_in_order(event, register):
    statuses = [register(event, n) for n in range(1, 5)]
    assert [r.status for r in statuses] == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert [r.position_in_queue for r in statuses] == [None, None, 1, 2]


def test_cancelling_promotes_the_first_waiting_and_moves_the_queue(
    event, register, cancel
):
    first, _second, third, fourth = (register(event, n) for n in range(1, 5))
    promoted = cancel(first)
    assert [r.pk for r in promoted] == [third.pk]
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert third.status == "confirmed"
    assert fourth.position_in_queue == 1
    assert registration_status_counts(event) == {
        "confirmed": 2,
        "waitlisted": 1,
        "cancelled": 1,
    }


def test_cancelling_twice_changes_nothing(event, register, cancel):
    first = register(event, 1)
    cancel(first)
    assert cancel(first) == []


def test_unlimited_event_confirms_everyone(site_tree, register):
    event = make_event(site_tree["home"], capacity=None)
    assert {register(event, n).status for n in range(1, 6)} == {"confirmed"}


def test_confirmation_email_has_calendar_qr_and_links(event, register):
    registration = register(event, 1)
    message = mail.outbox[-1]
    assert message.to == ["person1@example.kz"]
    assert registration.token in message.body
    names = [attachment[0] for attachment in message.attachments]
    assert "event.ics" in names and f"{registration.code}.png" in names
    assert "BEGIN:VEVENT" in {a[0]: a[1] for a in message.attachments}["event.ics"]


def test_waiting_list_email_says_so_and_promotion_is_announced(event, register, cancel):
    register(event, 1)
    register(event, 2)
    with translation.override("ru"):
        waiting = register(event, 3)
    assert "листе ожидания" in mail.outbox[-1].subject.lower()
    cancel(Registration.objects.get(email="person1@example.kz"))
    assert mail.outbox[-1].to == [waiting.email]
    assert "освободилось" in mail.outbox[-1].subject.lower()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", "жеке деректерді өңдеуге келісім"),
        ("ru", "согласие на обработку персональных данных"),
    ],
)
def test_missing_consent_is_refused_in_the_readers_language(
    event, language, expected, register
):
    with translation.override(language), pytest.raises(ValidationError) as error:
        register(event, 1, consent=False)
    assert expected in error.value.message_dict["consent"][0].lower()
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "expected"), [("kk", "дұрыс e-mail"), ("ru", "правильный адрес")]
)
def test_invalid_email_is_refused(event, language, expected, register):
    with translation.override(language), pytest.raises(ValidationError) as error:
        register(event, 1, email="not-an-address")
    assert expected in error.value.message_dict["email"][0].lower()
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "expected"), [("kk", "тіркелген"), ("ru", "уже зарегистрирован")]
)
def test_duplicate_email_is_refused_even_with_other_case(
    event, language, expected, register
):
    register(event, 1)
    with translation.override(language), pytest.raises(DuplicateRegistration) as error:
        register(event, 2, email="PERSON1@example.kz")
    assert expected in error.value.message_dict["email"][0].lower()
    assert Registration.objects.count() == 1


def test_cancelled_person_may_register_again(event, register, cancel):
    cancel(register(event, 1))
    assert register(event, 1).status == "confirmed"


@pytest.mark.parametrize(
    ("language", "expected"), [("kk", "орын қалмады"), ("ru", "не осталось мест")]
)
def test_full_section_is_refused_and_nothing_is_stored(
    event, language, expected, register
):
    event.capacity = None
    event.save()
    section = SectionFactory(
        event=event, capacity=1, title_kk="Шеберлік сағаты", title_ru="Мастер-класс"
    )
    register(event, 1, sections=[section])
    with translation.override(language), pytest.raises(ValidationError) as error:
        register(event, 2, sections=[section])
    message = error.value.message_dict["sections"][0]
    assert expected in message.lower()
    assert section.title_kk in message or section.title_ru in message
    assert Registration.objects.count() == 1
    assert section.registrations.count() == 1


def test_section_of_another_event_is_refused(event, site_tree, register):
    other = make_event(site_tree["home"])
    with pytest.raises(ValidationError):
        register(event, 1, sections=[SectionFactory(event=other)])
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "тіркеу жабық"), ("ru", "регистрация на это мероприятие закрыта")],
)
def test_closed_registration_is_refused(site_tree, language, expected, register):
    event = make_event(site_tree["home"], registration_open=False)
    with translation.override(language), pytest.raises(RegistrationClosed) as error:
        register(event, 1)
    assert expected in error.value.messages[0].lower()
    assert Registration.objects.count() == 0


def test_unknown_country_is_refused(event, register):
    with pytest.raises(ValidationError) as error:
        register(event, 1, country="XX")
    assert "country" in error.value.message_dict


def test_promoted_person_keeps_only_sections_with_room(event, register, cancel):
    section = SectionFactory(event=event, capacity=1)
    first, second = register(event, 1), register(event, 2)
    third = register(event, 3, sections=[section])
    fourth = register(event, 4, sections=[section])
    cancel(first)
    cancel(second)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (third.status, fourth.status) == ("confirmed", "confirmed")
    assert list(third.sections.all()) == [section]
    assert list(fourth.sections.all()) == []


def test_check_in_only_for_confirmed(event, register):
    register(event, 1)
    register(event, 2)
    waiting = register(event, 3)
    with pytest.raises(ValidationError):
        registration_check_in(registration=waiting)
    confirmed = Registration.objects.get(email="person1@example.kz")
    assert registration_check_in(registration=confirmed).checked_in_at is not None


def test_registration_deadline_closes_the_form(site_tree, register, client):
    event = make_event(
        site_tree["home"], registration_closes=timezone.now() + timedelta(hours=1)
    )
    assert "Тіркеу" in client.get(event.url).content.decode()
    assert register(event, 1).status == "confirmed"
    event.registration_closes = timezone.now() - timedelta(minutes=1)
    event.save()
    with pytest.raises(RegistrationClosed):
        register(event, 2)
