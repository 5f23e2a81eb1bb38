"""Every staff action, export of personal data and sign-in leaves an entry in Wagtail's
site history, with who, when, from where and for which institution."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import LogContext
from wagtail.models import PageLogEntry

from mura.audit.models import AuditLogEntry
from mura.audit.services import audit_prune
from mura.catalog.choices import AgentRole
from mura.catalog.models import EditionRecord
from mura.catalog.services import resource_delete, resource_update
from mura.catalog.tests.factories import PersonFactory, ResourceFactory
from mura.comments.models import Comment
from mura.events.services import (
    registration_certificate_issue,
    registration_certificate_revoke,
    registration_check_in,
    registration_create,
)
from mura.events.tests.factories import make_event, registration_data
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory
from mura.news.models import NewsArticlePage
from mura.news.tests.factories import NewsArticlePageFactory

HISTORY = "/admin/reports/site-history/"
ADDRESS = "203.0.113.7"
PASSWORD = "correct horse battery staple"


def staff(institution, role: Role, username: str):
    user = UserFactory(username=username)
    membership_grant(user=user, institution=institution, role=role)
    return user


def entries(action: str, **filters) -> list:
    found = [*AuditLogEntry.objects.filter(action=action, **filters)]
    return found + [*PageLogEntry.objects.filter(action=action, **filters)]


@pytest.fixture
def event(site_tree):
    past = timezone.now() - timedelta(hours=2)
    return make_event(site_tree["home"], institution=InstitutionFactory(), start=past)


def test_a_record_edit_names_the_fields_changed_and_the_institution(db):
    record = ResourceFactory(title="Абай жолы")
    cataloguer = staff(record.institution, Role.CATALOGUER, "cataloguer")
    with LogContext(user=cataloguer):
        resource_update(
            resource=record, data={"title": "Абай жолы. 1-том"}, user=cataloguer
        )
        resource_delete(resource=record, user=cataloguer)
    edit = AuditLogEntry.objects.get(action="wagtail.edit", object_id=str(record.pk))
    assert edit.user == cataloguer and edit.institution == record.institution
    assert edit.data["changed"] == ["title"]
    assert AuditLogEntry.objects.filter(
        action="wagtail.delete", object_id=str(record.pk), user=cataloguer
    ).exists()
    created = AuditLogEntry.objects.get(
        action="wagtail.create", object_id=str(record.pk)
    )
    assert created.institution == record.institution


def test_deleting_an_authority_in_the_admin_is_logged_with_the_address(admin_client):
    person = PersonFactory()
    admin_client.post(
        f"/admin/snippets/catalog/person/delete/{person.pk}/", REMOTE_ADDR=ADDRESS
    )
    entry = AuditLogEntry.objects.get(action="wagtail.delete")
    assert entry.object_id == str(person.pk) and entry.address == ADDRESS


def test_page_edit_and_publish_carry_institution_address_and_fields(demo_news):
    article = NewsArticlePageFactory()
    editor = staff(article.institution, Role.EDITOR, "editor")
    article.save_revision(user=editor, log_action=True)
    article.lead = "Жаңа кіріспе."
    article.save_revision(user=editor, log_action=True).publish(user=editor)
    edit = PageLogEntry.objects.filter(page=article, action="wagtail.edit").first()
    assert edit.data["institution"] == article.institution.pk
    assert "lead" in edit.data["changed"]
    published = PageLogEntry.objects.get(
        page=article, action="wagtail.publish", user=editor
    )
    assert published.user == editor
    assert published.data["institution"] == article.institution.pk


def test_approving_a_comment_is_logged(client, demo_news):
    article = NewsArticlePageFactory()
    comment = Comment.objects.create(
        content_type=ContentType.objects.get_for_model(NewsArticlePage),
        object_id=article.pk,
        institution=article.institution,
        name="Айгүл",
        email="aigul@example.org",
        body="Рақмет!",
    )
    moderator = staff(article.institution, Role.MODERATOR, "moderator")
    client.force_login(moderator)
    client.post(f"/admin/comments/{comment.pk}/approve/", REMOTE_ADDR=ADDRESS)
    entry = AuditLogEntry.objects.get(action="mura.comment.approved")
    assert (entry.user, entry.institution, entry.address) == (
        moderator,
        article.institution,
        ADDRESS,
    )


def test_check_in_and_certificates_are_logged_for_the_organiser(event):
    organiser = staff(event.institution, Role.ORGANISER, "organiser")
    registration = registration_create(
        event=event, data=registration_data(1), sections=[]
    )
    with LogContext(user=organiser):
        registration_check_in(registration=registration)
        registration_certificate_issue(registration=registration)
        registration_certificate_revoke(registration=registration)
    for action in (
        "mura.check_in",
        "mura.certificate.issue",
        "mura.certificate.revoke",
    ):
        (entry,) = entries(action)
        assert entry.user == organiser and entry.institution == event.institution
        assert entry.object_id == str(registration.pk)


def test_exporting_registrations_names_the_event_the_user_and_the_rows(client, event):
    for n in (1, 2):
        registration_create(event=event, data=registration_data(n), sections=[])
    organiser = staff(event.institution, Role.ORGANISER, "organiser")
    client.force_login(organiser)
    response = client.get(
        f"/admin/event_registrations/?event={event.pk}&export=csv", REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 200
    entry = PageLogEntry.objects.get(action="mura.export")
    assert entry.page_id == event.pk and entry.user == organiser
    assert entry.data["rows"] == 2 and entry.data["format"] == "csv"
    assert entry.data["what"] == "registrations"
    assert entry.data["address"] == ADDRESS
    assert entry.data["institution"] == event.institution.pk
    client.get(f"/admin/events/overview/{event.pk}/badges.pdf")
    assert PageLogEntry.objects.filter(action="mura.export", data__what="badges")


def test_user_deletion_is_logged(admin_client):
    leaving = UserFactory(username="leaving")
    admin_client.post(f"/admin/users/delete/{leaving.pk}/", REMOTE_ADDR=ADDRESS)
    entry = AuditLogEntry.objects.get(action="wagtail.delete")
    assert entry.label and entry.address == ADDRESS


def test_sign_ins_and_failed_sign_ins_are_logged_with_the_address(client, db):
    user = UserFactory(username="reader")
    user.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    for username, password in (
        ("reader", "guess"),
        ("nobody", "guess"),
        ("reader", PASSWORD),
    ):
        client.post(
            "/admin/login/",
            {"username": username, "password": password, "next": "/admin/"},
            REMOTE_ADDR=ADDRESS,
        )
    failed = AuditLogEntry.objects.filter(action="mura.login_failed").order_by("pk")
    assert [entry.data["username"] for entry in failed] == ["reader", "nobody"]
    assert failed[0].object_id == str(user.pk) and failed[0].user is None
    signed_in = AuditLogEntry.objects.get(action="mura.login")
    assert (signed_in.user, signed_in.address) == (user, ADDRESS)


@pytest.fixture
def two_institutions(db):
    ours, theirs = InstitutionFactory(), InstitutionFactory()
    ours_record = ResourceFactory(institution=ours, title="Біздің жазба")
    theirs_record = ResourceFactory(institution=theirs, title="Олардың жазбасы")
    for record in (ours_record, theirs_record):
        with LogContext(user=UserFactory(username=f"cat-{record.pk}")):
            resource_update(resource=record, data={"date_text": "1901"})
    return ours, theirs


def test_staff_see_only_their_institutions_entries(client, two_institutions):
    ours, theirs = two_institutions
    client.force_login(staff(ours, Role.CATALOGUER, "ours"))
    html = client.get(HISTORY).content.decode()
    assert "Біздің жазба" in html and "Олардың жазбасы" not in html
    # Choosing another institution shows nothing of it.
    html = client.get(HISTORY, {"institution": theirs.pk}).content.decode()
    assert "Олардың жазбасы" not in html


def test_union_admins_see_all_and_filter_by_institution(admin_client, two_institutions):
    ours, theirs = two_institutions
    html = admin_client.get(HISTORY).content.decode()
    assert "Біздің жазба" in html and "Олардың жазбасы" in html
    html = admin_client.get(HISTORY, {"institution": theirs.pk}).content.decode()
    assert "Біздің жазба" not in html and "Олардың жазбасы" in html
    html = admin_client.get(
        HISTORY, {"institution": theirs.pk, "action": "wagtail.edit"}
    ).content.decode()
    assert "Олардың жазбасы" in html and theirs.name_kk in html


def test_entries_past_the_retention_are_pruned(settings, two_institutions):
    settings.MURA_AUDIT_RETENTION_DAYS = 30
    old = AuditLogEntry.objects.order_by("pk").first()
    AuditLogEntry.objects.filter(pk=old.pk).update(
        timestamp=timezone.now() - timedelta(days=31)
    )
    kept = AuditLogEntry.objects.count() - 1
    assert audit_prune(today=timezone.localdate()) == 1
    assert AuditLogEntry.objects.count() == kept


def test_merging_and_splitting_editions_are_logged_with_the_address(client, db):
    ours, theirs = InstitutionFactory(), InstitutionFactory()
    author = PersonFactory(name_kk="Торайғыров, Сұлтанмахмұт")
    first, second = (
        ResourceFactory(
            institution=institution,
            title="Қамар сұлу",
            other_title="роман",
            publisher="Раритет",
            publication_place="Алматы",
            date_text="2015",
            extent="424 б.",
            language="kk",
            agents=[(AgentRole.AUTHOR, author)],
        )
        for institution in (theirs, ours)
    )
    shared = EditionRecord.objects.get(resource=first).edition_id
    assert EditionRecord.objects.get(resource=second).edition_id == shared
    cataloguer = staff(ours, Role.CATALOGUER, "cataloguer")
    client.force_login(cataloguer)
    client.post(f"/admin/editions/records/{second.pk}/split/", REMOTE_ADDR=ADDRESS)
    client.post(
        f"/admin/editions/{shared}/merge/",
        {"record": second.public_id},
        REMOTE_ADDR=ADDRESS,
    )
    for action in ("mura.edition.split", "mura.edition.merge"):
        entry = AuditLogEntry.objects.get(action=action)
        assert (entry.user, entry.address) == (cataloguer, ADDRESS)
        assert entry.object_id == str(shared)
    html = client.get(HISTORY).content.decode()
    assert "Басылымдар біріктірілді" in html  # "Editions merged", the admin in Kazakh


def sign_in(client, username: str) -> None:
    client.post(
        "/admin/login/",
        {"username": username, "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR=ADDRESS,
    )
    client.logout()


def test_staff_see_their_own_staffs_sign_ins(client, admin_client, two_institutions):
    ours, theirs = two_institutions
    for institution, username in ((ours, "our-librarian"), (theirs, "their-keeper")):
        member = staff(institution, Role.EDITOR, username)
        member.set_password(PASSWORD)
        member.save()
        sign_in(client, username)
    client.post(
        "/admin/login/",
        {"username": "their-keeper", "password": "guess"},
        REMOTE_ADDR=ADDRESS,
    )
    client.force_login(staff(ours, Role.EDITOR, "our-editor"))
    html = client.get(HISTORY, {"action": "mura.login"}).content.decode()
    assert "our-librarian" in html and "their-keeper" not in html
    html = client.get(HISTORY, {"action": "mura.login_failed"}).content.decode()
    assert "their-keeper" not in html
    html = admin_client.get(
        HISTORY, {"institution": theirs.pk, "action": "mura.login"}
    ).content.decode()
    assert "their-keeper" in html and "our-librarian" not in html
