"""Journey: a reader comments on an event and on an exhibition. Both pages show the same
finished form (styled, its trap field out of sight) and end in the moderation notice; in
Kazakh and Russian, on a desktop and a phone."""

import pytest
from django.core.cache import caches
from playwright.sync_api import expect

from mura.comments.models import Comment
from mura.comments.tests.helpers import captcha_answer
from mura.conftest import sideways_scroll
from mura.events.models import EventPage
from mura.exhibitions.models import ExhibitionPage

pytestmark = pytest.mark.browser

SEEN = {
    "kk": {
        "send": "Пікірді жіберу",
        "trap": "Бұл өрісті бос қалдырыңыз",
        "thanks": "Рахмет! Пікіріңіз модерацияны күтуде.",
    },
    "ru": {
        "send": "Отправить комментарий",
        "trap": "Оставьте это поле пустым",
        "thanks": "Спасибо! Ваш комментарий ожидает модерации.",
    },
}


def page_urls(language: str) -> dict[str, str]:
    """The event and the exhibition a reader comments on, in the walk's language."""
    return {
        kind: model.objects.live()
        .filter(locale__language_code=language)
        .order_by("pk")
        .first()
        .url
        for kind, model in (("event", EventPage), ("exhibition", ExhibitionPage))
    }


def assert_form_finished(page, text: dict) -> None:
    """The comments' own style is applied and the trap field is out of sight."""
    form = page.locator("[data-comment-form]")
    assert form.evaluate("form => getComputedStyle(form).display") == "grid"
    name = page.locator("#id_name")
    assert name.evaluate("input => getComputedStyle(input).borderRadius") == "4px"
    trap = page.get_by_text(text["trap"])
    box = trap.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0, box
    # Side by side (a desktop), the name and e-mail labels and boxes stand level,
    # though only the e-mail has a hint.
    boxes = [page.locator(f"#id_{field}").bounding_box() for field in ("name", "email")]
    labels = [
        page.locator(f"label[for=id_{field}]").bounding_box()
        for field in ("name", "email")
    ]
    if boxes[0]["x"] != boxes[1]["x"]:
        assert boxes[0]["y"] == boxes[1]["y"] and labels[0]["y"] == labels[1]["y"]


def test_comment_on_an_event_and_an_exhibition(live_full_demo, walks):
    for walk in walks(live_full_demo.url):
        # Each walk is another reader; all of them come from 127.0.0.1.
        caches["limits"].clear()
        page, text = walk.page, SEEN[walk.language]
        for kind, url in page_urls(walk.language).items():
            page.goto(live_full_demo.url + url)
            page.locator("#comments").scroll_into_view_if_needed()
            assert_form_finished(page, text)
            assert sideways_scroll(page) == 0
            body = f"{kind}: {walk.language}, {walk.device} — рахмет!"
            page.locator("#id_name").fill("Нұрлан")
            page.locator("#id_email").fill("nurlan@example.kz")
            page.locator("#id_body").fill(body)
            key = page.locator('input[name="captcha_0"]').input_value()
            page.locator('input[name="captcha_1"]').fill(captcha_answer(key))
            # No screenshot before the htmx request: Playwright's screenshot leaves
            # Chromium to report a CSP error on htmx's next request.
            page.get_by_role("button", name=text["send"]).click()
            notice = page.get_by_role("status").filter(has_text=text["thanks"])
            expect(notice).to_be_visible()
            assert_form_finished(page, text)
            page.locator("#comments-heading").scroll_into_view_if_needed()
            walk.snap(f"comment-{kind}")
            assert Comment.objects.get(body=body).status == Comment.Status.PENDING
