"""A cataloguer of one institution cannot list, open, change or delete another's records
(they answer 404, as if they did not exist)."""

import pytest
from django.contrib.auth.models import Permission

from mura.catalog.choices import Kind
from mura.catalog.models import Resource
from mura.catalog.tests.factories import ResourceFactory
from mura.catalog.tests.test_admin_forms import form_data
from mura.institutions.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/catalog/libraryitem"


@pytest.fixture
def records(institution, other_institution):
    return {
        "own": ResourceFactory(institution=institution, title="Өз кітабымыз"),
        "other": ResourceFactory(institution=other_institution, title="Бөтен кітап"),
    }


def test_listing_shows_only_own_institutions_records(client, cataloguer, records):
    client.force_login(cataloguer)
    page = client.get(f"{BASE}/").content.decode()
    assert "Өз кітабымыз" in page
    assert "Бөтен кітап" not in page


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_other_institutions_record_answers_404(client, cataloguer, records, view):
    client.force_login(cataloguer)
    other = records["other"]
    assert client.get(f"{BASE}/{view}/{other.pk}/").status_code == 404
    assert client.get(f"{BASE}/{view}/{records['own'].pk}/").status_code == 200


def test_posting_changes_or_deletion_to_another_institution_changes_nothing(
    client, cataloguer, records
):
    client.force_login(cataloguer)
    other = records["other"]
    assert (
        client.post(f"{BASE}/edit/{other.pk}/", {"title": "hijacked"}).status_code
        == 404
    )
    assert client.post(f"{BASE}/delete/{other.pk}/").status_code == 404
    other.refresh_from_db()
    assert other.title == "Бөтен кітап"
    assert other.is_deleted is False


def test_cannot_create_a_record_for_another_institution(
    client, cataloguer, other_institution
):
    client.force_login(cataloguer)
    response = client.post(f"{BASE}/add/", form_data(Kind.BOOK, other_institution))
    assert response.status_code == 200
    assert "institution" in response.context["form"].errors
    assert not Resource.objects.filter(
        institution=other_institution, kind=Kind.BOOK
    ).exists()


def test_union_admin_sees_all_institutions(client, records):
    admin = UserFactory(username="union-admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get(f"{BASE}/").content.decode()
    assert "Өз кітабымыз" in page and "Бөтен кітап" in page
    assert client.get(f"{BASE}/edit/{records['other'].pk}/").status_code == 200


def test_staff_without_a_cataloguer_role_cannot_open_the_catalogue(client, records):
    user = UserFactory(username="editor-only")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(f"{BASE}/").status_code in {302, 403}
    assert client.get(f"{BASE}/edit/{records['own'].pk}/").status_code in {
        302,
        403,
        404,
    }
