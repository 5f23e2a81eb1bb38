"""A reader comments in headless Chromium: real CAPTCHA pictures, htmx, and the refresh button."""

import pytest
from playwright.sync_api import expect

from mura.comments.models import Comment
from mura.comments.services import comments_moderate
from mura.comments.tests.helpers import ARTICLE, captcha_answer
from mura.conftest import keep_screenshot
from mura.institutions.tests.factories import UserFactory

pytestmark = pytest.mark.browser

SCRIPTED_NAME = '<img src=x onerror="alert(1)">Нұрлан'
SCRIPTED_BODY = (
    "<script>alert('xss')</script> Кітап сыйлағандарыңызға рахмет! http://spam.example"
)


@pytest.fixture
def article_url(live_demo):
    return live_demo.url + ARTICLE


def fill_in(
    page, *, name: str, body: str, email: str = "nurlan.private@example.org"
) -> None:
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(email)
    page.locator("#id_body").fill(body)


def shown_key(page) -> str:
    return page.locator('input[name="captcha_0"]').input_value()


def test_a_comment_with_the_right_code_waits_then_appears_as_text(
    article_url, browser_page, screenshot_dir
):
    page = browser_page
    page.goto(article_url)
    expect(page.get_by_role("heading", name="Пікір қосу")).to_be_visible()
    fill_in(page, name=SCRIPTED_NAME, body=SCRIPTED_BODY)
    page.get_by_label("Суреттегі код").fill(captcha_answer(shown_key(page)))
    page.get_by_role("button", name="Пікірді жіберу").click()
    expect(
        page.get_by_role("status").filter(has_text="Пікіріңіз модерацияны күтуде")
    ).to_be_visible()
    comment = Comment.objects.get(name=SCRIPTED_NAME)
    assert comment.status == Comment.Status.PENDING
    page.reload()
    expect(
        page.locator(".comment").filter(has_text="Кітап сыйлағандарыңызға")
    ).to_have_count(0)

    comments_moderate(
        comments=[comment],
        status=Comment.Status.APPROVED,
        user=UserFactory(is_superuser=True),
    )
    page.reload()
    shown = page.locator(".comment").last
    expect(shown.locator(".comment__name")).to_have_text(SCRIPTED_NAME)
    expect(shown.locator(".comment__body")).to_have_text(SCRIPTED_BODY)
    expect(shown.locator("a")).to_have_count(0)
    assert "nurlan.private" not in page.content()
    page.locator("#comments").scroll_into_view_if_needed()
    keep_screenshot(page, screenshot_dir / "comments-kk.png")


def test_a_wrong_code_is_refused_in_russian_with_the_text_kept(
    article_url, browser_page
):
    page = browser_page
    page.goto(article_url.replace("/news/", "/ru/news/"))
    fill_in(page, name="Анна", body="Длинный отзыв, который жалко потерять.")
    old_key = shown_key(page)
    page.get_by_label("Код с картинки").fill("zzzz")
    page.get_by_role("button", name="Отправить комментарий").click()
    expect(
        page.get_by_text("Код неверный или устарел. Введите новый код с картинки.")
    ).to_be_visible()
    expect(page.locator("#id_body")).to_have_value(
        "Длинный отзыв, который жалко потерять."
    )
    expect(page.locator("#id_name")).to_have_value("Анна")
    assert "/ru/news/elbasy" in page.url, "htmx swapped the form in place"
    assert shown_key(page) != old_key
    assert not Comment.objects.filter(name="Анна").exists()
    page.get_by_label("Код с картинки").fill(captcha_answer(shown_key(page)))
    page.get_by_role("button", name="Отправить комментарий").click()
    expect(
        page.get_by_text("Спасибо! Ваш комментарий ожидает модерации.")
    ).to_be_visible()
    assert Comment.objects.get(name="Анна").language == "ru"


def test_clicking_the_picture_gives_a_new_code_without_reloading(
    article_url, browser_page
):
    page = browser_page
    page.goto(article_url)
    page.locator("#id_body").fill("Жазып жатқан мәтін")
    image = page.locator("[data-captcha-image]")
    old_key, old_src = shown_key(page), image.get_attribute("src")
    image.click()
    expect(page.locator('input[name="captcha_0"]')).not_to_have_value(old_key)
    new_key = shown_key(page)
    assert (
        new_key in image.get_attribute("src") and image.get_attribute("src") != old_src
    )
    assert captcha_answer(new_key)
    expect(page.locator("#id_body")).to_have_value("Жазып жатқан мәтін")
    page.get_by_role("button", name="Басқа код көрсету").click()
    expect(page.locator('input[name="captcha_0"]')).not_to_have_value(new_key)
    page.wait_for_function(
        "() => { const image = document.querySelector('[data-captcha-image]');"
        " return image.complete && image.naturalWidth > 0; }",
        timeout=15000,
    )


def test_the_article_page_in_russian_with_views_and_structured_data(
    article_url, browser_page, screenshot_dir
):
    page = browser_page
    page.goto(article_url.replace("/news/", "/ru/news/"))
    expect(page.locator(".article__views")).to_contain_text("просмотр")
    expect(page.locator(".article__meta time")).to_have_text("08 апреля 2019 г. 16:32")
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert data["@type"] == "NewsArticle" and data["datePublished"].startswith(
        "2019-04-08T16:32"
    )
    keep_screenshot(page, screenshot_dir / "news-article-ru.png")
