import pytest
from django.contrib.auth.models import Permission
from django.utils import translation

from mura.institutions.models import Role
from mura.institutions.tests.factories import MembershipFactory, UserFactory
from mura.institutions.tests.staff import admin_language


def make_cataloguer(institution, username: str):
    """A staff user who may open the admin and catalogue for one institution only."""
    user = UserFactory(username=username)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    MembershipFactory(user=user, institution=institution, role=Role.CATALOGUER)
    return admin_language(user, "ru")


@pytest.fixture
def cataloguer(institution):
    return make_cataloguer(institution, "cataloguer-a")


@pytest.fixture
def other_cataloguer(other_institution):
    return make_cataloguer(other_institution, "cataloguer-b")


@pytest.fixture(autouse=True)
def default_language():
    """Admin requests leave Russian active in the test thread; start every test in Kazakh."""
    translation.activate("kk")
    yield
    translation.deactivate()
