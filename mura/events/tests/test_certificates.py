import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from mura.conftest import require
from mura.events.models import Registration
from mura.events.pdf import FONT_DIR
from mura.events.services import registration_certificate_code
from mura.events.tests.factories import make_event
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory


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
    client.force_login(user)
    return client


def pdf_text(content: bytes) -> str:
    return "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(content)).pages
    )


def test_certificate_pdf_renders_kazakh_text_and_a_code_that_verifies(
    organiser_client, client, past_forum, participant
):
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
    assert registration_certificate_code(
        registration=participant
    ) == registration_certificate_code(registration=participant)


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
