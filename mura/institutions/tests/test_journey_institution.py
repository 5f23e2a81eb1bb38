"""Journey: a reader finds an institution and everything it holds, in Kazakh and Russian,
on a desktop and a phone."""

import re

import pytest
from playwright.sync_api import expect

from mura.catalog.models import Resource
from mura.conftest import sideways_scroll
from mura.institutions.models import Institution

pytestmark = pytest.mark.browser

SLUG = "tazhibaev-library"
TEXT = {
    "kk": {
        "holdings": "Топтамалар мен жазбалар",
        "hours": "Жұмыс уақыты",
        "map": "Картадан көру",
        "events": "Алдағы іс-шаралар",
        "exhibitions": "Виртуалды көрмелер",
        "records": "жазба",
    },
    "ru": {
        "holdings": "Коллекции и записи",
        "hours": "Часы работы",
        "map": "Показать на карте",
        "events": "Предстоящие мероприятия",
        "exhibitions": "Виртуальные выставки",
        "records": "запис",
    },
}


def test_reader_finds_an_institution_and_what_it_holds(live_full_demo, walks):
    institution = Institution.objects.get(slug=SLUG)
    total = Resource.objects.public().filter(institution=institution).count()
    for walk in walks(live_full_demo.url):
        page, text = walk.page, TEXT[walk.language]
        name = institution.name_kk if walk.language == "kk" else institution.name_ru
        city = institution.city_kk if walk.language == "kk" else institution.city_ru

        page.goto(walk.url("/institutions/"))
        card = page.locator(".institution-card", has_text=name)
        expect(card).to_contain_text(city)
        expect(card).to_contain_text(f"{total} {text['records']}")
        assert sideways_scroll(page) == 0
        walk.snap("institution-list")

        card.get_by_role("link", name=name).click()
        expect(page.locator("h1")).to_have_text(name)
        holdings = page.locator(
            "section", has=page.get_by_role("heading", name=text["holdings"])
        )
        expect(holdings).to_be_visible()
        expect(holdings.locator(".tally__count").first).to_have_text(
            re.compile(r"^\d+$")
        )
        expect(page.get_by_role("heading", name=text["hours"])).to_be_visible()
        map_link = page.get_by_role("link", name=text["map"])
        expect(map_link).to_have_attribute(
            "href",
            re.compile(
                r"^https://www\.openstreetmap\.org/\?mlat=44\.8\d+&mlon=65\.5\d+"
            ),
        )
        expect(page.locator(f'a[href="mailto:{institution.email}"]')).to_be_visible()
        expect(page.get_by_role("heading", name=text["events"])).to_be_visible()
        expect(page.get_by_role("heading", name=text["exhibitions"])).to_be_visible()
        assert sideways_scroll(page) == 0
        walk.snap("institution-home")

        holdings.locator(".section__more").click()
        expect(page).to_have_url(re.compile(rf"/catalog/\?institution={SLUG}$"))
        expect(page.locator(".catalog-results__count")).to_contain_text(str(total))
        walk.snap("institution-catalogue")

        page.go_back()
        first_kind = holdings.locator(".tally a").first
        kind_count = first_kind.locator(".tally__count").inner_text()
        first_kind.click()
        expect(page).to_have_url(re.compile(rf"institution={SLUG}&kind=\w+"))
        expect(page.locator(".catalog-results__count")).to_contain_text(kind_count)

        page.go_back()
        holdings.locator(".holdings__search a").click()
        expect(page).to_have_url(
            re.compile(rf"/search/\?institution={institution.pk}$")
        )
        expect(page.locator(".search-results__count")).to_be_visible()
        short = (
            institution.short_name_kk
            if walk.language == "kk"
            else institution.short_name_ru
        )
        expect(page.locator(".search-hit__meta").first).to_contain_text(short)
        walk.snap("institution-search")
