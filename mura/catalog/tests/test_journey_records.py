"""Journey "records": a reader opens a record, downloads it as RIS, BibTeX and MARC,
learns the rights of its pictures and how to see the original, and goes on to the
author's page with biography, identifiers and ordered records. In Kazakh and Russian,
on a desktop and a phone."""

import io

import pytest
from lxml import etree
from playwright.sync_api import expect
from pymarc import MARCReader

from mura.catalog.models import Person, Resource

pytestmark = pytest.mark.browser

WORDS = {
    "kk": {
        "download": "Жазбаны жүктеу",
        "see": "Қалай көруге болады",
        "request": "Электрондық пошта арқылы сұрау",
        "rights": "Құқықтар: Авторлық құқық бағаланбаған",
        "biography": "Өмірбаяны",
        "relevance": "Сәйкестігі бойынша",
        "oldest": "Алдымен ескілері",
        "show": "Көрсету",
    },
    "ru": {
        "download": "Скачать запись",
        "see": "Как увидеть",
        "request": "Запросить по электронной почте",
        "rights": "Права: Авторское право не оценено",
        "biography": "Биография",
        "relevance": "По релевантности",
        "oldest": "Сначала старые",
        "show": "Показать",
    },
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ROOT_URLCONF = "mura.catalog.tests.urls_media"


def _download(page, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=name, exact=True).click()
    return info.value.path().read_bytes()


def test_a_reader_takes_a_record_away_and_finds_how_to_see_it(live_full_demo, walks):
    # The demo knows Auezov's Wikidata item and no VIAF number for him.
    auezov = Person.objects.get(name_kk="Әуезов, Мұхтар")
    book = Resource.objects.get(source_id="book-59")  # Абай жолы, 5-басылым, 1988
    museum_object = Resource.objects.public().filter(files__image__isnull=False).first()
    for walk in walks(live_full_demo.url):
        page, words = walk.page, WORDS[walk.language]
        page.goto(walk.url(book.get_absolute_url()))
        expect(page.get_by_role("heading", name=words["download"])).to_be_visible()
        ris = _download(page, "RIS").decode()
        assert "TY  - BOOK" in ris and "TI  - Абай жолы : роман-эпопея" in ris
        assert "PB  - Өнер" in ris and "PY  - 1988" in ris
        bibtex = _download(page, "BibTeX").decode()
        assert bibtex.startswith("@book{") and "publisher = {Өнер}" in bibtex
        marcxml = etree.fromstring(_download(page, "MARCXML"))
        assert "Абай жолы" in "".join(marcxml.itertext())
        marc = next(MARCReader(io.BytesIO(_download(page, "MARC 21 (.mrc)"))))
        assert marc["245"]["a"].startswith("Абай жолы")

        see = page.locator(
            "section", has=page.get_by_role("heading", name=words["see"])
        )
        expect(see.locator("a").first).to_have_attribute(
            "href", walk.url(book.institution.get_absolute_url())[len(walk.base_url) :]
        )
        request = see.get_by_role("link", name=words["request"])
        assert request.get_attribute("href").startswith(
            "mailto:info@toraighyrov-library.example?subject="
        )
        see.scroll_into_view_if_needed()
        walk.snap("records-record")

        page.goto(walk.url(museum_object.get_absolute_url()))
        expect(page.locator(".record__rights").first).to_have_text(words["rights"])

        page.goto(walk.url(book.get_absolute_url()))
        page.locator(".record__agents a").first.click()
        expect(page.get_by_role("heading", name=words["biography"])).to_be_visible()
        expect(page.get_by_text("«Абай жолы» роман-эпопеясының")).to_be_visible()
        expect(
            page.get_by_role("link", name=auezov.wikidata_id, exact=True)
        ).to_have_attribute(
            "href", f"https://www.wikidata.org/wiki/{auezov.wikidata_id}"
        )
        expect(page.locator('a[href^="https://viaf.org/"]')).to_have_count(0)
        expect(page.locator("#record-sort option:checked")).to_have_text(
            words["relevance"]
        )
        newest = page.locator(".record-row .eyebrow").first.inner_text()
        assert newest.endswith("2017"), newest
        walk.snap("records-authority")
        page.select_option("#record-sort", label=words["oldest"])
        page.get_by_role("button", name=words["show"]).click()
        page.wait_for_url("**sort=date**")
        years = page.locator(".record-row .eyebrow").all_inner_texts()
        assert years == sorted(years, key=lambda text: text[-4:]), years
