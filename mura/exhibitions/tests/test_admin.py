import pytest
from wagtail.models import Page

from mura.catalog.choices import Access
from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage
from mura.exhibitions.tests.factories import (
    MuseumObjectFactory,
    exhibitions_index,
    make_exhibition,
    make_story,
)
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import UserFactory


@pytest.fixture
def editors(site_tree, institution, other_institution):
    ours, theirs = UserFactory(username="editor-a"), UserFactory(username="editor-b")
    membership_grant(user=ours, institution=institution, role=Role.EDITOR)
    membership_grant(user=theirs, institution=other_institution, role=Role.EDITOR)
    return {"ours": ours, "theirs": theirs}


def test_an_editor_of_another_institution_cannot_edit_or_delete_the_exhibition(
    client, site_tree, institution, editors
):
    exhibition = make_exhibition(site_tree["home"], institution=institution)
    story = make_story(site_tree["home"], institution=institution)
    client.force_login(editors["theirs"])
    for page in (exhibition, story):
        # Wagtail turns the refusal into a redirect to the dashboard with an error message.
        refused = client.get(f"/admin/pages/{page.pk}/edit/", follow=True)
        assert refused.redirect_chain[-1][0] == "/admin/"
        assert page.title not in refused.content.decode()
        client.post(
            f"/admin/pages/{page.pk}/edit/", {"title": "Бөтен", "slug": page.slug}
        )
        client.post(f"/admin/pages/{page.pk}/delete/")
    exhibition.refresh_from_db()
    assert exhibition.title == "Елбасы кітапханасының сыйы"
    assert Page.objects.filter(pk=story.pk).exists()
    client.force_login(editors["ours"])
    assert client.get(f"/admin/pages/{exhibition.pk}/edit/").status_code == 200


def test_the_exhibition_form_offers_only_the_editors_institutions(
    client, site_tree, institution, other_institution, editors
):
    index = exhibitions_index(site_tree["home"])
    client.force_login(editors["ours"])
    form = client.get(f"/admin/pages/add/exhibitions/exhibitionpage/{index.pk}/")
    assert form.status_code == 200
    choices = form.context["form"].fields["institution"].queryset
    assert list(choices) == [institution]


def test_an_editor_creates_a_story_about_a_chosen_record(
    client, site_tree, institution, editors
):
    qobyz = MuseumObjectFactory(institution=institution, title="Қобыз")
    index = exhibitions_index(site_tree["home"])
    client.force_login(editors["ours"])
    data = {
        "title": "Жаңақорған қобызы",
        "slug": "qobyz",
        "institution": institution.pk,
        "artifact": qobyz.pk,
        "authors": "Музей қызметкерлері",
        "introduction": '{"blocks": [], "entityMap": {}}',
        "chapters-count": "0",
        "provenance-count": "0",
        "related_items-TOTAL_FORMS": "0",
        "related_items-INITIAL_FORMS": "0",
        "related_items-MIN_NUM_FORMS": "0",
        "related_items-MAX_NUM_FORMS": "1000",
        "related_people-TOTAL_FORMS": "0",
        "related_people-INITIAL_FORMS": "0",
        "related_people-MIN_NUM_FORMS": "0",
        "related_people-MAX_NUM_FORMS": "1000",
        "sources": '{"blocks": [], "entityMap": {}}',
        "comments_enabled": "on",
        "action-publish": "publish",
    }
    response = client.post(
        f"/admin/pages/add/exhibitions/artifactstorypage/{index.pk}/", data
    )
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    story = ArtifactStoryPage.objects.get(slug="qobyz")
    assert story.live and story.artifact == qobyz
    assert "Қобыз" in client.get(story.url).content.decode()


def test_the_record_chooser_offers_public_records_of_every_institution(
    client, site_tree, institution, other_institution, editors
):
    ours = MuseumObjectFactory(institution=institution, title="Біздің қобыз")
    theirs = MuseumObjectFactory(institution=other_institution, title="Домбыра")
    hidden = MuseumObjectFactory(
        institution=other_institution, title="Қызметтік сәукеле", access=Access.STAFF
    )
    client.force_login(editors["ours"])
    listing = client.get("/admin/exhibitions/records/").json()["html"]
    assert ours.title in listing and theirs.title in listing
    assert hidden.title not in listing
    found = client.get(
        "/admin/exhibitions/records/results/", {"q": "домбыра"}
    ).content.decode()
    assert theirs.title in found and ours.title not in found
    assert ExhibitionPage.objects.count() == 0
