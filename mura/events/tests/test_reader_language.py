"""An event read on the Russian portal: what has no Russian yet (a partner's name, a room)
is marked with lang="kk"; what has Russian is shown in Russian."""

from datetime import time

from wagtail.models import Locale

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
        event=forum, title_kk="Секция", title_ru="Секция 1", room="Мәжіліс залы"
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
