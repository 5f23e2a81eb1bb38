"""Moderation in the admin: each moderator sees their institutions' comments and acts on them."""

import pytest
from django.contrib.contenttypes.models import ContentType

from mura.comments.models import Comment
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory
from mura.news.models import NewsArticlePage
from mura.news.tests.factories import NewsArticlePageFactory

LIST = "/admin/snippets/comments/comment/"


def make_comment(
    article: NewsArticlePage, name: str, status: str = Comment.Status.PENDING
) -> Comment:
    return Comment.objects.create(
        content_type=ContentType.objects.get_for_model(NewsArticlePage),
        object_id=article.pk,
        institution=article.institution,
        name=name,
        email=f"{name.lower()}@example.org",
        body=f"{name} жазған пікір",
        status=status,
    )


@pytest.fixture
def two_institutions(demo_news):
    Comment.objects.all().delete()
    ours, theirs = InstitutionFactory(), InstitutionFactory()
    return {
        "ours": make_comment(NewsArticlePageFactory(institution=ours), "Ours"),
        "ours_too": make_comment(NewsArticlePageFactory(institution=ours), "Second"),
        "theirs": make_comment(NewsArticlePageFactory(institution=theirs), "Theirs"),
    }


@pytest.fixture
def moderator(client, two_institutions):
    user = UserFactory()
    membership_grant(
        user=user, institution=two_institutions["ours"].institution, role=Role.MODERATOR
    )
    client.force_login(user)
    return user


def test_a_moderator_sees_only_the_comments_of_their_institutions(
    client, moderator, two_institutions
):
    html = client.get(LIST).content.decode()
    assert "Ours жазған пікір" in html and "Second жазған пікір" in html
    assert "Theirs жазған пікір" not in html
    assert client.get(f"{LIST}edit/{two_institutions['theirs'].pk}/").status_code == 404


def test_a_union_admin_sees_every_comment(client, two_institutions):
    client.force_login(UserFactory(is_superuser=True))
    html = client.get(LIST).content.decode()
    assert all(f"{name} жазған пікір" in html for name in ("Ours", "Second", "Theirs"))


def test_bulk_approval_changes_only_the_moderators_own_comments(
    client, moderator, two_institutions
):
    ids = [comment.pk for comment in two_institutions.values()]
    url = "/admin/bulk/comments/comment/approve/?" + "&".join(f"id={pk}" for pk in ids)
    confirm = client.get(url)
    assert confirm.status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    statuses = {comment.name: comment.status for comment in Comment.objects.all()}
    assert statuses == {"Ours": "approved", "Second": "approved", "Theirs": "pending"}
    approved = Comment.objects.get(name="Ours")
    assert approved.moderated_by == moderator and approved.moderated_at is not None


@pytest.mark.parametrize(
    ("action", "status"), [("reject", "rejected"), ("spam", "spam")]
)
def test_a_single_comment_is_rejected_or_marked_as_spam(
    client, moderator, two_institutions, action, status
):
    comment = two_institutions["ours"]
    html = client.get(LIST).content.decode()
    assert f"/admin/bulk/comments/comment/{action}/?id={comment.pk}" in html
    client.post(f"/admin/bulk/comments/comment/{action}/?id={comment.pk}")
    comment.refresh_from_db()
    assert comment.status == status
    assert Comment.objects.get(name="Second").status == "pending"


def test_the_edit_screen_changes_only_the_status(client, moderator, two_institutions):
    comment = two_institutions["ours"]
    response = client.post(
        f"{LIST}edit/{comment.pk}/",
        {"status": "approved", "name": "Changed", "body": "Changed"},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.name, comment.moderated_by) == (
        "approved",
        "Ours",
        moderator,
    )


def test_staff_without_a_moderator_role_cannot_moderate(client, two_institutions):
    editor = UserFactory()
    membership_grant(
        user=editor, institution=two_institutions["ours"].institution, role=Role.EDITOR
    )
    client.force_login(editor)
    assert client.get(LIST).status_code in (302, 403)
    client.post(
        f"/admin/bulk/comments/comment/approve/?id={two_institutions['ours'].pk}"
    )
    assert Comment.objects.get(name="Ours").status == "pending"
