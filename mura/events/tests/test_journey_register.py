"""Journey: a reader registers for an upcoming event (its times on a clock named in the
reader's words), is told by the page itself (no browser bubble) which fields a blank form
misses, chooses a master class, keeps the readable confirmation and an e-mail whose links
name the site's configured address, and on registering twice is offered the link again; in
Kazakh and Russian, on a desktop and a phone."""

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from mura.conftest import sideways_scroll
from mura.events.models import ExtraQuestion

pytestmark = pytest.mark.browser

SEEN = {
    "kk": {
        "event": "Өлкетану қорын цифрландыру: семинар және шеберлік сағаттары",
        "register": "Тіркелу",
        "zone": "(Қызылорда, UTC+05:00)",
        "name": "Аты-жөні",
        "master_class": "Шеберлік сағаты: кітаптар мен құжаттарды сканерлеу",
        "confirmed": "Расталды",
        "yes": "Иә",
        "duplicate": "Бұл e-mail мекенжайы осы іс-шараға тіркелген.",
        "resend": "Сілтемені қайта жіберу",
        "sent": "Тіркеуіңіздің сілтемесін {email} мекенжайына жібердік.",
    },
    "ru": {
        "event": "Оцифровка краеведческих фондов: семинар и мастер-классы",
        "register": "Зарегистрироваться",
        "zone": "(Кызылорда, UTC+05:00)",
        "name": "Фамилия и имя",
        "master_class": "Мастер-класс: сканирование книг и документов",
        "confirmed": "Подтверждена",
        "yes": "Да",
        "duplicate": "Этот адрес e-mail уже зарегистрирован на мероприятие.",
        "resend": "Отправить ссылку ещё раз",
        "sent": "Мы отправили ссылку на вашу регистрацию на адрес {email}.",
    },
}


def assert_facts_readable(page, selector: str) -> None:
    """Every value of a facts list is at least a few words wide (never a letter a line)."""
    values = page.locator(f"{selector} dd")
    expect(values.first).to_be_visible()
    widths = values.evaluate_all(
        "items => items.map(item => item.getBoundingClientRect().width)"
    )
    assert widths and min(widths) > 150, widths


def fill_in(page, email: str, text: dict, question: int) -> None:
    page.locator("#id_name").fill("Әлия Сәрсенова")
    page.locator("#id_organisation").fill("Қостанай облыстық кітапханасы")
    page.locator("#id_region").fill("Қостанай")
    page.locator("#id_email").fill(email)
    page.get_by_label(text["master_class"]).check()
    page.locator(f"#id_question_{question}").select_option("yes")
    page.locator("#id_consent").check()


def test_register_choosing_a_master_class_and_keep_the_ticket(live_full_demo, walks):
    question = ExtraQuestion.objects.filter(kind=ExtraQuestion.Kind.YES_NO).first()
    for walk in walks(live_full_demo.url):
        page, text = walk.page, SEEN[walk.language]
        email = f"aliya.{walk.language}.{walk.device}@example.kz"
        page.goto(walk.url("/events/"))
        page.get_by_role("link", name=text["event"]).first.click()
        expect(page.locator(".event__when .event__zone")).to_have_text(text["zone"])
        assert_facts_readable(page, ".event__facts")
        walk.snap("register-event")
        page.get_by_role("link", name=text["register"]).first.click()

        expect(page.locator("#id_name")).to_be_visible()
        register_url = page.url
        page.get_by_role("button", name=text["register"]).click()  # nothing filled in
        summary = page.locator(".form__summary")
        expect(summary.get_by_role("link", name=text["name"])).to_have_attribute(
            "href", "#id_name"
        )
        fill_in(page, email, text, question.pk)
        walk.snap("register-form")
        page.get_by_role("button", name=text["register"]).click()

        card = page.locator(".registration__card")
        expect(card.get_by_text(text["confirmed"])).to_be_visible()
        expect(card.locator("dd", has_text=text["master_class"])).to_be_visible()
        expect(card.locator("dd").filter(has_text=text["yes"]).first).to_be_visible()
        assert "yes" not in card.inner_text()
        assert_facts_readable(page, ".registration__card")
        assert sideways_scroll(page) == 0
        walk.snap("register-confirmation")
        message = mail.outbox[-1]
        assert message.to == [email] and text["master_class"] in message.body
        assert f"{settings.MURA_SITE_URL}/" in message.body
        assert "http://localhost/" not in message.body

        page.goto(register_url)
        fill_in(page, email, text, question.pk)
        page.get_by_role("button", name=text["register"]).click()
        expect(summary.get_by_role("link", name=text["duplicate"])).to_be_visible()
        resend = page.get_by_role("button", name=text["resend"])
        expect(resend).to_be_visible()
        resend.scroll_into_view_if_needed()
        walk.snap("register-duplicate")
        resend.click()
        expect(
            page.get_by_text(text["sent"].format(email=email), exact=True)
        ).to_be_visible()
        assert mail.outbox[-1].to == [email]
        assert mail.outbox[-1].body != message.body
