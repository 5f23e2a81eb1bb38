"""Journey: read in Russian (and in Kazakh). A Kazakh-only article, the forum's page and an
archival record: what is not yet translated says so in the reader's language and is
marked with lang="kk"; what has a Russian form is shown in it."""

import re

import pytest
from playwright.sync_api import expect

from mura.catalog.models import Resource

pytestmark = pytest.mark.browser

ARTICLE = "/news/elbasy-library-information-resources-session/"
FORUM = "/events/international-forum-toraighyrov-library-125/"


def test_read_in_russian_and_kazakh(live_full_demo, walks):
    record = Resource.objects.filter(reference_code="ҚОММ Ф. 1. Оп. 1. Д. 2").get()
    for walk in walks(live_full_demo.url):
        page, ru = walk.page, walk.language == "ru"
        page.goto(walk.url(ARTICLE))
        note = page.locator(".untranslated-note")
        if ru:
            expect(note).to_have_text(
                "Пока не переведено: текст только на казахском языке."
            )
            expect(page.locator("h1.article__title")).to_have_attribute("lang", "kk")
            expect(page.locator(".article__body")).to_have_attribute("lang", "kk")
            expect(page.locator(".tags a").first).to_have_attribute("lang", "kk")
        else:
            expect(note).to_have_count(0)
        walk.snap("read-article")

        page.goto(walk.url(FORUM))
        partners = page.locator("dd", has_text="Еуразия" if not ru else "Евразии")
        expect(partners).to_be_visible()
        if ru:
            expect(partners).to_contain_text("Национальная академическая библиотека РК")
            expect(
                page.get_by_role(
                    "link",
                    name="Павлодарский областной историко-краеведческий музей имени Г.Н.Потанина",
                )
            ).to_be_visible()
            rooms = page.locator(".slot__where")
            expect(rooms.filter(has_text="Зал заседаний").first).to_be_visible()
            expect(rooms.locator("span[lang=kk]")).to_have_count(0)
        walk.snap("read-forum")

        page.goto(walk.url(record.get_absolute_url()))
        facts = page.locator("main")
        if ru:
            expect(facts).to_contain_text("ҚОММ Ф. 1. Оп. 1. Д. 2")
            expect(page.locator(".record__fields")).to_contain_text(
                re.compile(r"\d+ л\.")
            )
        else:
            expect(facts).to_contain_text("ҚОММ Қ. 1. Т. 1. І. 2")
            expect(facts).not_to_contain_text("Оп.")
            expect(page.locator(".record__fields")).to_contain_text(
                re.compile(r"\d+ п\.")
            )
        walk.snap("read-record")
