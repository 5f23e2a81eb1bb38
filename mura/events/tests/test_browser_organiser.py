"""Journey: an organiser checks an event's registrations (times on the event's clock
with its zone, values in words, names never broken inside a word on a phone) and exports
them to a spreadsheet, in the Kazakh and Russian admin, on a desktop and a phone."""

import io
from datetime import datetime

import pytest
from django.utils import translation
from openpyxl import load_workbook
from playwright.sync_api import expect

from mura.conftest import axe_violations
from mura.events.models import EventPage, ExtraQuestion
from mura.events.services import registration_create
from mura.events.tests.factories import registration_data
from mura.institutions.models import Role
from mura.institutions.tests.staff import admin_sign_in, staff_member

pytestmark = pytest.mark.browser

TEXTS = {
    "kk": {"zone": "(Қызылорда, UTC+05:00)", "yes": "Иә", "country": "Қазақстан"},
    "ru": {"zone": "(Кызылорда, UTC+05:00)", "yes": "Да", "country": "Казахстан"},
}
HEADINGS = {
    "kk": {"sections": "Секциялар", "registered": "Тіркелген уақыты"},
    "ru": {"sections": "Секции", "registered": "Дата регистрации"},
}


def test_organiser_reads_and_exports_registrations(live_full_demo, walks):
    event = EventPage.objects.get(
        slug="local-history-digitisation-master-class", locale__language_code="kk"
    )
    certificate = event.questions.get(kind=ExtraQuestion.Kind.YES_NO)
    section = event.sections.filter(registrable=True).first()
    registration = registration_create(
        event=event,
        data=registration_data(
            7, name="Сәуле Байжанова", answers={str(certificate.pk): "yes"}
        ),
        sections=[section],
    )
    registered_at = registration.created_at.astimezone(event.tzinfo)
    for walk in walks(live_full_demo.url, languages=tuple(TEXTS)):
        texts, headings = TEXTS[walk.language], HEADINGS[walk.language]
        with translation.override(walk.language):
            question, section_title = str(certificate.label), str(section.title)
            title = event.localized.title
        user = staff_member(
            institution=event.institution,
            role=Role.ORGANISER,
            username=f"organiser-{walk.language}-{walk.device}",
            language=walk.language,
        )
        admin_sign_in(walk, user)
        panel = walk.page.locator('[data-dashboard="upcoming-events"]')
        expect(panel).to_contain_text(texts["zone"])
        walk.snap("staff-organiser-dashboard")

        walk.page.goto(f"{walk.base_url}/admin/event_registrations/?event={event.pk}")
        expect(walk.page.locator("main")).to_contain_text(f"{title}")
        row = walk.page.locator("tr", has_text="Сәуле Байжанова")
        expect(row).to_contain_text(texts["zone"])
        expect(row).to_contain_text(texts["country"])
        expect(row).to_contain_text(title)
        name = row.locator("td.title a").first
        lines = name.evaluate(
            """link => { const text = document.createRange();
                text.selectNodeContents(link);
                return new Set([...text.getClientRects()].map(r => r.top)).size; }"""
        )
        assert lines <= len(registration.name.split()), "a name broken inside a word"
        assert axe_violations(walk.page) == []
        walk.snap("staff-organiser-registrations")

        walk.page.goto(
            f"{walk.base_url}/admin/event_registrations/inspect/{registration.pk}/"
        )
        details = walk.page.locator("main")
        answer = details.locator(f'dd dt:text-is("{question}") + dd')
        expect(answer).to_have_text(texts["yes"])
        expect(details).to_contain_text(section_title)
        expect(details).to_contain_text(texts["zone"])
        expect(details).not_to_contain_text("None")
        assert axe_violations(walk.page) == []
        walk.snap("staff-organiser-registration")

        export = walk.page.request.get(
            f"{walk.base_url}/admin/event_registrations/?event={event.pk}&export=xlsx"
        )
        sheet = load_workbook(io.BytesIO(export.body())).active
        rows = list(sheet.iter_rows(values_only=True))
        ours = next(
            dict(zip(rows[0], r, strict=True))
            for r in rows
            if r[1] == registration.name
        )
        assert ours[question] == texts["yes"]
        assert ours[headings["sections"]] == section_title
        assert (
            ours[headings["registered"]]
            == datetime(  # noqa: DTZ001 the event's clock
                *registered_at.timetuple()[:5]
            )
        )
