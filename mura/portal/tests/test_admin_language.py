"""Staff choose the admin's language in their account; without a choice it is Kazakh."""

import datetime
import json
import re

import pytest
from django.utils import translation
from django.utils.formats import date_format
from wagtail.users.models import UserProfile

from mura.institutions.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _staff(client, language: str = ""):
    user = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


def test_an_account_that_never_chose_gets_the_admin_in_kazakh_whatever_the_browser(
    client,
):
    _staff(client)
    page = client.get("/admin/", headers={"accept-language": "ru,en"}).content.decode()
    assert '<html lang="kk"' in page
    assert "Басқару тақтасы" in page  # Wagtail's "Dashboard"
    assert "Панель управления" not in page and ">Dashboard<" not in page


@pytest.mark.parametrize(
    ("language", "dashboard"), [("ru", "Панель управления"), ("en", "Dashboard")]
)
def test_a_staff_members_own_choice_wins(client, language, dashboard):
    _staff(client, language)
    page = client.get("/admin/").content.decode()
    assert f'<html lang="{language}"' in page
    assert dashboard in page and "Басқару тақтасы" not in page


def test_the_account_offers_kazakh_russian_and_english(client):
    _staff(client)
    page = client.get("/admin/account/").content.decode()
    for code, name in (("kk", "Қазақ"), ("ru", "Русский"), ("en", "English")):
        assert f'<option value="{code}">{name}</option>' in page
    assert "Қалаған тіл" in page  # "Preferred language"


def test_the_sign_in_page_is_kazakh(client):
    page = client.get("/admin/login/", headers={"accept-language": "ru"}).content
    assert "Кіру".encode() in page and "Құпиясөзді ұмыттыңыз ба?".encode() in page


def test_the_editors_javascript_speaks_kazakh(client):
    _staff(client)
    script = client.get("/admin/jsi18n/").content.decode()
    catalogue = json.loads(
        re.search(r"const newcatalog = (\{.*?\n\  });", script, re.S)[1]
    )
    assert catalogue["Insert a block"] == "Блок кірістіру"
    assert catalogue["%(num)s error"] == ["%(num)s қате", "%(num)s қате"]


def test_kazakh_dates_numbers_and_validation():
    with translation.override("kk"):
        assert date_format(datetime.date(2019, 4, 8)) == "08 сәуір 2019 ж."
        assert date_format(datetime.date(2019, 4, 8), "SHORT_DATE_FORMAT") == (
            "08.04.2019"
        )
        # after a numeral the noun stays singular
        assert translation.ngettext("1 page", "%(counter)s pages", 5) % {
            "counter": 5
        } == ("5 бет")
        assert translation.gettext("This field cannot be blank.") == (
            "Бұл өріс бос болмауы керек."
        )
