"""Records link to persons, organisations, places and subjects; each authority page lists its records."""

import pytest

from mura.catalog.choices import Access, AgentRole, Kind, PlaceRole
from mura.catalog.tests.factories import (
    OrganisationFactory,
    PersonFactory,
    PlaceFactory,
    ResourceFactory,
    SubjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(institution):
    abai = PersonFactory(
        name_kk="Құнанбайұлы, Абай",
        name_ru="Кунанбаев, Абай",
        name_en="Qunanbaiuly, Abai",
        variant_names="Ибраһим Құнанбайұлы\nAbay Kunanbayev",
    )
    creator = OrganisationFactory(name_kk="Қызылорда облыстық атқару комитеті")
    place = PlaceFactory(name_kk="Семей")
    subject = SubjectFactory(name_kk="Поэзия", name_ru="Поэзия")
    book = ResourceFactory(
        institution=institution,
        title="Қара сөздер",
        agents=[(AgentRole.AUTHOR, abai)],
        subjects=[subject],
        places=[(PlaceRole.PUBLICATION, place)],
    )
    photo = ResourceFactory(
        institution=institution,
        kind=Kind.PHOTO,
        title="Абай ескерткіші",
        agents=[(AgentRole.DEPICTED, abai)],
    )
    hidden = ResourceFactory(
        institution=institution,
        title="Қызметтік жазба",
        agents=[(AgentRole.AUTHOR, abai)],
        access=Access.STAFF,
    )
    fonds = ResourceFactory(
        institution=institution,
        kind=Kind.FONDS,
        title="Атқару комитеті",
        agents=[(AgentRole.FONDS_CREATOR, creator)],
    )
    return locals()


def test_person_page_lists_linked_records_and_roles(client, linked):
    page = client.get(linked["abai"].get_absolute_url()).content.decode()
    assert "Қара сөздер" in page and "Абай ескерткіші" in page
    assert "Қызметтік жазба" not in page
    assert "Abay Kunanbayev" in page and "Кунанбаев, Абай" in page


def test_organisation_place_and_subject_pages(client, linked):
    assert (
        "Атқару комитеті"
        in client.get(linked["creator"].get_absolute_url()).content.decode()
    )
    assert (
        "Қара сөздер" in client.get(linked["place"].get_absolute_url()).content.decode()
    )
    assert (
        "Қара сөздер"
        in client.get(linked["subject"].get_absolute_url()).content.decode()
    )


def test_item_page_links_to_its_authorities(client, linked):
    page = client.get(linked["book"].get_absolute_url()).content.decode()
    for authority in ("abai", "subject", "place"):
        assert linked[authority].get_absolute_url() in page


def test_admin_chooser_finds_a_person_by_any_form_of_the_name(
    client, cataloguer, linked
):
    client.force_login(cataloguer)
    for query in ("Кунанбаев", "Kunanbayev", "Құнанбайұлы"):
        response = client.get(
            "/admin/snippets/choose/catalog/person/results/", {"q": query}
        )
        assert response.status_code == 200
        assert "Абай" in response.content.decode(), query
    miss = client.get(
        "/admin/snippets/choose/catalog/person/results/", {"q": "Торайғыров"}
    )
    assert "Абай" not in miss.content.decode()


def test_browse_filters_by_person_with_counts(client, linked):
    page = client.get("/catalog/", {"person": linked["abai"].pk}).content.decode()
    assert (
        "Қара сөздер" in page
        and "Абай ескерткіші" in page
        and "Атқару комитеті" not in page
    )
