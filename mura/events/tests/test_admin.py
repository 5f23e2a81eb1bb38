import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from mura.events.forms import EventPageForm
from mura.events.models import EventPage, Registration
from mura.events.services import registration_create
from mura.events.tests.factories import make_event, registration_data
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory
from mura.institutions.tests.staff import admin_language
from mura.portal.demo import translate_page


@pytest.fixture
def setup(site_tree):
    home = site_tree["home"]
    ours, theirs = InstitutionFactory(), InstitutionFactory()
    event = make_event(home, institution=ours, title="Біздің форум", capacity=2)
    other = make_event(home, institution=theirs, title="Бөтен форум")
    for number, (country, region) in enumerate(
        [("KZ", "Павлодар"), ("RU", "Омск"), ("MN", "Өлгей")], start=1
    ):
        registration_create(
            event=event,
            data=registration_data(number, country=country, region=region),
            sections=[],
        )
    registration_create(
        event=other, data=registration_data(9, name="Бөтен адам"), sections=[]
    )
    organiser = admin_language(UserFactory(), "ru")
    membership_grant(user=organiser, institution=ours, role=Role.ORGANISER)
    return {"event": event, "other": other, "organiser": organiser}


def test_organiser_sees_only_own_registrations_and_counts(client, setup):
    client.force_login(setup["organiser"])
    listing = client.get("/admin/event_registrations/").content.decode()
    assert "Қатысушы 1" in listing and "Бөтен адам" not in listing
    overview = client.get(
        f"/admin/events/overview/{setup['event'].pk}/"
    ).content.decode()
    assert "Монголия" in overview and "Омск" in overview
    assert client.get(f"/admin/events/overview/{setup['other'].pk}/").status_code == 404
    theirs = Registration.objects.get(name="Бөтен адам")
    assert client.get(
        f"/admin/event_registrations/inspect/{theirs.pk}/"
    ).status_code in (403, 404)


def test_exports_csv_and_xlsx(client, setup):
    client.force_login(setup["organiser"])
    csv = client.get(
        f"/admin/event_registrations/?event={setup['event'].pk}&export=csv"
    )
    body = (
        b"".join(csv.streaming_content).decode()
        if csv.streaming
        else csv.content.decode()
    )
    assert "Қатысушы 3" in body and "Бөтен адам" not in body
    xlsx = client.get(
        f"/admin/event_registrations/?event={setup['event'].pk}&export=xlsx"
    )
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = load_workbook(io.BytesIO(content)).active
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"Қатысушы 1", "Қатысушы 2", "Қатысушы 3"}


def test_check_in_by_code_on_the_door(client, setup):
    client.force_login(setup["organiser"])
    confirmed = Registration.objects.filter(
        event=setup["event"], status="confirmed"
    ).first()
    page = client.get(
        f"/admin/events/check-in/?code={confirmed.code.lower()}"
    ).content.decode()
    assert confirmed.name in page
    client.post(
        "/admin/events/check-in/", {"code": confirmed.code, "action": "check-in"}
    )
    confirmed.refresh_from_db()
    assert confirmed.checked_in_at is not None
    stranger = Registration.objects.get(name="Бөтен адам")
    client.post(
        "/admin/events/check-in/", {"code": stranger.code, "action": "check-in"}
    )
    stranger.refresh_from_db()
    assert stranger.checked_in_at is None


def test_cancel_at_the_desk_promotes_the_waiting_list(client, setup):
    client.force_login(setup["organiser"])
    first = Registration.objects.filter(event=setup["event"]).order_by("pk").first()
    client.post("/admin/events/check-in/", {"code": first.code, "action": "cancel"})
    assert Registration.objects.get(name="Қатысушы 3").status == "confirmed"


def test_organiser_cannot_edit_registrations_directly(client, setup):
    client.force_login(setup["organiser"])
    registration = Registration.objects.filter(event=setup["event"]).first()
    assert client.get(
        f"/admin/event_registrations/edit/{registration.pk}/"
    ).status_code in (302, 403)


def test_admin_form_reads_times_in_the_events_zone(setup):
    event = setup["event"]
    event.time_zone = "Asia/Qyzylorda"
    event.start = datetime(2019, 4, 8, 10, tzinfo=ZoneInfo("Asia/Qyzylorda"))
    form_class = EventPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, EventPageForm)
    form = form_class(instance=event, for_user=setup["organiser"])
    assert form.initial["start"].hour == 10
    assert form.initial["languages"] == ["kk", "ru"]


def test_organiser_edits_the_event_page_and_translations_follow(
    client, setup, site_tree
):
    event = setup["event"]
    ru = translate_page(event, site_tree["locales"]["ru"], title="Наш форум")
    client.force_login(setup["organiser"])
    edit_url = f"/admin/pages/{event.pk}/edit/"
    assert client.get(edit_url).status_code == 200
    assert client.get(f"/admin/pages/{setup['other'].pk}/edit/").status_code in (
        302,
        403,
    )

    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "institution": event.institution_id,
            "kind": "forum",
            "attendance": "in-person",
            "audience": "specialists",
            "start": "2031-04-08 10:00",
            "end": "2031-04-08 16:00",
            "time_zone": "Asia/Qyzylorda",
            "languages": ["kk", "ru"],
            "description": rich_text("<p>Сипаттама</p>"),
            "capacity": 5,
            "registration_open": "on",
            "comments_enabled": "on",
            "reports": inline_formset([]),
            "photos": inline_formset([]),
            "materials": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    ru.refresh_from_db()
    assert (
        event.local_start.hour == 10
        and event.local_start.utcoffset().total_seconds() == 5 * 3600
    )
    assert (ru.start, ru.capacity, ru.time_zone) == (event.start, 5, "Asia/Qyzylorda")
