"""Posting a comment: CAPTCHA or question, honeypot, rate limit, escaping, the e-mail kept private."""

import feedparser
from captcha.models import CaptchaStore
from django.core import mail
from django.utils import timezone

from mura.comments.models import Comment, CommentSettings
from mura.comments.services import comments_moderate
from mura.comments.tests.helpers import (
    ARTICLE,
    FIREFOX,
    captcha_answer,
    comment_data,
    hidden,
    page_html,
)
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import UserFactory


def approve_all() -> None:
    comments_moderate(
        comments=Comment.objects.all(),
        status=Comment.Status.APPROVED,
        user=UserFactory(is_superuser=True),
    )


def test_a_comment_with_the_right_code_waits_for_moderation_then_appears(
    client, article
):
    response = client.post(
        "/comments/post/", comment_data(page_html(client)), follow=True
    )
    assert "Рахмет! Пікіріңіз модерацияны күтуде." in response.content.decode()
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.target == article and comment.institution == article.institution
    assert "Көрме өте қызықты болды" not in page_html(client)
    approve_all()
    html = page_html(client)
    assert "Көрме өте қызықты болды, рахмет!" in html
    assert "Айгүл Серікқызы" in html
    assert "1 пікір" in html


def test_a_wrong_code_is_refused_and_keeps_what_the_reader_typed(client, article):
    data = comment_data(
        page_html(client, "/ru" + ARTICLE),
        answer="wrong",
        body="Мой длинный отзыв о выставке",
    )
    response = client.post("/ru/comments/post/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Код неверный или устарел. Введите новый код с картинки." in html
    assert "Мой длинный отзыв о выставке</textarea>" in html
    assert 'value="Айгүл Серікқызы"' in html
    assert hidden(html, "captcha_0") != data["captcha_0"], (
        "a new picture replaces the used one"
    )
    assert Comment.objects.count() == 0


def test_a_code_can_be_tried_only_once(client, article):
    data = comment_data(page_html(client))
    right = data["captcha_1"]
    client.post("/comments/post/", {**data, "captcha_1": "nope"})
    response = client.post("/comments/post/", {**data, "captcha_1": right})
    assert "Код қате немесе оның мерзімі өтіп кеткен" in response.content.decode()
    assert Comment.objects.count() == 0


def test_an_expired_code_is_refused_with_the_text_kept(client, article):
    data = comment_data(page_html(client), body="Кеш жазылған пікір")
    CaptchaStore.objects.filter(hashkey=data["captcha_0"]).update(
        expiration=timezone.now()
    )
    html = client.post("/comments/post/", data).content.decode()
    assert (
        "Код қате немесе оның мерзімі өтіп кеткен. Суреттегі жаңа кодты енгізіңіз."
        in html
    )
    assert "Кеш жазылған пікір</textarea>" in html


def test_without_code_or_answer_the_reader_is_told_what_to_do(client, article):
    response = client.post(
        "/comments/post/", comment_data(page_html(client), answer="")
    )
    assert (
        "Суреттегі кодты енгізіңіз. Оны көре алмасаңыз, оның орнына сұрақ сұраңыз."
        in response.content.decode()
    )
    assert Comment.objects.count() == 0


def test_the_honeypot_catches_robots_silently(client, article):
    response = client.post(
        "/comments/post/",
        comment_data(page_html(client), website="http://spam.example"),
        follow=True,
    )
    assert "Рахмет! Пікіріңіз модерацияны күтуде." in response.content.decode()
    assert Comment.objects.count() == 0


def test_thirty_comments_a_minute_from_one_address_are_cut_off(client, article):
    statuses = []
    html = page_html(client)
    for number in range(30):
        key = CaptchaStore.generate_key()  # a fresh real picture for each attempt
        data = comment_data(
            html, body=f"Пікір №{number}", captcha_0=key, captcha_1=captcha_answer(key)
        )
        response = client.post("/ru/comments/post/", data, REMOTE_ADDR="203.0.113.9")
        statuses.append(response.status_code)
    assert statuses[:5] == [302] * 5
    assert set(statuses[5:]) == {429}
    assert Comment.objects.count() == 5
    assert "Слишком много комментариев с вашего адреса." in response.content.decode()
    assert "Пікір №29</textarea>" in response.content.decode(), (
        "the refused text is kept"
    )
    other = client.post(
        "/comments/post/", comment_data(page_html(client)), REMOTE_ADDR="198.51.100.4"
    )
    assert other.status_code == 302, "another address is not affected"


def test_rate_limits_can_be_switched_off_for_load_tests(client, article, settings):
    settings.MURA_RATELIMITS = False
    for _ in range(7):
        client.post("/comments/post/", comment_data(page_html(client)))
    assert Comment.objects.count() == 7


def test_markup_and_scripts_are_shown_as_text_and_links_are_not_clickable(
    client, article
):
    data = comment_data(
        page_html(client),
        name='<b onmouseover="x()">Бот</b>',
        body='<script>alert("xss")</script> <a href="http://spam.example">click</a> http://spam.example',
    )
    client.post("/comments/post/", data)
    approve_all()
    html = page_html(client)
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html
    assert "&lt;b onmouseover=&quot;x()&quot;&gt;Бот&lt;/b&gt;" in html
    assert 'href="http://spam.example"' not in html


def test_the_email_never_appears_in_public_html_feeds_or_api(client, article):
    client.post(
        "/comments/post/",
        comment_data(page_html(client), email="secret.reader@example.org"),
    )
    approve_all()
    public = [
        ARTICLE,
        "/ru" + ARTICLE,
        "/en" + ARTICLE,
        "/news/",
        "/feeds/news.rss",
        "/feeds/news.atom",
        "/feeds/news.rss?lang=ru",
        "/api/v1/news",
        f"/api/v1/news/{article.pk}",
        "/",
    ]
    for url in public:
        response = client.get(url, HTTP_USER_AGENT=FIREFOX)
        assert response.status_code == 200, url
        assert "secret.reader" not in response.content.decode(), url
    assert (
        client.get(f"/api/v1/news/{article.pk}").json()["comments"][0]["name"]
        == "Айгүл Серікқызы"
    )
    assert feedparser.parse(client.get("/feeds/news.rss").content).bozo == 0


def test_moderators_of_the_institution_get_an_email(
    client, article, django_capture_on_commit_callbacks
):
    moderator = UserFactory(email="moderator@example.org")
    membership_grant(
        user=moderator, institution=article.institution, role=Role.MODERATOR
    )
    outsider = UserFactory(email="other@example.org")
    membership_grant(user=outsider, institution=article.institution, role=Role.EDITOR)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/comments/post/", comment_data(page_html(client)))
    assert [message.to for message in mail.outbox] == [["moderator@example.org"]]
    assert "Айгүл Серікқызы" in mail.outbox[0].subject
    assert "/admin/snippets/comments/comment/" in mail.outbox[0].body


def test_moderators_are_not_emailed_when_the_site_says_so(
    client, article, django_capture_on_commit_callbacks
):
    moderator = UserFactory(email="moderator@example.org")
    membership_grant(
        user=moderator, institution=article.institution, role=Role.MODERATOR
    )
    settings_ = CommentSettings.current()
    settings_.notify_moderators = False
    settings_.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/comments/post/", comment_data(page_html(client)))
    assert Comment.objects.count() == 1
    assert mail.outbox == []


def test_comments_switched_off_on_an_article(client, article):
    html = page_html(client)
    article.comments_enabled = False
    article.save_revision().publish()
    assert "Пікірлер жабық." in page_html(client)
    response = client.post("/comments/post/", comment_data(html))
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_comments_close_after_the_site_wide_number_of_days(client, article):
    settings_ = CommentSettings.current()
    settings_.close_after_days = 30
    settings_.save()
    assert "Пікірлер жабық." in page_html(client), (
        "the 2019 article is long past 30 days"
    )
    article.comments_close_after_days = 0
    article.save_revision().publish()
    assert "Пікір қосу" in page_html(client), "the article's own rule wins"


def test_htmx_gets_the_form_fragment_back(client, article):
    response = client.post(
        "/comments/post/", comment_data(page_html(client)), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div class="comment-form" id="comment-form">')
    assert "Рахмет! Пікіріңіз модерацияны күтуде." in html
    assert Comment.objects.count() == 1


def test_comments_attach_only_to_objects_that_accept_them(client, article):
    data = comment_data(
        page_html(client),
        content_type="institutions.institution",
        object_id=str(article.institution_id),
    )
    response = client.post("/comments/post/", data)
    assert response.status_code == 403
    assert (
        client.post(
            "/comments/post/", {**data, "content_type": "nothing.here"}
        ).status_code
        == 404
    )
    assert Comment.objects.count() == 0
