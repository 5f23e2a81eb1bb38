"""The institution's page is its home: holdings, events, exhibitions, news and visiting."""

import re

import pytest
from django.urls import reverse

from mura.catalog.models import Resource
from mura.conftest import load_demo
from mura.events.models import EventPage
from mura.exhibitions.models import ExhibitionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_demo(demo_news):
    load_demo("catalog", "events", "exhibitions")


def _main(html: str) -> str:
    return html.split('id="main"')[1].split("site-footer")[0]


def test_institution_home_and_list_count_holdings_in_bounded_queries(
    client, full_demo, django_assert_max_num_queries
):
    """One demo load (the catalogue's is slow) for every check that needs records."""
    public = Resource.objects.public().filter(institution__slug="tazhibaev-library")
    with django_assert_max_num_queries(35):
        html = _main(client.get("/institutions/tazhibaev-library/").content.decode())
    assert "Топтамалар мен жазбалар" in html
    books = public.filter(kind="book").count()
    assert books
    assert re.search(
        r'href="/catalog/\?institution=tazhibaev-library&amp;kind=book">'
        r'<span class="tally__label">Кітап</span> <span class="tally__count">'
        + str(books),
        html,
    )
    assert f"/search/?institution={public.first().institution_id}" in html
    collection = public.exclude(collections=None).first().collections.first()
    assert collection.title_kk in html
    assert (
        f"/catalog/?institution=tazhibaev-library&amp;collection={collection.slug}"
        in html
    )

    html = _main(client.get("/ru/institutions/tazhibaev-library/").content.decode())
    events = (
        EventPage.objects.live()
        .upcoming()
        .filter(institution__slug="tazhibaev-library", locale__language_code="ru")
    )
    for event in events[:3]:
        assert "Предстоящие мероприятия" in html and event.title in html
    exhibitions = ExhibitionPage.objects.live().filter(
        locale__language_code="ru", institution__slug="tazhibaev-library"
    )
    for page in exhibitions:
        assert page.title in html

    with django_assert_max_num_queries(12):
        html = _main(client.get("/ru/institutions/").content.decode())
    assert "Библиотека · Кызылорда" in html
    assert re.search(rf"{public.count()} запис(ь|и|ей) в каталоге", html)


def test_institution_page_shows_opening_hours_map_and_contacts_in_russian(
    client, demo_news
):
    html = _main(client.get("/ru/institutions/potanin-museum/").content.decode())
    assert "Часы работы" in html
    assert "Вторник–воскресенье: 10:00–18:00" in html
    assert "Понедельник: выходной" in html
    assert (
        'href="https://www.openstreetmap.org/?mlat=52.287420&amp;mlon=76.941350' in html
    )
    assert "52.28742, 76.94135" in html
    assert 'href="mailto:info@potanin-museum.example"' in html
    assert 'href="tel:+77182000001"' in html
    assert ">potanin-museum.example</a>" in html


def test_institution_without_records_says_so(client, demo_news):
    html = _main(client.get("/institutions/elbasy-library/").content.decode())
    assert "Бұл мекеме каталог жазбаларын әлі жарияламаған." in html


def test_admin_edits_opening_hours_in_three_languages(admin_client, institution):
    html = admin_client.get(
        reverse("institution_admin:edit", args=[institution.pk])
    ).content.decode()
    for code in ("kk", "ru", "en"):
        assert f'name="opening_hours_{code}"' in html
