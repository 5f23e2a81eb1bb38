"""The admin sign-in cannot be brute-forced: accounts and addresses are locked after a
few failures, staff are told so in their language, and union admins can unlock."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django.utils import timezone

from mura.institutions.tests.factories import UserFactory

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"
# the sign-in page speaks the admin's default language, Kazakh
LOCKED_KK = "Бұл аккаунтқа немесе сіздің мекенжайыңыздан кіру әрекеттері тым көп рет сәтсіз болды"


@pytest.fixture
def editor(db):
    """Staff who may use the admin but are not union admins."""
    user = UserFactory(username="editor")
    user.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    return user


def sign_in(
    client, username: str, password: str, address: str = "203.0.113.5", **extra
):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **extra,
    )


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_five_wrong_passwords_lock_the_account_even_for_the_right_password(
    client, editor
):
    for _ in range(4):
        response = sign_in(client, "editor", "guess")
        assert response.status_code == 200
        assert LOCKED_KK not in response.content.decode()
    fifth = sign_in(client, "editor", "guess")
    assert fifth.status_code == 429
    right = sign_in(client, "editor", PASSWORD)
    html = right.content.decode()
    assert right.status_code == 429
    assert LOCKED_KK in html
    assert "15 минут" in html
    assert 'name="password"' in html, "the message is on Wagtail's own sign-in page"
    assert right["Retry-After"] == "900"
    assert not signed_in(client)


def test_an_account_is_locked_whichever_address_guesses(client, editor):
    for number in range(5):
        sign_in(client, "editor", "guess", address=f"198.51.100.{number}")
    response = sign_in(client, "editor", PASSWORD, address="192.0.2.77")
    assert response.status_code == 429
    assert not signed_in(client)


def test_an_address_is_locked_whichever_accounts_it_guesses(client, editor):
    for number in range(5):
        sign_in(client, f"someone{number}", "guess")
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    other = sign_in(client, "editor", PASSWORD, address="192.0.2.77")
    assert other.status_code == 302, "the account itself is not locked"


def test_behind_a_proxy_the_address_it_saw_is_counted_not_the_one_claimed(
    client, editor, settings
):
    settings.MURA_PROXY_COUNT = 1
    for number in range(5):
        sign_in(
            client,
            f"someone{number}",
            "guess",
            address="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.9",
        )
    response = sign_in(
        client,
        "editor",
        PASSWORD,
        address="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.9",
    )
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {
        "203.0.113.9"
    }
    other = sign_in(
        client,
        "editor",
        PASSWORD,
        address="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert other.status_code == 302


def test_signing_in_to_ones_own_account_does_not_wipe_guesses_at_another(
    client, editor
):
    UserFactory(username="root", is_superuser=True)
    for _ in range(4):
        sign_in(client, "root", "guess")
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    client.logout()
    sign_in(client, "root", "guess", address="192.0.2.77")
    assert sign_in(client, "root", PASSWORD, address="192.0.2.78").status_code == 429


def test_the_lock_ends_after_the_cool_off_time(client, editor):
    for _ in range(5):
        sign_in(client, "editor", "guess")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "editor", PASSWORD).status_code == 302
    assert signed_in(client)


def test_failures_and_the_lockout_are_logged(client, editor, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(5):
            sign_in(client, "editor", "guess")
    assert "Locking out" in caplog.text
    assert 'username: "editor"' in caplog.text
    assert "guess" not in caplog.text, "the password is never logged"
    assert AccessAttempt.objects.get().failures_since_start == 5


def test_a_union_admin_sees_the_lockout_and_unlocks_it(client, editor):
    for _ in range(5):
        sign_in(client, "editor", "guess")
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert "/admin/lockouts/" in client.get("/admin/").content.decode(), "in the menu"
    html = client.get("/admin/lockouts/").content.decode()
    assert "Кіруді бұғаттау" in html
    assert "<code>editor</code>" in html
    assert "<code>203.0.113.5</code>" in html
    response = client.post(
        "/admin/lockouts/unlock/", {"kind": "username", "value": "editor"}, follow=True
    )
    assert "Бұғат ашылды: editor." in response.content.decode()
    assert "<code>editor</code>" not in response.content.decode()
    client.logout()
    assert sign_in(client, "editor", PASSWORD, address="192.0.2.77").status_code == 302


def test_the_lockouts_page_is_for_union_admins_only(client, editor):
    for _ in range(5):
        sign_in(client, "someone", "guess")
    client.force_login(editor)
    assert "/admin/lockouts/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/lockouts/").status_code in (302, 403)
    client.post("/admin/lockouts/unlock/", {"kind": "username", "value": "someone"})
    assert AccessAttempt.objects.filter(username="someone").exists()


def test_unlocking_what_has_already_ended_says_so(client, db):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post(
        "/admin/lockouts/unlock/", {"kind": "username", "value": "nobody"}, follow=True
    )
    assert "Бұл бұғаттау аяқталып қойған." in response.content.decode()
