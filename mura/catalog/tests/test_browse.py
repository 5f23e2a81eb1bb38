"""The browse page from the search index: what it lists and counts is what the
catalogue holds for a reader, each edition once with its holders."""

import re

import pytest

from mura.catalog.choices import Access, AgentRole, Kind
from mura.catalog.models import Resource
from mura.catalog.tests.factories import (
    OrganisationFactory,
    PersonFactory,
    ResourceFactory,
    SubjectFactory,
)
from mura.catalog.tests.test_editions import book
from mura.institutions.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

FACET = re.compile(
    r'<span class="facet__label">([^<]*)</span> <span class="facet__count">([^<]*)</span>'
)


def facets(page: str) -> dict[str, dict[str, int]]:
    """Each facet's values with their counts, as the reader sees them."""
    aside = page[page.index('class="facets"') : page.index("</aside>")]
    found = {}
    for section in aside.split('<h2 class="facet__title">')[1:]:
        title = section[: section.index("</h2>")]
        found[title] = {
            label: int(count.replace("\xa0", "").replace(" ", ""))
            for label, count in FACET.findall(section)
        }
    return found


def listed(page: str) -> list[str]:
    return re.findall(r'class="record-row__title"><a href="[^"]*">([^<]*)</a>', page)


def count(page: str) -> int:
    heading = page[page.index('id="results-heading"') :]
    return int(re.search(r">\s*≈?(\d+)", heading).group(1))


@pytest.fixture
def catalogue(institution, other_institution):
    """Two libraries sharing one edition, a museum object, a staff-only record and a
    record of an institution that is not public."""
    author = PersonFactory(name_kk="Торайғыров, Сұлтанмахмұт")
    publisher = OrganisationFactory(name_kk="Раритет баспасы")
    steppe = SubjectFactory(name_kk="Дала", name_ru="Степь")
    first = book(institution, author, subjects=[steppe])
    book(other_institution, author, subjects=[steppe])
    ResourceFactory(
        institution=institution,
        title="Адасқан өмір",
        date_text="1985",
        agents=[(AgentRole.PUBLISHER, publisher)],
    )
    ResourceFactory(
        institution=other_institution,
        kind=Kind.MUSEUM_OBJECT,
        title="Домбыра",
        date_text="1890",
        subjects=[steppe],
    )
    ResourceFactory(
        institution=institution,
        title="Жабық қор",
        date_text="2015",
        subjects=[steppe],
        access=Access.STAFF,
    )
    hidden = InstitutionFactory(is_public=False)
    ResourceFactory(
        institution=hidden, title="Жарияланбаған", date_text="2015", subjects=[steppe]
    )
    return {
        "first": first,
        "steppe": steppe,
        "publisher": publisher,
        "hidden": hidden,
    }


def test_counts_are_what_the_catalogue_holds(
    client, catalogue, institution, other_institution
):
    page = client.get("/catalog/").content.decode()
    assert sorted(listed(page)) == ["Адасқан өмір", "Домбыра", "Қамар сұлу"]
    assert count(page) == 3
    shown = facets(page)
    # The shared edition counts once for each library holding it.
    assert shown["Мекеме"] == {str(institution): 2, str(other_institution): 2}
    assert shown["Түрі"] == {"Кітап": 2, "Музей заты": 1}
    assert shown["Тақырып"] == {"Дала": 2}
    assert shown["Ұйым"] == {"Раритет баспасы": 1}
    assert shown["Күні"] == {"XIX ғасыр": 1, "XX ғасыр": 1, "XXI ғасыр": 1}
    public = Resource.objects.public().one_per_edition()
    assert count(page) == public.count()


def test_filters_combine(client, catalogue, other_institution):
    steppe = catalogue["steppe"].pk
    page = client.get(
        "/catalog/", {"subject": steppe, "institution": other_institution.slug}
    ).content.decode()
    assert sorted(listed(page)) == ["Домбыра", "Қамар сұлу"]
    books = client.get(
        "/catalog/",
        {"subject": steppe, "institution": other_institution.slug, "kind": "book"},
    ).content.decode()
    assert listed(books) == ["Қамар сұлу"]
    assert facets(books)["Тақырып"] == {"Дала": 1}
    old = client.get("/catalog/", {"century": "18", "subject": steppe})
    assert listed(old.content.decode()) == ["Домбыра"]
    by_publisher = client.get(
        "/catalog/", {"organisation": catalogue["publisher"].pk}
    ).content.decode()
    assert listed(by_publisher) == ["Адасқан өмір"]
    assert (
        listed(client.get("/catalog/", {"institution": "nowhere"}).content.decode())
        == []
    )


def test_an_edition_is_one_entry_with_every_holder(
    client, catalogue, institution, other_institution
):
    page = client.get("/catalog/").content.decode()
    assert listed(page).count("Қамар сұлу") == 1
    row = page[page.index("Қамар сұлу") :]
    row = row[: row.index("</li>")]
    assert str(institution) in row and str(other_institution) in row
    own = client.get("/catalog/", {"institution": other_institution.slug})
    mine = Resource.objects.get(title="Қамар сұлу", institution=other_institution)
    assert mine.get_absolute_url() in own.content.decode()
    assert catalogue["first"].get_absolute_url() not in own.content.decode()


def test_restricted_records_are_neither_listed_nor_counted(client, catalogue):
    for address in ("/catalog/", "/ru/catalog/"):
        page = client.get(address, {"subject": catalogue["steppe"].pk})
        text = page.content.decode()
        assert "Жабық қор" not in text and "Жарияланбаған" not in text
        assert count(text) == 2
    hidden = client.get("/catalog/", {"institution": catalogue["hidden"].slug})
    assert listed(hidden.content.decode()) == []
