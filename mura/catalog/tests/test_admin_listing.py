"""A cataloguer sees their records with author and year, on the dashboard too, and
opens a record's public page from the admin."""

import pytest

from mura.catalog.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/catalog/libraryitem"


@pytest.fixture
def records(institution, other_institution):
    return {
        "own": ResourceFactory(
            institution=institution, title="Абай жолы", year_from=1988
        ),
        "other": ResourceFactory(institution=other_institution, title="Бөтен кітап"),
    }


def test_listing_shows_year_and_a_view_on_site_link(client, cataloguer, records):
    client.force_login(cataloguer)
    page = client.get(f"{BASE}/").content.decode()
    assert "1988" in page and "Год" in page and "Автор" in page
    assert records["own"].get_absolute_url() in page


def test_edit_view_header_links_to_the_public_page(client, cataloguer, records):
    client.force_login(cataloguer)
    own = records["own"]
    page = client.get(f"{BASE}/edit/{own.pk}/").content.decode()
    assert own.get_absolute_url() in page


def test_dashboard_lists_recent_records_of_own_institutions(
    client, cataloguer, records
):
    client.force_login(cataloguer)
    page = client.get("/admin/").content.decode()
    assert 'data-dashboard="recent-records"' in page
    assert "Абай жолы" in page and "Бөтен кітап" not in page
    assert "gravatar.com" not in page


def test_russian_add_buttons_read_right_whatever_the_name(client, cataloguer):
    client.force_login(cataloguer)
    page = client.get(f"{BASE}/add/").content.decode()
    assert "Добавить: персона или организация" in page
    assert "Добавить персона" not in page
