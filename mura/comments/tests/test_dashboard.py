"""A moderator sees the waiting comments on the dashboard and approves one in one click."""

from mura.comments.models import Comment
from mura.comments.tests.test_moderation import LIST, moderator, two_institutions

__all__ = ["moderator", "two_institutions"]


def test_the_dashboard_lists_waiting_comments_of_the_moderators_institutions(
    client, moderator, two_institutions
):
    html = client.get("/admin/").content.decode()
    assert 'data-dashboard="comments-waiting"' in html
    assert "Ours жазған пікір" in html and "Theirs жазған пікір" not in html
    assert f"/admin/comments/{two_institutions['ours'].pk}/approve/" in html


def test_one_post_approves_one_comment_and_returns_to_the_listing(
    client, moderator, two_institutions
):
    ours = two_institutions["ours"]
    response = client.post(f"/admin/comments/{ours.pk}/approve/", {"next": LIST})
    assert response.status_code == 302 and response["Location"] == LIST
    ours.refresh_from_db()
    assert ours.status == Comment.Status.APPROVED
    assert ours.moderated_by == moderator
    theirs = two_institutions["theirs"]
    assert client.post(f"/admin/comments/{theirs.pk}/approve/").status_code == 404
    assert client.get(f"/admin/comments/{ours.pk}/approve/").status_code == 405


def test_the_listing_names_the_commented_page_in_the_admins_language(
    client, moderator, two_institutions
):
    html = client.get(LIST).content.decode()
    assert "Target" not in html
    assert f"/admin/comments/{two_institutions['ours_too'].pk}/approve/" in html
