"""Demo events: the 2019 professional session in Kyzylorda, the 2021 international forum in
Pavlodar with a two-day programme, and one upcoming event whose registration is open.

People are those the seed articles name, with their roles as the articles give them; the
programme's titles, rooms and times and the registrants are illustrative demo data."""

from datetime import date, datetime, time, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale, Page

from mura.events.choices import (
    Attendance,
    Audience,
    EventFormat,
    EventKind,
    SessionKind,
)
from mura.events.models import (
    EventIndexPage,
    EventPage,
    EventReport,
    EventSection,
    ExtraQuestion,
    ProgrammeSlot,
    Registration,
    Speaker,
)
from mura.events.services import event_sync_translations
from mura.institutions.models import Institution
from mura.portal.demo import translate_page
from mura.portal.models import HomePage

ALMATY = ZoneInfo("Asia/Almaty")
QYZYLORDA = ZoneInfo("Asia/Qyzylorda")

INDEX_TITLES = {"kk": "Іс-шаралар", "ru": "Мероприятия", "en": "Events"}
INDEX_INTROS = {
    "kk": "Кітапханалардың, мұрағаттар мен музейлердің кәсіби сессиялары, форумдары, көрмелері мен кездесулері.",
    "ru": "Профессиональные сессии, форумы, выставки и встречи библиотек, архивов и музеев.",
    "en": "Professional sessions, forums, exhibitions and meetings of libraries, archives and museums.",
}

SPEAKERS = {
    "muratbekuly": (
        "Әмірхан Мұратбекұлы",
        "директор",
        "директор",
        "Елбасы кітапханасы",
        "Библиотека Елбасы",
        "KZ",
    ),
    "aktaeva": (
        "К. Ақтаева",
        "директордың орынбасары",
        "заместитель директора",
        "Елбасы кітапханасы",
        "Библиотека Елбасы",
        "KZ",
    ),
    "rakhymzhanova": (
        "М. Рахымжанова",
        "басқарма басшысы",
        "руководитель управления",
        "Қызылорда облысының мәдениет, архив және құжаттама басқармасы",
        "Управление культуры, архивов и документации Кызылординской области",
        "KZ",
    ),
    "begalinova": (
        "Самал Бегалинова",
        "басқарма басшысы",
        "руководитель управления",
        "Павлодар облысының мәдениет, тілдерді дамыту және архив ісі басқармасы",
        "Управление культуры, развития языков и архивного дела Павлодарской области",
        "KZ",
    ),
    "munalbaeva": (
        "Үмітхан Мұңалбаева",
        "бас директор",
        "генеральный директор",
        "ҚР Ұлттық академиялық кітапханасы",
        "Национальная академическая библиотека РК",
        "KZ",
    ),
    "ospanova": (
        "Б. Оспанова",
        "бас директор",
        "генеральный директор",
        "ҚР Ұлттық кітапханасы",
        "Национальная библиотека РК",
        "KZ",
    ),
    "bayankyzy": (
        "Шолпан Баянқызы",
        "директор",
        "директор",
        "С.Торайғыров атындағы облыстық кітапхана",
        "Библиотека им. С.Торайгырова",
        "KZ",
    ),
    "sandybaeva": (
        "Шолпан Сандыбаева",
        "ғылыми хатшы",
        "учёный секретарь",
        "Л.Толстой атындағы Қостанай облыстық кітапханасы",
        "Костанайская областная библиотека им. Л.Толстого",
        "KZ",
    ),
    "neryueva": (
        "М. Нерюева",
        "бас директор",
        "генеральный директор",
        "Еуразия кітапханалар қауымдастығы (Мәскеу)",
        "Библиотечная Ассамблея Евразии (Москва)",
        "RU",
    ),
    "altyngul": (
        "Алтынгүл Дәлелқызы",
        "директор",
        "директор",
        "Ақтан Бәбиұлы атындағы Баян-Өлгей орталық кітапханасы",
        "Баян-Улгийская центральная библиотека им. Актана Бабиулы",
        "MN",
    ),
}


def _speakers() -> dict[str, Speaker]:
    speakers = {}
    for key, (
        name,
        position_kk,
        position_ru,
        organisation_kk,
        organisation_ru,
        country,
    ) in SPEAKERS.items():
        speakers[key], _created = Speaker.objects.update_or_create(
            name=name,
            defaults={
                "position_kk": position_kk,
                "position_ru": position_ru,
                "organisation_kk": organisation_kk,
                "organisation_ru": organisation_ru,
                "country": country,
            },
        )
    return speakers


def _index(home: HomePage) -> EventIndexPage:
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=EventIndexPage(
                title=INDEX_TITLES["kk"],
                slug="events",
                show_in_menus=True,
                intro=INDEX_INTROS["kk"],
            )
        )
        index.save_revision().publish()
    for code in ("ru", "en"):
        translate_page(
            index,
            Locale.objects.get(language_code=code),
            title=INDEX_TITLES[code],
            intro=INDEX_INTROS[code],
        )
    return index


def _event(
    index: EventIndexPage, slug: str, translations: dict[str, dict], **fields
) -> EventPage:
    """The Kazakh page (created once, then kept in step) and its ru/en translations."""
    event = EventPage.objects.child_of(index).filter(slug=slug).first()
    if event is None:
        event = index.add_child(
            instance=EventPage(slug=slug, **translations["kk"], **fields)
        )
    else:
        for name, value in {**translations["kk"], **fields}.items():
            setattr(event, name, value)
    event.save_revision().publish()
    event_sync_translations(event=event)
    for code in ("ru", "en"):
        translate_page(
            event, Locale.objects.get(language_code=code), **translations[code]
        )
    return EventPage.objects.get(pk=event.pk)


def _sections(event: EventPage, rows: list[tuple]) -> dict[str, EventSection]:
    sections = {}
    for order, (
        key,
        kind,
        title_kk,
        title_ru,
        room,
        capacity,
        registrable,
    ) in enumerate(rows):
        sections[key], _created = EventSection.objects.update_or_create(
            event=event,
            title_kk=title_kk,
            defaults={
                "kind": kind,
                "title_ru": title_ru,
                "room": room,
                "capacity": capacity,
                "registrable": registrable,
                "sort_order": order,
            },
        )
    return sections


def _slots(event: EventPage, sections: dict, speakers: dict, rows: list[tuple]) -> None:
    for (
        day,
        start,
        end,
        kind,
        title_kk,
        title_ru,
        section,
        room,
        talkers,
        moderators,
    ) in rows:
        slot, _created = ProgrammeSlot.objects.update_or_create(
            event=event,
            day=day,
            start_time=start,
            title_kk=title_kk,
            defaults={
                "end_time": end,
                "kind": kind,
                "title_ru": title_ru,
                "room": room,
                "section": sections.get(section) if section else None,
            },
        )
        slot.speakers.set([speakers[key] for key in talkers])
        slot.moderators.set([speakers[key] for key in moderators])


def _report(event: EventPage, news_slug: str) -> None:
    article = Page.objects.filter(slug=news_slug, locale__language_code="kk").first()
    if article is not None and not event.reports.filter(page=article).exists():
        EventReport.objects.create(event=event, page=article)


def _session_2019(index: EventIndexPage, speakers: dict) -> EventPage:
    host = Institution.objects.get(slug="tazhibaev-library")
    event = _event(
        index,
        "elbasy-library-information-resources-session-2019",
        {
            "kk": {
                "title": "«Елбасы кітапханасының ақпараттық ресурстары» аймақтық кәсіби сессиясы",
                "lead": "Кітапхана, мұрағат және музей мамандарына арналған open space үлгісіндегі сессия және көшпелі көрменің ашылуы.",
                "description": "<p>Сессияның мақсаты – мәдени мұраны зерттеу мен насихаттау саласындағы тәжірибе алмасу, "
                "кітапхана, архив, музей қызметтеріндегі ақпараттық технологияларды дамыту мәселелерін талқылау.</p>"
                "<p>Елбасы кітапханасының қызметкерлері «Бір жәдігердің тарихы» және «Музей коллекциялары» жобаларының нәтижелерін таныстырады.</p>",
                "venue_name": "Ә.Тәжібаев атындағы кітапхана, мәжіліс залы",
                "venue_address": "Қызылорда қ., Әйтеке би к-сі, 20",
            },
            "ru": {
                "title": "Региональная профессиональная сессия «Информационные ресурсы Библиотеки Елбасы»",
                "lead": "Сессия в формате open space для специалистов библиотек, архивов и музеев и открытие передвижной выставки.",
                "description": "<p>Цель сессии – обмен опытом в изучении и продвижении культурного наследия и обсуждение "
                "развития информационных технологий в библиотеках, архивах и музеях.</p>",
                "venue_name": "Библиотека им. А.Тажибаева, конференц-зал",
                "venue_address": "г. Кызылорда, ул. Айтеке би, 20",
            },
            "en": {
                "title": "Regional professional session “Information resources of the Elbasy Library”",
                "lead": "An open-space session for library, archive and museum specialists and a travelling exhibition opening.",
                "description": "<p>Sharing experience in studying and promoting cultural heritage.</p>",
                "venue_name": "Tazhibaev Library, conference hall",
                "venue_address": "20 Aiteke Bi St, Kyzylorda",
            },
        },
        institution=host,
        kind=EventKind.PROFESSIONAL_SESSION,
        event_format=EventFormat.OPEN_SPACE,
        attendance=Attendance.IN_PERSON,
        audience=Audience.SPECIALISTS,
        start=datetime(2019, 4, 8, 10, 0, tzinfo=QYZYLORDA),
        end=datetime(2019, 4, 8, 16, 0, tzinfo=QYZYLORDA),
        time_zone="Asia/Qyzylorda",
        latitude="44.842560",
        longitude="65.502540",
        languages="kk,ru",
        capacity=80,
        registration_open=False,
    )
    event.partners.set([Institution.objects.get(slug="elbasy-library")])
    event.save_revision().publish()
    event_sync_translations(event=event)
    sections = _sections(
        event,
        [
            (
                "opening",
                SessionKind.OPENING,
                "Көшпелі көрменің ашылуы",
                "Открытие передвижной выставки",
                "Фойе",
                None,
                False,
            ),
            (
                "open-space",
                SessionKind.SECTION,
                "Open space: мұра және ақпараттық технологиялар",
                "Open space: наследие и информационные технологии",
                "Мәжіліс залы",
                80,
                True,
            ),
        ],
    )
    day = date(2019, 4, 8)
    _slots(
        event,
        sections,
        speakers,
        [
            (
                day,
                time(10, 0),
                time(10, 40),
                SessionKind.OPENING,
                "«Елбасы кітапханасының ақпараттық ресурстары» көшпелі көрмесінің салтанатты ашылуы",
                "Торжественное открытие передвижной выставки «Информационные ресурсы Библиотеки Елбасы»",
                "opening",
                "",
                ["muratbekuly"],
                [],
            ),
            (
                day,
                time(10, 40),
                time(11, 0),
                SessionKind.OPENING,
                "Елбасы кітапханасының атынан кітаптар топтамасын тарту ету",
                "Передача в дар коллекции книг от Библиотеки Елбасы",
                "opening",
                "",
                ["muratbekuly"],
                [],
            ),
            (
                day,
                time(11, 0),
                time(12, 30),
                SessionKind.PLENARY,
                "Сессияның ашылуы: архив, музей және кітапхана қызметкерлерінің кездесуі",
                "Открытие сессии: встреча сотрудников архивов, музеев и библиотек",
                "open-space",
                "",
                ["rakhymzhanova", "aktaeva"],
                [],
            ),
            (
                day,
                time(12, 30),
                time(13, 0),
                SessionKind.COFFEE_BREAK,
                "Кофе-брейк",
                "Кофе-брейк",
                None,
                "Фойе",
                [],
                [],
            ),
            (
                day,
                time(13, 0),
                time(15, 0),
                SessionKind.SECTION,
                "Open space: «Бір жәдігердің тарихы» және «Музей коллекциялары» жобалары",
                "Open space: проекты «История одного артефакта» и «Музейные коллекции»",
                "open-space",
                "",
                ["aktaeva"],
                ["rakhymzhanova"],
            ),
            (
                day,
                time(15, 0),
                time(16, 0),
                SessionKind.PLENARY,
                "Қорытынды: қорлардағы байлықты қалай пайдаланамыз",
                "Итоги: как использовать богатства наших фондов",
                "open-space",
                "",
                [],
                ["aktaeva"],
            ),
        ],
    )
    _report(event, "elbasy-library-information-resources-session")
    return event


FORUM_SECTIONS = [
    (
        "plenary",
        SessionKind.PLENARY,
        "Пленарлық отырыс",
        "Пленарное заседание",
        "Мәжіліс залы",
        None,
        False,
    ),
    (
        "s1",
        SessionKind.SECTION,
        "1-секция. Кітапхана – өңірдің мәдени орталығы",
        "Секция 1. Библиотека – культурный центр региона",
        "Конференц-зал",
        60,
        True,
    ),
    (
        "s2",
        SessionKind.SECTION,
        "2-секция. Цифрлық ресурстар және өлкетану",
        "Секция 2. Цифровые ресурсы и краеведение",
        "Электронды оқу залы",
        60,
        True,
    ),
    (
        "mc1",
        SessionKind.MASTER_CLASS,
        "Шеберлік сағаты: сирек кітаптарды цифрландыру",
        "Мастер-класс: оцифровка редких книг",
        "Сирек кітаптар бөлімі",
        20,
        True,
    ),
    (
        "mc2",
        SessionKind.MASTER_CLASS,
        "Шеберлік сағаты: балалар оқуын жандандыру",
        "Мастер-класс: как увлечь детей чтением",
        "Балалар залы",
        25,
        True,
    ),
    (
        "tr",
        SessionKind.TRAINING,
        "Тренинг: кітапханашыға арналған медиасауаттылық",
        "Тренинг: медиаграмотность для библиотекаря",
        "Тренинг залы",
        20,
        True,
    ),
    (
        "lit",
        SessionKind.LITERARY_MEETING,
        "Әдеби кездесулер",
        "Литературные встречи",
        "Әдебиет залы",
        None,
        True,
    ),
    (
        "exc",
        SessionKind.EXCURSION,
        "Кітапхананың 125 жылдық тарихы: экскурсия",
        "125 лет библиотеки: экскурсия",
        "Кітапхана музейі",
        30,
        True,
    ),
]


def _forum_2021(index: EventIndexPage, speakers: dict) -> EventPage:
    host = Institution.objects.get(slug="toraighyrov-library")
    event = _event(
        index,
        "international-forum-toraighyrov-library-125",
        {
            "kk": {
                "title": "«Кітапхана аймақтың мәдени потенциалын дамыту жолында» халықаралық форумы",
                "lead": "Тәуелсіздіктің 30 жылдығы мен С.Торайғыров атындағы облыстық кітапхананың 125 жылдығына арналған екі күндік форум.",
                "description": "<p>Форумға Ресейдің Мәскеу, Новосібір, Барнауыл өңірлерінен, Моңғолияның Баян-Өлгей аймағынан "
                "және еліміздің барлық өңірлерінен кітапханашылар қатысады.</p><p>Бағдарламада шеберлік сағаттары, "
                "тренингтер, әдеби кездесулер және тақырыптық секциялар бар.</p>",
                "venue_name": "С.Торайғыров атындағы облыстық кітапхана",
                "venue_address": "Павлодар қ., Сатпаев к-сі, 149",
                "occasion": "Тәуелсіздіктің 30 жылдығы; кітапхананың 125 жылдығы",
            },
            "ru": {
                "title": "Международный форум «Библиотека на пути развития культурного потенциала региона»",
                "lead": "Двухдневный форум к 30-летию Независимости и 125-летию областной библиотеки им. С.Торайгырова.",
                "description": "<p>В форуме участвуют библиотекари Москвы, Новосибирска, Барнаула, Баян-Улгийского аймака "
                "Монголии и всех регионов Казахстана.</p><p>В программе мастер-классы, тренинги, литературные встречи и тематические секции.</p>",
                "venue_name": "Областная библиотека им. С.Торайгырова",
                "venue_address": "г. Павлодар, ул. Сатпаева, 149",
                "occasion": "30-летие Независимости; 125-летие библиотеки",
            },
            "en": {
                "title": "International forum “The library developing the region's cultural potential”",
                "lead": "A two-day forum for the 30th anniversary of Independence and the library's 125th anniversary.",
                "description": "<p>Librarians from Russia, Mongolia and every region of Kazakhstan take part.</p>",
                "venue_name": "Toraighyrov Regional Library",
                "venue_address": "149 Satpayev St, Pavlodar",
                "occasion": "30 years of Independence; 125 years of the library",
            },
        },
        institution=host,
        kind=EventKind.FORUM,
        event_format=EventFormat.PLENARY,
        attendance=Attendance.HYBRID,
        audience=Audience.SPECIALISTS,
        start=datetime(2021, 10, 14, 9, 0, tzinfo=ALMATY),
        end=datetime(2021, 10, 15, 17, 0, tzinfo=ALMATY),
        time_zone="Asia/Almaty",
        latitude="52.285740",
        longitude="76.940770",
        languages="kk,ru",
        capacity=150,
        registration_open=False,
        partners_text="Еуразия кітапханалар қауымдастығы; ҚР Ұлттық академиялық кітапханасы",
    )
    event.partners.set([Institution.objects.get(slug="potanin-museum")])
    event.save_revision().publish()
    event_sync_translations(event=event)
    sections = _sections(event, FORUM_SECTIONS)
    d1, d2 = date(2021, 10, 14), date(2021, 10, 15)
    S = SessionKind
    _slots(
        event,
        sections,
        speakers,
        [
            (
                d1,
                time(9, 0),
                time(10, 0),
                S.OPENING,
                "Қатысушыларды тіркеу",
                "Регистрация участников",
                None,
                "Фойе",
                [],
                [],
            ),
            (
                d1,
                time(10, 0),
                time(11, 30),
                S.PLENARY,
                "Форумның салтанатты ашылуы. Пленарлық отырыс",
                "Торжественное открытие форума. Пленарное заседание",
                "plenary",
                "",
                ["begalinova", "munalbaeva", "neryueva", "altyngul", "ospanova"],
                ["bayankyzy"],
            ),
            (
                d1,
                time(11, 30),
                time(12, 0),
                S.COFFEE_BREAK,
                "Кофе-брейк",
                "Кофе-брейк",
                None,
                "Фойе",
                [],
                [],
            ),
            (
                d1,
                time(12, 0),
                time(13, 30),
                S.SECTION,
                "Кітапхана – оқырман мен қоғамның кездесу орны",
                "Библиотека – место встречи читателя и общества",
                "s1",
                "",
                ["sandybaeva", "ospanova"],
                ["bayankyzy"],
            ),
            (
                d1,
                time(12, 0),
                time(13, 30),
                S.SECTION,
                "Өлкетану қорларын цифрландыру: өңірлер тәжірибесі",
                "Оцифровка краеведческих фондов: опыт регионов",
                "s2",
                "",
                ["munalbaeva"],
                ["sandybaeva"],
            ),
            (
                d1,
                time(12, 0),
                time(13, 30),
                S.MASTER_CLASS,
                "Сирек кітаптарды цифрландыру: сканерлеуден метадеректерге дейін",
                "Оцифровка редких книг: от сканирования до метаданных",
                "mc1",
                "",
                ["munalbaeva"],
                [],
            ),
            (
                d1,
                time(13, 30),
                time(14, 30),
                S.COFFEE_BREAK,
                "Түскі ас",
                "Обед",
                None,
                "Асхана",
                [],
                [],
            ),
            (
                d1,
                time(14, 30),
                time(16, 0),
                S.TRAINING,
                "Медиасауаттылық: жалған ақпаратты тану",
                "Медиаграмотность: как распознать недостоверную информацию",
                "tr",
                "",
                [],
                ["sandybaeva"],
            ),
            (
                d1,
                time(14, 30),
                time(16, 0),
                S.MASTER_CLASS,
                "Балалар оқуын жандандыру: ойын әдістері",
                "Как увлечь детей чтением: игровые методы",
                "mc2",
                "",
                ["altyngul"],
                [],
            ),
            (
                d1,
                time(16, 30),
                time(18, 0),
                S.LITERARY_MEETING,
                "Сұлтанмахмұт Торайғыров мұрасы: әдеби кеш",
                "Наследие Султанмахмута Торайгырова: литературный вечер",
                "lit",
                "",
                [],
                ["bayankyzy"],
            ),
            (
                d2,
                time(10, 0),
                time(11, 30),
                S.SECTION,
                "Шекарасыз ынтымақтастық: Еуразия кітапханаларының серіктестігі",
                "Сотрудничество без границ: партнёрство библиотек Евразии",
                "s1",
                "",
                ["neryueva", "altyngul"],
                ["munalbaeva"],
            ),
            (
                d2,
                time(10, 0),
                time(11, 30),
                S.SECTION,
                "Электронды каталог және оқырманға қызмет көрсету",
                "Электронный каталог и обслуживание читателей",
                "s2",
                "",
                ["ospanova"],
                [],
            ),
            (
                d2,
                time(11, 30),
                time(13, 0),
                S.EXCURSION,
                "Кітапхананың 125 жылдық тарихы: музей-көрмеге экскурсия",
                "125 лет истории библиотеки: экскурсия по музею-выставке",
                "exc",
                "",
                [],
                [],
            ),
            (
                d2,
                time(14, 0),
                time(15, 30),
                S.LITERARY_MEETING,
                "Ертіс-Баян өңірінің ақын-жазушыларымен кездесу",
                "Встреча с поэтами и писателями Прииртышья",
                "lit",
                "",
                [],
                ["bayankyzy"],
            ),
            (
                d2,
                time(15, 30),
                time(17, 0),
                S.PLENARY,
                "Форумды қорытындылау. Қарар қабылдау",
                "Подведение итогов форума. Принятие резолюции",
                "plenary",
                "",
                ["begalinova", "bayankyzy"],
                [],
            ),
        ],
    )
    _report(event, "international-forum-toraighyrov-library-125")
    _forum_registrations(event, sections)
    return event


# (name, organisation, position, country, region, sections)
FORUM_PEOPLE = [
    (
        "Айгүл Сәрсенбаева",
        "Павлодар облыстық балалар кітапханасы",
        "кітапханашы",
        "KZ",
        "Павлодар",
        ["mc2", "s1"],
    ),
    (
        "Ерлан Қожахметов",
        "Екібастұз қалалық ОКЖ",
        "директор",
        "KZ",
        "Екібастұз",
        ["s2", "mc1"],
    ),
    (
        "Гүлнар Жұмабекова",
        "Ақсу қалалық кітапханасы",
        "бөлім меңгерушісі",
        "KZ",
        "Ақсу",
        ["tr"],
    ),
    (
        "Шолпан Сандыбаева",
        "Л.Толстой атындағы Қостанай облыстық кітапханасы",
        "ғылыми хатшы",
        "KZ",
        "Қостанай",
        ["s1"],
    ),
    (
        "Мәдина Омарова",
        "Ә.Тәжібаев атындағы кітапхана",
        "әдіскер",
        "KZ",
        "Қызылорда",
        ["s2", "tr"],
    ),
    (
        "Дәурен Сейітов",
        "Шығыс Қазақстан облыстық кітапханасы",
        "библиограф",
        "KZ",
        "Өскемен",
        ["mc1"],
    ),
    (
        "Әсел Бекенова",
        "ҚР Ұлттық академиялық кітапханасы",
        "жетекші ғылыми қызметкер",
        "KZ",
        "Астана",
        ["s2"],
    ),
    (
        "Жанар Исаева",
        "Алматы облыстық кітапханасы",
        "бөлім меңгерушісі",
        "KZ",
        "Қонаев",
        ["s1", "exc"],
    ),
    (
        "Ғалия Тұрсынова",
        "Жамбыл облыстық кітапханасы",
        "кітапханашы",
        "KZ",
        "Тараз",
        ["mc2"],
    ),
    (
        "Нұрлан Әбдіков",
        "Ақтөбе облыстық кітапханасы",
        "директордың орынбасары",
        "KZ",
        "Ақтөбе",
        ["s1"],
    ),
    (
        "Сәуле Қасымова",
        "Қарағанды облыстық кітапханасы",
        "әдіскер",
        "KZ",
        "Қарағанды",
        ["tr", "exc"],
    ),
    (
        "Бақыт Оразова",
        "Атырау облыстық кітапханасы",
        "кітапханашы",
        "KZ",
        "Атырау",
        ["s2"],
    ),
    (
        "Ләззат Мұқанова",
        "Маңғыстау облыстық кітапханасы",
        "бөлім меңгерушісі",
        "KZ",
        "Ақтау",
        ["mc1", "exc"],
    ),
    (
        "Арман Темірғалиев",
        "Г.Н.Потанин атындағы музей",
        "ғылыми қызметкер",
        "KZ",
        "Павлодар",
        ["exc"],
    ),
    (
        "Қуаныш Ермекова",
        "Павлодар облыстық мемлекеттік архиві",
        "архивист",
        "KZ",
        "Павлодар",
        ["s2"],
    ),
    (
        "Дина Ахметова",
        "Түркістан облыстық кітапханасы",
        "кітапханашы",
        "KZ",
        "Түркістан",
        ["mc2", "lit"],
    ),
    (
        "Марат Жақсылықов",
        "Солтүстік Қазақстан облыстық кітапханасы",
        "директор",
        "KZ",
        "Петропавл",
        ["s1"],
    ),
    (
        "Айнұр Сыздықова",
        "Батыс Қазақстан облыстық кітапханасы",
        "библиограф",
        "KZ",
        "Орал",
        ["lit"],
    ),
    (
        "Ольга Смирнова",
        "Новосибирская государственная областная научная библиотека",
        "заведующая отделом",
        "RU",
        "Новосибирск",
        ["s2", "mc1"],
    ),
    (
        "Ирина Кузнецова",
        "Омская государственная областная научная библиотека им. А.С. Пушкина",
        "заместитель директора",
        "RU",
        "Омск",
        ["s1"],
    ),
    (
        "Татьяна Волкова",
        "Алтайская краевая универсальная научная библиотека им. В.Я. Шишкова",
        "главный библиотекарь",
        "RU",
        "Барнаул",
        ["tr"],
    ),
    (
        "Наталья Морозова",
        "Библиотечная Ассамблея Евразии",
        "координатор",
        "RU",
        "Москва",
        ["s1", "exc"],
    ),
    (
        "Сергей Павлов",
        "Алтайская краевая универсальная научная библиотека им. В.Я. Шишкова",
        "библиограф",
        "RU",
        "Барнаул",
        ["s2"],
    ),
    (
        "Елена Соколова",
        "Новосибирская государственная областная научная библиотека",
        "методист",
        "RU",
        "Новосибирск",
        ["mc2"],
    ),
    (
        "Алтынгүл Дәлелқызы",
        "Ақтан Бәбиұлы атындағы Баян-Өлгей орталық кітапханасы",
        "директор",
        "MN",
        "Баян-Өлгей",
        ["s1"],
    ),
    (
        "Серікбол Қабылбекұлы",
        "Баян-Өлгей орталық кітапханасы",
        "кітапханашы",
        "MN",
        "Өлгей",
        ["mc2", "lit"],
    ),
    (
        "Гүлжан Мұхамедқызы",
        "Баян-Өлгей аймақтық музейі",
        "қор сақтаушы",
        "MN",
        "Өлгей",
        ["exc"],
    ),
    (
        "Бауыржан Нұрланұлы",
        "Ховд аймақтық кітапханасы",
        "кітапханашы",
        "MN",
        "Ховд",
        ["s2"],
    ),
]

TRANSLIT = str.maketrans(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
    "abvgdeejziiklmnoprstufhccss-y-eyaagqnouuhi",
)


def _email(name: str, index: int) -> str:
    local = ".".join(part.lower().translate(TRANSLIT) for part in name.split())
    local = "".join(ch for ch in local if ch.isalnum() or ch == ".")
    return f"{local}.{index}@example.org"


def _forum_registrations(event: EventPage, sections: dict) -> None:
    consent_at = datetime(2021, 10, 1, 12, 0, tzinfo=ALMATY)
    for number, (name, organisation, position, country, region, chosen) in enumerate(
        FORUM_PEOPLE, start=1
    ):
        registration, created = Registration.objects.get_or_create(
            event=event,
            email=_email(name, number),
            defaults={
                "name": name,
                "organisation": organisation,
                "position": position,
                "country": country,
                "region": region,
                "consent_at": consent_at,
                "language": "ru" if country == "RU" else "kk",
                "participation": Registration.Participation.ONLINE
                if number % 9 == 0
                else Registration.Participation.IN_PERSON,
            },
        )
        if created:
            registration.sections.set([sections[key] for key in chosen])
            if number % 5 != 0:
                registration.checked_in_at = datetime(
                    2021, 10, 14, 9, 10 + number % 40, tzinfo=ALMATY
                )
                registration.save(update_fields=["checked_in_at"])


def _upcoming(index: EventIndexPage, speakers: dict) -> EventPage:
    """Starts a month after the demo is first loaded; later runs keep its dates."""
    slug = "local-history-digitisation-master-class"
    existing = EventPage.objects.filter(slug=slug).first()
    if existing:
        start, end = existing.start, existing.end
    else:
        day = timezone.localdate() + timedelta(days=30)
        start = datetime.combine(day, time(10, 0), tzinfo=QYZYLORDA)
        end = datetime.combine(day, time(17, 0), tzinfo=QYZYLORDA)
    event = _event(
        index,
        slug,
        {
            "kk": {
                "title": "Өлкетану қорын цифрландыру: семинар және шеберлік сағаттары",
                "lead": "Кітапхана, мұрағат және музей мамандарына арналған бір күндік семинар: сканерлеу, сипаттау, жариялау.",
                "description": "<p>Семинарда өлкетану басылымдарын, мұрағат құжаттары мен музей заттарын цифрландырудың "
                "тәжірибесі талқыланады. Екі шеберлік сағатының орны шектеулі.</p>",
                "venue_name": "Ә.Тәжібаев атындағы кітапхана",
                "venue_address": "Қызылорда қ., Әйтеке би к-сі, 20",
            },
            "ru": {
                "title": "Оцифровка краеведческих фондов: семинар и мастер-классы",
                "lead": "Однодневный семинар для специалистов библиотек, архивов и музеев: сканирование, описание, публикация.",
                "description": "<p>На семинаре обсуждается опыт оцифровки краеведческих изданий, архивных документов и "
                "музейных предметов. Число мест на двух мастер-классах ограничено.</p>",
                "venue_name": "Библиотека им. А.Тажибаева",
                "venue_address": "г. Кызылорда, ул. Айтеке би, 20",
            },
            "en": {
                "title": "Digitising local history collections: seminar and master classes",
                "lead": "A one-day seminar for library, archive and museum specialists.",
                "description": "<p>Scanning, describing and publishing local history collections.</p>",
                "venue_name": "Tazhibaev Library",
                "venue_address": "20 Aiteke Bi St, Kyzylorda",
            },
        },
        institution=Institution.objects.get(slug="tazhibaev-library"),
        kind=EventKind.SEMINAR,
        event_format=EventFormat.WORKSHOP,
        attendance=Attendance.HYBRID,
        audience=Audience.SPECIALISTS,
        start=start,
        end=end,
        time_zone="Asia/Qyzylorda",
        latitude="44.842560",
        longitude="65.502540",
        languages="kk,ru",
        capacity=40,
        registration_open=True,
        contact_email="events@tazhibaev-library.example.org",
    )
    event.partners.set(
        [
            Institution.objects.get(slug="kyzylorda-state-archive"),
            Institution.objects.get(slug="kyzylorda-museum"),
        ]
    )
    event.save_revision().publish()
    event_sync_translations(event=event)
    sections = _sections(
        event,
        [
            (
                "plenary",
                SessionKind.PLENARY,
                "Пленарлық бөлім",
                "Пленарная часть",
                "Мәжіліс залы",
                None,
                False,
            ),
            (
                "mc1",
                SessionKind.MASTER_CLASS,
                "Шеберлік сағаты: кітаптар мен құжаттарды сканерлеу",
                "Мастер-класс: сканирование книг и документов",
                "Цифрландыру зертханасы",
                12,
                True,
            ),
            (
                "mc2",
                SessionKind.MASTER_CLASS,
                "Шеберлік сағаты: музей заттарын суретке түсіру",
                "Мастер-класс: фотофиксация музейных предметов",
                "Музей залы",
                12,
                True,
            ),
        ],
    )
    day = timezone.localtime(start, QYZYLORDA).date()
    S = SessionKind
    _slots(
        event,
        sections,
        speakers,
        [
            (
                day,
                time(10, 0),
                time(11, 30),
                S.PLENARY,
                "Өлкетану мұрасын цифрландыру: міндеттер мен стандарттар",
                "Оцифровка краеведческого наследия: задачи и стандарты",
                "plenary",
                "",
                ["aktaeva", "rakhymzhanova"],
                [],
            ),
            (
                day,
                time(11, 30),
                time(12, 0),
                S.COFFEE_BREAK,
                "Кофе-брейк",
                "Кофе-брейк",
                None,
                "Фойе",
                [],
                [],
            ),
            (
                day,
                time(12, 0),
                time(14, 0),
                S.MASTER_CLASS,
                "Кітаптар мен құжаттарды сканерлеу",
                "Сканирование книг и документов",
                "mc1",
                "",
                ["aktaeva"],
                [],
            ),
            (
                day,
                time(12, 0),
                time(14, 0),
                S.MASTER_CLASS,
                "Музей заттарын суретке түсіру",
                "Фотофиксация музейных предметов",
                "mc2",
                "",
                [],
                [],
            ),
            (
                day,
                time(15, 0),
                time(17, 0),
                S.SECTION,
                "Сипаттау және жариялау: бір каталогта",
                "Описание и публикация: в одном каталоге",
                "plenary",
                "",
                [],
                ["rakhymzhanova"],
            ),
        ],
    )
    ExtraQuestion.objects.update_or_create(
        event=event,
        label_kk="Сізге қатысу туралы сертификат қажет пе?",
        defaults={
            "label_ru": "Нужен ли вам сертификат участника?",
            "kind": ExtraQuestion.Kind.YES_NO,
            "required": True,
            "sort_order": 1,
        },
    )
    ExtraQuestion.objects.update_or_create(
        event=event,
        label_kk="Қорыңызда цифрландыруды күтіп тұрған қандай материалдар бар?",
        defaults={
            "label_ru": "Какие материалы вашего фонда ждут оцифровки?",
            "kind": ExtraQuestion.Kind.TEXT,
            "sort_order": 2,
        },
    )
    for number, (name, organisation, position, country, region, _chosen) in enumerate(
        FORUM_PEOPLE[:6], start=1
    ):
        registration, created = Registration.objects.get_or_create(
            event=event,
            email=_email(name, 100 + number),
            defaults={
                "name": name,
                "organisation": organisation,
                "position": position,
                "country": country,
                "region": region,
                "consent_at": timezone.now(),
                "language": "kk",
            },
        )
        if created:
            registration.sections.set([sections["mc1" if number % 2 else "mc2"]])
    return event


def load(*, stdout: TextIO) -> None:
    home = HomePage.objects.get(locale__language_code="kk")
    index = _index(home)
    speakers = _speakers()
    _session_2019(index, speakers)
    _forum_2021(index, speakers)
    _upcoming(index, speakers)
    stdout.write(
        f"  events: {EventPage.objects.count()} pages, {Registration.objects.count()} registrations"
    )
