"""Journey: a moderator's dashboard shows the searches readers found nothing for this week
and a waiting comment, which one click approves; in the Kazakh and Russian admin, on a
desktop and a phone."""

import pytest
from django.contrib.contenttypes.models import ContentType
from playwright.sync_api import expect

from mura.comments.models import Comment
from mura.conftest import axe_violations
from mura.institutions.models import Role
from mura.institutions.tests.staff import admin_sign_in, staff_member
from mura.news.models import NewsArticlePage

pytestmark = pytest.mark.browser

TEXTS = {
    "kk": {
        "approve": "Мақұлдау",
        "done": "{name} жазған пікір мақұлданды.",
        "unfound": "Осы аптада ештеңе таппаған іздеулер",
    },
    "ru": {
        "approve": "Одобрить",
        "done": "Комментарий автора {name} одобрен.",
        "unfound": "Поиски без результатов за неделю",
    },
}


def _waiting_comment(article: NewsArticlePage, name: str) -> Comment:
    return Comment.objects.create(
        content_type=ContentType.objects.get_for_model(NewsArticlePage),
        object_id=article.pk,
        institution=article.institution,
        name=name,
        email="reader@example.org",
        body="Кітапхананың жаңа залы қашан ашылады?",
    )


def test_moderator_approves_a_comment_in_one_click(live_full_demo, walks):
    article = NewsArticlePage.objects.filter(locale__language_code="kk").first()
    for walk in walks(live_full_demo.url, languages=tuple(TEXTS)):
        texts = TEXTS[walk.language]
        user = staff_member(
            institution=article.institution,
            role=Role.MODERATOR,
            username=f"moderator-{walk.language}-{walk.device}",
            language=walk.language,
        )
        comment = _waiting_comment(article, f"Оқырман {walk.language} {walk.device}")
        unfound = f"qxzw{walk.language}{walk.device}"
        walk.page.goto(walk.url(f"/search/?q={unfound}"))  # a reader finds nothing
        admin_sign_in(walk, user)
        searches = walk.page.locator('[data-dashboard="unfound-queries"]')
        expect(searches).to_contain_text(texts["unfound"])
        expect(searches).to_contain_text(unfound)
        panel = walk.page.locator('[data-dashboard="comments-waiting"]')
        row = panel.locator("tr", has_text=comment.name)
        expect(row).to_be_visible()
        assert axe_violations(walk.page) == []
        walk.snap("staff-moderator-dashboard")
        row.get_by_role("button", name=texts["approve"]).click()
        expect(walk.page.locator(".messages")).to_contain_text(
            texts["done"].format(name=comment.name)
        )
        expect(panel.locator("tr", has_text=comment.name)).to_have_count(0)
        walk.snap("staff-moderator-approved")
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED
        assert comment.moderated_by == user
