"""An event read on the Russian portal: what has no Russian yet (a partner's name, a room)
is marked with lang="kk"; what has Russian is shown in Russian."""

from datetime import time

from django.utils import translation
from wagtail.models import Locale

from mura.events.choices import Attendance, Participation
from mura.events.tests.factories import SectionFactory, SlotFactory, make_event
from mura.institutions.tests.factories import InstitutionFactory
from mura.portal.demo import translate_page


def test_russian_event_page_marks_kazakh_partners_and_rooms(client, site_tree):
    kazakh_only = InstitutionFactory(name_kk="Облыстық мұражай", name_ru="")
    translated = InstitutionFactory(
        name_kk="Ұлттық кітапхана", name_ru="Национальная библиотека"
    )
    forum = make_event(site_tree["home"], title="Форум")
    forum.partners.set([kazakh_only, translated])
    forum.save()
    section = SectionFactory(
        event=forum, title_kk="Секция", title_ru="Секция 1", room_kk="Мәжіліс залы"
    )
    hall = SectionFactory(
        event=forum,
        title_kk="Пленарлық отырыс",
        title_ru="Пленарное заседание",
        room_kk="Конференц-зал залы",
        room_ru="Конференц-зал",
    )
    SlotFactory(
        event=forum,
        section=hall,
        day=forum.local_start.date(),
        start_time=time(9),
        end_time=time(10),
        title_kk="Пленарлық отырыс",
        title_ru="Пленарное заседание",
    )
    SlotFactory(
        event=forum,
        section=section,
        day=forum.local_start.date(),
        start_time=time(10),
        end_time=time(11),
        title_kk="Ашылу",
        title_ru="",
    )
    ru = translate_page(forum, Locale.objects.get(language_code="ru"), title="Форум")
    html = client.get(ru.url).content.decode()
    assert '<span lang="kk">Облыстық мұражай</span>' in html
    assert ">Национальная библиотека</a>" in html
    assert '<span lang="kk">Мәжіліс залы</span>' in html
    assert '<h4 class="slot__title"><span lang="kk">Ашылу</span></h4>' in html
    assert "Секция 1" in html
    assert '<p class="slot__where">Конференц-зал</p>' in html
    assert "Конференц-зал залы" not in html


def test_programme_api_names_rooms_in_the_readers_language(client, site_tree):
    forum = make_event(site_tree["home"], title="Форум")
    hall = SectionFactory(
        event=forum, title_kk="Секция", room_kk="Мәжіліс залы", room_ru="Зал заседаний"
    )
    SlotFactory(
        event=forum,
        section=hall,
        day=forum.local_start.date(),
        start_time=time(9),
        end_time=time(10),
    )
    SlotFactory(
        event=forum,
        day=forum.local_start.date(),
        start_time=time(13),
        end_time=time(14),
        room_kk="Асхана",
        room_ru="Столовая",
    )
    for language, rooms in (
        ("ru", ["Зал заседаний", "Столовая"]),
        ("kk", ["Мәжіліс залы", "Асхана"]),
    ):
        detail = client.get(
            f"/api/v1/events/{forum.pk}", HTTP_ACCEPT_LANGUAGE=language
        ).json()
        [day] = detail["programme"]["days"]
        assert [slot["room"] for slot in day["slots"]] == rooms
        assert detail["programme"]["sections"][0]["room"] == rooms[0]


def test_kazakh_attendance_words_say_in_person_not_daytime():
    """ "Күндізгі" is daytime (full-time) study; the event's format and a participant's
    choice use one Kazakh term for in person, and the hybrid format joins the two."""
    with translation.override("kk"):
        in_person = str(Attendance.IN_PERSON.label)
        online = str(Attendance.ONLINE.label)
        assert in_person == str(Participation.IN_PERSON.label) == "Бетпе-бет"
        assert str(Attendance.HYBRID.label) == f"{in_person} және {online.lower()}"
