"""Each kind is catalogued through its group's admin form, saved by the catalogue's service."""

import pytest

from mura.catalog.choices import GROUP_OF_KIND, AgentRole, Kind
from mura.catalog.models import Resource
from mura.catalog.tests.factories import PersonFactory, ResourceFactory, SubjectFactory

pytestmark = pytest.mark.django_db

GROUP_URLS = {
    "library": "libraryitem",
    "archive": "archivaldescription",
    "museum": "museumobject",
    "other": "otherresource",
}
KIND_FIELDS = {
    Kind.BOOK: {
        "publisher": "Жазушы",
        "publication_place": "Алматы",
        "isbn": "978-601-7000-00-1",
        "udc": "821.512.122",
    },
    Kind.PERIODICAL: {
        "frequency": "аптасына 3 рет",
        "issn": "1560-2000",
        "numbering": "1991–2023",
    },
    Kind.FONDS: {
        "reference_code": "ҚОММ Ф. 1",
        "description": "Облыстық атқару комитетінің шешімдері.",
    },
    Kind.SERIES: {"reference_code": "ҚОММ Ф. 1. Оп. 1"},
    Kind.FILE: {"reference_code": "ҚОММ Ф. 1. Оп. 1. Д. 5", "extent": "120 п."},
    Kind.ARCHIVAL_ITEM: {"reference_code": "ҚОММ Ф. 1. Оп. 1. Д. 5. П. 1–4"},
    Kind.MUSEUM_OBJECT: {
        "inventory_number": "ҚОТӨМ 0001",
        "main_fund_number": "КП 4001",
        "material": "ағаш",
        "technique": "оймыш",
    },
    Kind.MANUSCRIPT: {"script": "төте жазу", "material": "қағаз, сия"},
    Kind.PHOTO: {"technique": "күміс-желатин баспа", "dimensions": "18×24 см"},
    Kind.AUDIOVISUAL: {"media_format": "аудиокассета", "extent": "45 мин"},
    Kind.E_RESOURCE: {"media_format": "PDF", "url": "https://example.org/syr.pdf"},
}
PARENT_KIND = {
    Kind.SERIES: Kind.FONDS,
    Kind.FILE: Kind.SERIES,
    Kind.ARCHIVAL_ITEM: Kind.FILE,
}


def empty_formsets(*prefixes: str) -> dict:
    data = {}
    for prefix in prefixes:
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data


def form_data(kind: str, institution, **extra) -> dict:
    data = {
        "kind": kind,
        "access": "public",
        "institution": institution.pk,
        "title": f"Сынақ жазба ({kind})",
        "date_text": "1956 ж.",
        "language": "kk",
        "sequence": "0",
        **empty_formsets("agents", "places", "files", "holdings"),
        **KIND_FIELDS[kind],
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("kind", list(Kind.values))
def test_cataloguer_creates_each_kind_through_its_form(
    client, cataloguer, institution, kind
):
    client.force_login(cataloguer)
    model_name = GROUP_URLS[GROUP_OF_KIND[kind]]
    add_url = f"/admin/snippets/catalog/{model_name}/add/"
    assert client.get(add_url).status_code == 200
    extra = {}
    if kind in PARENT_KIND:
        extra["parent"] = ResourceFactory(
            institution=institution, kind=PARENT_KIND[kind], title="Жоғарғы деңгей"
        ).pk
    response = client.post(add_url, form_data(kind, institution, **extra))
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    record = Resource.objects.get(title=f"Сынақ жазба ({kind})")
    assert record.kind == kind
    assert record.institution == institution
    assert (record.year_from, record.year_to) == (1956, 1956)
    for field, value in KIND_FIELDS[kind].items():
        assert getattr(record, field) == value
    assert record.revisions.count() == 1


def test_book_form_saves_author_subjects_and_copies(client, cataloguer, institution):
    client.force_login(cataloguer)
    author = PersonFactory(
        name_kk="Торайғыров, Сұлтанмахмұт", name_ru="Торайгыров, Султанмахмут"
    )
    subject = SubjectFactory()
    data = form_data(Kind.BOOK, institution, subjects=[subject.pk])
    data |= {
        "agents-TOTAL_FORMS": "1",
        "agents-0-role": AgentRole.AUTHOR,
        "agents-0-person": author.pk,
        "agents-0-organisation": "",
        "agents-0-ORDER": "1",
        "agents-0-DELETE": "",
        "agents-0-id": "",
        "holdings-TOTAL_FORMS": "1",
        "holdings-0-shelfmark": "84(5Каз)-1",
        "holdings-0-location": "Абонемент",
        "holdings-0-barcode": "",
        "holdings-0-status": "available",
        "holdings-0-ORDER": "1",
        "holdings-0-DELETE": "",
        "holdings-0-id": "",
    }
    response = client.post("/admin/snippets/catalog/libraryitem/add/", data)
    assert response.status_code == 302
    record = Resource.objects.get(title=data["title"])
    assert [link.person for link in record.agents.all()] == [author]
    assert list(record.subjects.all()) == [subject]
    assert [copy.shelfmark for copy in record.holdings.all()] == ["84(5Каз)-1"]
    page = client.get(record.get_absolute_url()).content.decode()
    # The public page is Kazakh whatever language the admin was in.
    assert "Торайғыров, Сұлтанмахмұт" in page and "84(5Каз)-1" in page


def test_form_offers_only_the_groups_kinds_and_own_institution(
    client, cataloguer, institution, other_institution
):
    client.force_login(cataloguer)
    form = client.get("/admin/snippets/catalog/archivaldescription/add/").context[
        "form"
    ]
    assert {value for value, _ in form.fields["kind"].choices if value} == {
        Kind.FONDS,
        Kind.SERIES,
        Kind.FILE,
        Kind.ARCHIVAL_ITEM,
    }
    assert list(form.fields["institution"].queryset) == [institution]


def test_wrong_archival_level_is_refused_with_a_message(
    client, cataloguer, institution
):
    client.force_login(cataloguer)
    fonds = ResourceFactory(institution=institution, kind=Kind.FONDS, title="Қор")
    response = client.post(
        "/admin/snippets/catalog/archivaldescription/add/",
        form_data(Kind.FILE, institution, parent=fonds.pk),
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not Resource.objects.filter(kind=Kind.FILE).exists()
