"""More places, however they come, go to the waiting list in order."""

import pytest
from django.core import mail
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from mura.events.models import Registration
from mura.events.services import registration_create
from mura.events.tests.factories import make_event, registration_data
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory


@pytest.fixture
def full_forum(site_tree, django_capture_on_commit_callbacks):
    """Two places, two confirmed and three people waiting."""
    event = make_event(site_tree["home"], institution=InstitutionFactory(), capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(1, 6):
            registration_create(
                event=event, data=registration_data(number), sections=[]
            )
    mail.outbox.clear()
    return event


@pytest.fixture
def organiser(client, full_forum):
    user = UserFactory()
    membership_grant(user=user, institution=full_forum.institution, role=Role.ORGANISER)
    client.force_login(user)
    return client


def _publish(client, event, *, capacity, callbacks) -> None:
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "institution": event.institution_id,
            "kind": event.kind,
            "attendance": event.attendance,
            "audience": event.audience,
            "start": event.local_start.strftime("%Y-%m-%d %H:%M"),
            "end": event.local_end.strftime("%Y-%m-%d %H:%M"),
            "time_zone": event.time_zone,
            "languages": ["kk", "ru"],
            "description": rich_text("<p>Сипаттама</p>"),
            "capacity": "" if capacity is None else capacity,
            "registration_open": "on",
            "reports": inline_formset([]),
            "photos": inline_formset([]),
            "materials": inline_formset([]),
            "action-publish": "publish",
        }
    )
    with callbacks(execute=True):
        response = client.post(f"/admin/pages/{event.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def _statuses(event) -> list[str]:
    return list(
        Registration.objects.filter(event=event)
        .order_by("pk")
        .values_list("status", flat=True)
    )


def test_publishing_more_places_promotes_the_waiting_list_in_order(
    organiser, full_forum, django_capture_on_commit_callbacks
):
    _publish(
        organiser, full_forum, capacity=4, callbacks=django_capture_on_commit_callbacks
    )
    assert _statuses(full_forum) == [
        "confirmed",
        "confirmed",
        "confirmed",
        "confirmed",
        "waitlisted",
    ]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "person3@example.kz",
        "person4@example.kz",
    ]
    assert Registration.objects.get(email="person5@example.kz").position_in_queue == 1


def test_publishing_unlimited_places_confirms_everyone_waiting(
    organiser, full_forum, django_capture_on_commit_callbacks
):
    _publish(
        organiser,
        full_forum,
        capacity=None,
        callbacks=django_capture_on_commit_callbacks,
    )
    assert set(_statuses(full_forum)) == {"confirmed"}
    assert len(mail.outbox) == 3


def test_publishing_fewer_places_takes_no_place_away(
    organiser, full_forum, django_capture_on_commit_callbacks
):
    _publish(
        organiser, full_forum, capacity=1, callbacks=django_capture_on_commit_callbacks
    )
    assert _statuses(full_forum).count("confirmed") == 2
    assert mail.outbox == []
