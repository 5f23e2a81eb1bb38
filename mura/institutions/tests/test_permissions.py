"""An editor of one institution cannot touch another institution's pages."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Page

from mura.institutions.models import Institution, Membership, Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import UserFactory
from mura.news.models import NewsArticlePage, NewsIndexPage
from mura.portal.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(demo_news):
    """An editor of the Tazhibaev library, granted through the service the admin uses."""
    user = UserFactory(username="editor-kyzylorda")
    membership_grant(
        user=user,
        institution=Institution.objects.get(slug="tazhibaev-library"),
        role=Role.EDITOR,
    )
    return user


def article_of(slug: str) -> NewsArticlePage:
    return NewsArticlePage.objects.get(
        locale__language_code="kk", institution__slug=slug
    )


def test_editor_can_edit_own_institutions_article(client, editor):
    client.force_login(editor)
    own = article_of("tazhibaev-library")
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_editor_cannot_edit_or_delete_another_institutions_article(client, editor):
    client.force_login(editor)
    other = article_of("toraighyrov-library")
    # Wagtail turns the refusal into a redirect to the dashboard with an error message.
    edit = client.get(f"/admin/pages/{other.pk}/edit/", follow=True)
    assert edit.redirect_chain[-1][0] == "/admin/"
    assert (
        "рұқсат" in edit.content.decode()
        or "permission" in edit.content.decode().lower()
    )
    client.post(f"/admin/pages/{other.pk}/delete/")
    title = other.title
    client.post(
        f"/admin/pages/{other.pk}/edit/", {"title": "hijacked", "slug": other.slug}
    )
    other.refresh_from_db()
    assert other.title == title
    assert NewsArticlePage.objects.filter(pk=other.pk).exists()


def test_editor_is_offered_only_own_institution_when_creating(client, editor):
    client.force_login(editor)
    index = article_of("tazhibaev-library").get_parent()
    response = client.get(f"/admin/pages/add/news/newsarticlepage/{index.pk}/")
    assert response.status_code == 200
    choices = list(response.context["form"].fields["institution"].queryset)
    assert choices == [Institution.objects.get(slug="tazhibaev-library")]


def test_user_without_membership_cannot_create_news(client, demo_news):
    user = UserFactory(username="no-role")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.is_superuser = False
    user.save()

    index = NewsIndexPage.objects.filter(locale__language_code="kk").first()
    assert isinstance(index, Page)
    client.force_login(user)
    response = client.get(f"/admin/pages/add/news/newsarticlepage/{index.pk}/")
    assert response.status_code in {302, 403}


def test_union_admin_can_edit_every_institutions_article(client, demo_news):
    admin = UserFactory(username="union-admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    for slug in ("tazhibaev-library", "toraighyrov-library"):
        assert (
            client.get(f"/admin/pages/{article_of(slug).pk}/edit/").status_code == 200
        )


def test_editor_cannot_change_the_portals_own_pages(client, editor):
    client.force_login(editor)
    home = HomePage.objects.get(locale__language_code="kk")
    response = client.get(f"/admin/pages/{home.pk}/edit/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/"


def test_admin_grants_a_role_through_the_staff_roles_screen(client, demo_news):
    admin = UserFactory(username="union-admin-2", is_superuser=True, is_staff=True)
    newcomer = UserFactory(username="newcomer")
    museum = Institution.objects.get(slug="potanin-museum")
    client.force_login(admin)
    response = client.post(
        "/admin/memberships/new/",
        {"user": newcomer.pk, "institution": museum.pk, "role": Role.EDITOR},
    )
    assert response.status_code == 302
    assert Membership.objects.filter(
        user=newcomer, institution=museum, role=Role.EDITOR
    ).exists()
    assert newcomer.groups.filter(name__startswith="Mura:").exists()
    assert newcomer.has_perm("wagtailadmin.access_admin")
