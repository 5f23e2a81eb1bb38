"""Whatever a reader (or a script) posts to the comment form: never a 5xx, a comment is
stored whole or not at all, and a refused form comes back with the reader's text and
an error in the reader's language."""

import re

import pytest
from captcha.models import CaptchaStore
from django.core.cache import caches
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mura.comments.models import Comment
from mura.comments.tests.helpers import ARTICLE, FIREFOX, comment_data
from mura.news.models import NewsArticlePage

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOT_SENT = {
    "kk": "Пікір жіберілмеді. Белгіленген өрістерді түзетіңіз",
    "ru": "Комментарий не отправлен. Исправьте отмеченные поля",
}
ENGLISH = re.compile(
    r"This field|Enter a valid|Ensure this value|Null characters|Type the code|"
    r"The answer is"
)

# Any text a browser can send (no lone surrogates: they cannot be encoded), NUL and
# control characters, markup, and values far longer than any field allows.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
TEXT = st.one_of(
    ANY_TEXT,
    ANY_TEXT.map(lambda value: value + "\x00"),
    st.sampled_from(
        ['<script>alert("x")</script>', "<b onmouseover=x()>Бот</b>", "   ", ""]
    ),
    st.builds(
        lambda value, times: (value or "ж") * times, ANY_TEXT, st.integers(50, 5000)
    ),
)
CODE = st.sampled_from(["right", "wrong", "missing", "unknown key"])


@pytest.fixture
def form_html(client, demo_news):
    Comment.objects.all().delete()
    NewsArticlePage.objects.get(
        slug="elbasy-library-information-resources-session", locale__language_code="kk"
    )
    return {
        language: client.get(prefix + ARTICLE, HTTP_USER_AGENT=FIREFOX).content.decode()
        for language, prefix in (("kk", ""), ("ru", "/ru"))
    }


def _captcha(code: str) -> dict[str, str]:
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    return {
        "right": {"captcha_0": key, "captcha_1": answer},
        "wrong": {"captcha_0": key, "captcha_1": answer + "x"},
        "missing": {"captcha_0": key, "captcha_1": ""},
        "unknown key": {"captcha_0": "nope\x00", "captcha_1": answer},
    }[code]


@FUZZ
@given(
    language=st.sampled_from(["kk", "ru"]),
    name=TEXT,
    email=st.one_of(TEXT, st.just("reader@example.org")),
    body=TEXT,
    code=CODE,
    question=st.one_of(st.just(""), TEXT),
    website=st.sampled_from(["", "http://spam.example"]),
)
def test_any_comment_form_input_is_answered_without_a_server_error(
    client, form_html, language, name, email, body, code, question, website
):
    caches["limits"].clear()
    before = Comment.objects.count()
    data = comment_data(
        form_html[language],
        name=name,
        email=email,
        body=body,
        website=website,
        question_0="",
        question_1=question,
        **_captcha(code),
    )
    prefix = "" if language == "kk" else "/ru"
    response = client.post(f"{prefix}/comments/post/", data)
    assert response.status_code in (200, 302)
    stored = Comment.objects.count() - before
    if response.status_code == 302:
        assert stored == (0 if website else 1)
        if stored:
            comment = Comment.objects.latest("pk")
            assert (comment.name, comment.email, comment.body) == (
                name.strip(),
                email.strip(),
                body.strip(),
            )
        return
    assert stored == 0
    html = response.content.decode()
    assert NOT_SENT[language] in html
    assert not ENGLISH.search(html), ENGLISH.search(html)
    assert escape(body) in html, "the reader's text comes back"
