"""One edition held by several libraries: matching, the edition and work pages, search."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from mura.audit.models import AuditLogEntry
from mura.catalog.choices import AgentRole
from mura.catalog.models import Edition, EditionCandidate, EditionRecord, Resource
from mura.catalog.search_index import build_resource
from mura.catalog.services import (
    resource_delete,
    resource_save,
    resources_create_many,
)
from mura.catalog.tests.factories import PersonFactory, ResourceFactory
from mura.search.models import SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def author():
    return PersonFactory(
        name_kk="Торайғыров, Сұлтанмахмұт", name_ru="Торайгыров, Султанмахмут"
    )


def book(institution, author, **fields):
    data = {
        "title": "Қамар сұлу",
        "other_title": "роман",
        "publisher": "Раритет",
        "publication_place": "Алматы",
        "date_text": "2015",
        "extent": "424 б.",
        "language": "kk",
        "agents": [(AgentRole.AUTHOR, author)],
        "holdings": [{"shelfmark": "84(5Каз)-16", "location": "Абонемент"}],
        **fields,
    }
    return ResourceFactory(institution=institution, **data)


def edition_of(resource: Resource) -> int:
    return EditionRecord.objects.get(resource=resource).edition_id


def edition(resource: Resource) -> Edition:
    return Edition.objects.get(links__resource=resource)


def results(client, query: str) -> list[str]:
    answer = client.get("/api/v1/search", {"q": query}).json()
    return [hit["url"] for hit in answer["results"]]


def test_same_isbn_written_differently_is_one_edition(
    institution, other_institution, author
):
    first = book(institution, author, isbn="978-601-272-448-8")
    second = book(other_institution, author, isbn="9786012724488", other_title="")
    assert edition_of(first) == edition_of(second)
    assert EditionRecord.objects.get(resource=second).reason == "isbn"


def test_isbn10_meets_its_isbn13(institution, other_institution, author):
    first = book(institution, author, isbn="5-7667-0123-4")
    second = book(other_institution, author, isbn="978-5-7667-0123-1")
    assert edition_of(first) == edition_of(second)


def test_whole_description_with_a_latin_creator_is_one_edition(
    institution, other_institution, author
):
    latin = PersonFactory(name_kk="Toraighyrov, Sultanmakhmut")
    first = book(institution, author)
    second = book(other_institution, latin, title="Қамар сұлу : роман", extent="424 с.")
    assert edition_of(first) == edition_of(second)


def test_other_year_publisher_or_edition_stays_apart(
    institution, other_institution, author
):
    first = book(institution, author)
    later = book(other_institution, author, date_text="2016")
    other_house = book(other_institution, author, publisher="Фолиант")
    third = book(other_institution, author, edition="3-басылым", isbn="")
    editions = {edition_of(r) for r in (first, later, other_house, third)}
    assert len(editions) == 4
    assert set(EditionCandidate.objects.values_list("resource", flat=True)) == {
        third.pk
    }


def test_same_isbn_other_title_waits_for_review(institution, other_institution, author):
    first = book(institution, author, isbn="978-601-272-448-8")
    odd = book(
        other_institution, author, title="Адасқан өмір", isbn="978-601-272-448-8"
    )
    assert edition_of(first) != edition_of(odd)
    candidate = EditionCandidate.objects.get()
    assert (candidate.resource, candidate.edition_id) == (odd, edition_of(first))


def test_missing_extent_waits_for_review(institution, other_institution, author):
    first = book(institution, author)
    unsure = book(other_institution, author, extent="")
    assert edition_of(first) != edition_of(unsure)
    assert EditionCandidate.objects.filter(resource=unsure).exists()


def test_volumes_are_never_one_edition(institution, other_institution, author):
    first = book(institution, author, title="Шығармалар. Т. 1", isbn="9786012724488")
    second = book(other_institution, author, title="Шығармалар. Т. 2")
    assert edition_of(first) != edition_of(second)


def test_a_batch_links_its_records_to_each_other_and_to_saved_ones(
    institution, other_institution, author
):
    saved = book(institution, author, isbn="978-601-272-448-8")
    record = {
        "title": "Қамар сұлу",
        "date_text": "2015",
        "publisher": "Раритет",
        "extent": "424 б.",
        "agents": [(AgentRole.AUTHOR, author)],
    }
    resources_create_many(
        institution=other_institution,
        records=[
            ("book", {**record, "isbn": "9786012724488"}),
            ("book", {**record, "source_id": "b"}),
        ],
    )
    batch = Resource.objects.filter(institution=other_institution)
    assert {edition_of(r) for r in batch} == {edition_of(saved)}


def test_editing_a_record_away_from_its_edition_splits_it(
    institution, other_institution, author
):
    first = book(institution, author)
    second = book(other_institution, author)
    assert edition_of(first) == edition_of(second)
    second.title = "Адасқан өмір"
    second.date_text = "2016"

    resource_save(resource=second)
    assert edition_of(first) != edition_of(second)


def test_search_shows_an_edition_once_and_api_names_every_holder(
    client, institution, other_institution, author
):
    first = book(institution, author, isbn="978-601-272-448-8")
    book(other_institution, author, isbn="9786012724488")
    book(other_institution, author, date_text="1997", publisher="Фолиант")
    hits = client.get("/api/v1/search", {"q": "Қамар сұлу"}).json()["results"]
    # Two editions of one work: one result, the edition both institutions hold.
    (shared,) = hits
    assert shared["year"] == 2015
    assert {h["institution"] for h in shared["held_by"]} == {
        institution.slug,
        other_institution.slug,
    }
    assert shared["editions"] == 2
    assert shared["work_url"].endswith(f"/api/v1/works/{edition(first).work_id}")
    listed = client.get("/api/v1/resources").json()
    assert listed["count"] == 2
    assert SearchDocument.objects.filter(kind="book").count() == 2


def test_deleting_the_public_description_hands_it_on(
    client, institution, other_institution, author
):
    first = book(institution, author, description="Толық сипаттама.")
    second = book(other_institution, author)
    assert edition(first).primary_id == first.pk
    resource_delete(resource=first)
    assert edition(second).primary_id == (second.pk)
    assert results(client, "Қамар сұлу") == [
        f"http://testserver{second.get_absolute_url()}"
    ]


@pytest.mark.parametrize(
    ("language", "held", "editions"),
    [
        ("kk", "2 кітапханада бар", "2 басылым · 2 кітапхана"),
        ("ru", "Есть в 2 библиотеках", "2 издания · 2 библиотеки"),
    ],
)
def test_edition_and_work_pages_list_every_holder(
    client, institution, other_institution, author, language, held, editions
):
    first = book(institution, author, description="Роман туралы.")
    second = book(
        other_institution,
        author,
        holdings=[{"shelfmark": "Ж-77", "location": "Оқу залы"}],
    )
    book(other_institution, author, date_text="1997", publisher="Фолиант")
    with translation.override(language):
        page = client.get(first.get_absolute_url()).content.decode()
        work_url = edition(first).work.get_absolute_url()
        work = client.get(work_url).content.decode()
        mine, theirs = str(institution), str(other_institution)
    assert held in page
    assert "Ж-77" in page and "84(5Каз)-16" in page
    assert second.get_absolute_url() in page
    assert editions in page
    assert work.index("1997") < work.index("2015")
    assert work.count(mine) == 1
    assert work.count(theirs) == 2


def test_work_api_lists_editions_with_holdings(
    client, institution, other_institution, author
):
    first = book(institution, author)
    book(other_institution, author)
    book(other_institution, author, date_text="1997", publisher="Фолиант")
    work_id = edition(first).work_id
    answer = client.get(f"/api/v1/works/{work_id}").json()
    assert [e["year"] for e in answer["editions"]] == [1997, 2015]
    assert len(answer["editions"][1]["holdings"]) == 2
    assert answer["editions"][1]["holdings"][0]["copies"][0]["shelfmark"]
    assert client.get("/api/v1/works/999999").status_code == 404


def test_oai_keeps_each_institutions_own_record(
    client, institution, other_institution, author
):
    first = book(institution, author, isbn="978-601-272-448-8")
    second = book(other_institution, author, isbn="9786012724488")
    for resource in (first, second):
        answer = client.get(
            "/oai",
            {
                "verb": "ListIdentifiers",
                "metadataPrefix": "oai_dc",
                "set": f"institution:{resource.institution.slug}",
            },
        ).content.decode()
        assert resource.public_id in answer
        assert answer.count("<identifier>") == 1


def test_staff_split_a_wrong_merge_and_merge_from_the_queue(
    client, institution, other_institution, author, other_cataloguer
):
    first = book(institution, author)
    second = book(other_institution, author)
    shared = edition(first)
    client.force_login(other_cataloguer)
    page = client.get(f"/admin/editions/{shared.pk}/").content.decode()
    assert second.public_id in page and first.public_id in page

    refused = client.post(f"/admin/editions/records/{first.pk}/split/")
    assert refused.status_code in (302, 403)
    assert edition_of(first) == shared.pk
    client.post(f"/admin/editions/records/{second.pk}/split/")
    assert edition_of(first) != edition_of(second)
    assert AuditLogEntry.objects.filter(action="mura.edition.split").count() == 1
    # The split is remembered: saving the record again does not merge it back.
    resource_save(resource=Resource.objects.get(pk=second.pk))
    assert edition_of(first) != edition_of(second)

    unsure = book(other_institution, author, extent="")
    candidate = EditionCandidate.objects.get(resource=unsure, edition=shared)
    queue = client.get("/admin/editions/").content.decode()
    assert unsure.get_absolute_url() in queue
    client.post(f"/admin/editions/candidates/{candidate.pk}/", {"same": "yes"})
    assert edition_of(unsure) == edition_of(first)
    assert AuditLogEntry.objects.filter(action="mura.edition.merge").count() == 1

    answer = client.post(
        f"/admin/editions/{edition_of(first)}/merge/", {"record": "nothing-here"}
    )
    assert answer.status_code == 302
    client.post(
        f"/admin/editions/{edition_of(first)}/merge/", {"record": second.public_id}
    )
    assert edition_of(second) == edition_of(first)


def test_records_saved_before_editions_are_linked_by_the_command(
    institution, other_institution, author
):
    first = book(institution, author)
    second = book(other_institution, author)
    EditionRecord.objects.all().delete()
    call_command("link_editions", stdout=io.StringIO())
    assert edition_of(first) == edition_of(second)


def test_editions_of_one_work_share_the_search_collapse_key(
    institution, other_institution, author
):
    first = book(institution, author)
    later = book(other_institution, author, date_text="1997", publisher="Фолиант")
    other_work = book(other_institution, author, title="Адасқан өмір")
    keys = [
        build_resource(Resource.objects.get(pk=r.pk)).group
        for r in (first, later, other_work)
    ]
    assert keys[0] == keys[1] != keys[2]
    assert keys[0] == f"work:{edition(first).work_id}"


def test_browse_and_related_records_show_an_edition_once(
    client, institution, other_institution, author
):
    first = book(institution, author)
    second = book(other_institution, author)
    later = book(other_institution, author, date_text="1997", publisher="Фолиант")
    browse = client.get("/catalog/").content.decode()
    assert (
        browse.count(f'href="{first.get_absolute_url()}"')
        + browse.count(second.get_absolute_url())
        == 1
    )
    own = client.get("/catalog/", {"institution": other_institution.slug})
    assert second.get_absolute_url() in own.content.decode()
    page = client.get(later.get_absolute_url()).content.decode()
    related = page[page.index('id="related-heading"') :]
    assert (
        related.count(f'href="{first.get_absolute_url()}"')
        + related.count(second.get_absolute_url())
        == 1
    )
