"""The demo's registrations tell a story that could have happened."""

from django.db.models import F
from django.utils import timezone

from mura.conftest import load_demo
from mura.events.models import Registration


def test_people_register_before_the_event_and_check_in_after_registering(db):
    load_demo("institutions", "portal", "news", "events")
    registrations = Registration.objects.select_related("event")
    assert registrations.exists()
    assert not registrations.filter(created_at__gte=F("event__start")).exists()
    assert not registrations.filter(checked_in_at__lt=F("created_at")).exists()
    assert not registrations.filter(consent_at__gt=F("created_at")).exists()
    certified = registrations.filter(certificate_code__isnull=False)
    assert not certified.filter(event__start__gt=timezone.now()).exists()
