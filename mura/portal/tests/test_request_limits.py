"""Requests that cost someone else something are limited per address: a password-reset
e-mail to a staff member, a guess at a private page's password, a new CAPTCHA row."""

from wagtail.models import PageViewRestriction

from mura.institutions.tests.factories import UserFactory


def test_an_address_may_ask_for_five_password_reset_emails_an_hour(
    client, db, mailoutbox
):
    UserFactory(username="editor", email="editor@example.org", is_superuser=True)
    statuses = [
        client.post(
            "/admin/password_reset/", {"email": "editor@example.org"}
        ).status_code
        for _ in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert len(mailoutbox) == 5
    refused = client.post("/admin/password_reset/", {"email": "editor@example.org"})
    assert "Сіздің мекенжайыңыздан сұраулар тым көп." in refused.content.decode()
    other = client.post(
        "/admin/password_reset/",
        {"email": "editor@example.org"},
        REMOTE_ADDR="198.51.100.4",
    )
    assert other.status_code == 302, "another address is not affected"


def test_an_address_may_get_thirty_new_captcha_codes_in_ten_minutes(client, db):
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    statuses = [client.get("/captcha/refresh/", **ajax).status_code for _ in range(31)]
    assert statuses == [200] * 30 + [429]
    refused = client.get("/captcha/refresh/", **ajax)
    assert "Сіздің мекенжайыңыздан сұраулар тым көп." in refused.content.decode()


def test_the_password_of_a_private_page_cannot_be_guessed_without_end(
    client, site_tree
):
    home = site_tree["home"]
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
    )
    url = f"/ru/_util/authenticate_with_password/{restriction.pk}/{home.pk}/"
    guesses = [
        client.post(url, {"password": f"guess{n}", "return_url": "/"}).status_code
        for n in range(11)
    ]
    assert guesses == [200] * 10 + [429]
    right = client.post(url, {"password": "sesame", "return_url": "/"})
    assert right.status_code == 429
    assert "Слишком много запросов с вашего адреса." in right.content.decode()
