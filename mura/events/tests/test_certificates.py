import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader
from wagtail.users.models import UserProfile

from mura.conftest import require
from mura.events.models import Registration
from mura.events.pdf import FONT_DIR
from mura.events.services import registration_certificate_issue
from mura.events.tests.factories import make_event
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory
from mura.institutions.tests.staff import admin_language


@pytest.fixture(autouse=True)
def fonts():
    """Certificates need Debian's fonts-dejavu-core (CI installs it; MURA_REQUIRE_ALL=1 fails without)."""
    require(
        (FONT_DIR / "DejaVuSans.ttf").exists(),
        f"fonts-dejavu-core is not installed in {FONT_DIR}",
    )


@pytest.fixture
def past_forum(site_tree):
    host = InstitutionFactory(name_kk="С.Торайғыров атындағы облыстық кітапхана")
    return make_event(
        site_tree["home"],
        institution=host,
        title="«Кітапхана аймақтың мәдени потенциалын дамыту жолында» халықаралық форумы",
        start=datetime(2021, 10, 14, 9, tzinfo=ZoneInfo("Asia/Almaty")),
        end=datetime(2021, 10, 15, 17, tzinfo=ZoneInfo("Asia/Almaty")),
        registration_open=False,
    )


@pytest.fixture
def participant(past_forum):
    return Registration.objects.create(
        event=past_forum,
        name="Алтынгүл Дәлелқызы",
        email="altyngul@example.mn",
        organisation="Ақтан Бәбиұлы атындағы Баян-Өлгей орталық кітапханасы",
        country="MN",
        consent_at=datetime(2021, 10, 1, tzinfo=ZoneInfo("Asia/Almaty")),
        checked_in_at=datetime(2021, 10, 14, 9, 5, tzinfo=ZoneInfo("Asia/Almaty")),
    )


@pytest.fixture
def organiser_client(client, past_forum):
    user = UserFactory()
    membership_grant(user=user, institution=past_forum.institution, role=Role.ORGANISER)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(user)
    return client


def pdf_text(content: bytes) -> str:
    return "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(content)).pages
    )


def test_certificate_pdf_renders_kazakh_text_and_a_code_that_verifies(
    organiser_client, client, past_forum, participant
):
    organiser_client.post(f"/admin/events/overview/{past_forum.pk}/certificates/issue/")
    response = organiser_client.get(
        f"/admin/events/overview/{past_forum.original.pk}/certificates.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "СЕРТИФИКАТ",
        "Алтынгүл Дәлелқызы",
        "Баян-Өлгей орталық кітапханасы",
        "мәдени потенциалын",
        "С.Торайғыров атындағы облыстық кітапхана",
    ):
        assert expected in " ".join(text.split()), expected
    participant.refresh_from_db()
    assert participant.certificate_code in text
    client.logout()
    page = client.get(f"/events/certificates/{participant.certificate_code}/")
    assert page.status_code == 200
    assert "Алтынгүл Дәлелқызы" in page.content.decode()


def test_unknown_certificate_code_is_not_confirmed(client, site_tree):
    response = client.get("/ru/events/certificates/AAAA-BBBB-CCCC/")
    assert response.status_code == 404
    assert "не выдавался" in response.content.decode()


def test_certificate_code_is_issued_once(participant):
    assert registration_certificate_issue(
        registration=participant
    ) == registration_certificate_issue(registration=participant)


def test_badges_carry_names_and_check_in_codes(
    organiser_client, past_forum, participant
):
    response = organiser_client.get(
        f"/admin/events/overview/{past_forum.pk}/badges.pdf"
    )
    text = " ".join(pdf_text(response.content).split())
    assert "Алтынгүл Дәлелқызы" in text
    assert "Монголия" in text
    assert participant.code in text


def test_organiser_of_another_institution_gets_no_pdfs(client, past_forum, participant):
    stranger = UserFactory()
    membership_grant(
        user=stranger, institution=InstitutionFactory(), role=Role.ORGANISER
    )
    client.force_login(stranger)
    assert (
        client.get(f"/admin/events/overview/{past_forum.pk}/badges.pdf").status_code
        == 404
    )
    assert (
        client.get(
            f"/admin/events/overview/{past_forum.pk}/certificates.pdf"
        ).status_code
        == 404
    )


@pytest.fixture
def absent(past_forum):
    """Confirmed, but never checked in at the door."""
    return Registration.objects.create(
        event=past_forum,
        name="Келмеген Қатысушы",
        email="absent@example.kz",
        organisation="Аудандық кітапхана",
        country="KZ",
        consent_at=datetime(2021, 10, 1, tzinfo=ZoneInfo("Asia/Almaty")),
    )


def _issue(client, event):
    return client.post(
        f"/admin/events/overview/{event.pk}/certificates/issue/", follow=True
    )


def test_bulk_issue_certifies_only_those_checked_in_and_says_why(
    organiser_client, past_forum, participant, absent
):
    Registration.objects.create(
        event=past_forum,
        name="Күтуде Тұрған",
        email="waiting@example.kz",
        organisation="Мектеп кітапханасы",
        country="KZ",
        status=Registration.Status.WAITLISTED,
        consent_at=datetime(2021, 10, 1, tzinfo=ZoneInfo("Asia/Almaty")),
    )
    page = _issue(organiser_client, past_forum).content.decode()
    assert "Выдан 1 новый сертификат; всего 1." in page
    assert "1 подтверждённый участник не отмечен как пришедший" in page
    assert list(
        Registration.objects.exclude(certificate_code=None).values_list(
            "name", flat=True
        )
    ) == ["Алтынгүл Дәлелқызы"]
    text = pdf_text(
        organiser_client.get(
            f"/admin/events/overview/{past_forum.pk}/certificates.pdf"
        ).content
    )
    assert "Алтынгүл" in text and "Келмеген" not in text


def test_no_certificates_before_the_event_starts(client, site_tree):
    upcoming = make_event(site_tree["home"], title="Болашақ форум")
    person = Registration.objects.create(
        event=upcoming,
        name="Ерте Келген",
        email="early@example.kz",
        organisation="Кітапхана",
        country="KZ",
        consent_at=upcoming.start,
        checked_in_at=upcoming.start,
    )
    user = admin_language(UserFactory(), "ru")
    membership_grant(user=user, institution=upcoming.institution, role=Role.ORGANISER)
    client.force_login(user)
    overview = client.get(f"/admin/events/overview/{upcoming.pk}/").content.decode()
    assert "certificates/issue/" not in overview
    page = _issue(client, upcoming).content.decode()
    assert "Сертификаты можно выдать только после начала мероприятия." in page
    person.refresh_from_db()
    assert person.certificate_code is None
    with pytest.raises(ValidationError):
        registration_certificate_issue(registration=person)


def test_a_participant_not_checked_in_gets_no_certificate(absent):
    with pytest.raises(ValidationError):
        registration_certificate_issue(registration=absent)
    absent.refresh_from_db()
    assert absent.certificate_code is None


def test_a_code_issued_without_attendance_is_not_called_genuine(client, absent):
    """Codes the old "all confirmed" button gave out no longer vouch for anyone."""
    Registration.objects.filter(pk=absent.pk).update(certificate_code="ABCD-EFGH-JKLM")
    response = client.get("/ru/events/certificates/ABCD-EFGH-JKLM/")
    assert response.status_code == 410
    body = response.content.decode()
    assert "Келмеген Қатысушы" not in body
    assert "недействителен" in body


def test_a_revoked_certificate_says_so_and_leaves_the_pdf(
    organiser_client, client, past_forum, participant
):
    _issue(organiser_client, past_forum)
    participant.refresh_from_db()
    code = participant.certificate_code
    found = organiser_client.get(f"/admin/events/check-in/?code={code}")
    assert "Алтынгүл Дәлелқызы" in found.content.decode()
    organiser_client.post(
        "/admin/events/check-in/",
        {"code": participant.code, "action": "revoke-certificate"},
    )
    response = client.get(f"/ru/events/certificates/{code}/")
    assert response.status_code == 410
    assert "отозван" in response.content.decode()
    assert "подлинный" not in response.content.decode()
    pdf = organiser_client.get(
        f"/admin/events/overview/{past_forum.pk}/certificates.pdf"
    )
    assert pdf.status_code == 302
