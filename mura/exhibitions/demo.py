"""Demo exhibitions: the index, the Elbasy Library's gift of 2019 as a virtual exhibition, and one
«Бір жәдігердің тарихы» story about a qobyz of the Kyzylorda museum.

Built only from records the catalogue demo loads (found by their source ids); the story's
text is demo writing, marked as such on the page. Every page is found by its slug and
brought up to date, so a second run creates nothing new."""

from datetime import date
from typing import TextIO

from wagtail.models import Locale

from mura.catalog.models import Person, Resource
from mura.exhibitions.models import (
    ArtifactStoryItem,
    ArtifactStoryPage,
    ArtifactStoryPerson,
    ExhibitionIndexPage,
    ExhibitionPage,
    ExhibitionVenue,
)
from mura.institutions.models import Institution
from mura.portal.demo import translate_page
from mura.portal.models import HomePage

INDEX = {
    "kk": {
        "title": "Виртуалды көрмелер",
        "intro": "Облыс кітапханалары, мұрағаттары мен музейлерінің қорынан жасалған көрмелер және "
        "«Бір жәдігердің тарихы» жобасының әңгімелері.",
    },
    "ru": {
        "title": "Виртуальные выставки",
        "intro": "Выставки из фондов библиотек, архивов и музеев области и рассказы проекта "
        "«История одного артефакта».",
    },
    "en": {
        "title": "Virtual exhibitions",
        "intro": "Exhibitions from the holdings of the region's libraries, archives and museums, and the "
        "stories of the “History of one artifact” project.",
    },
}

DEMO_NOTE = {
    "kk": "<p><i>Бұл — Мұра порталының демонстрациялық мазмұны: мәтін үлгі ретінде жазылған.</i></p>",
    "ru": "<p><i>Это демонстрационное содержание портала Мура: текст написан как образец.</i></p>",
}


def _records(*source_ids: str) -> list[int]:
    found = dict(
        Resource.objects.filter(source_id__in=source_ids).values_list("source_id", "pk")
    )
    return [found[source_id] for source_id in source_ids if source_id in found]


def _image_of(source_id: str):
    resource = (
        Resource.objects.filter(source_id=source_id)
        .prefetch_related("files__image")
        .first()
    )
    file = (
        next((file for file in resource.files.all() if file.image_id), None)
        if resource
        else None
    )
    return file.image if file else None


def _index(home: HomePage) -> ExhibitionIndexPage:
    index = ExhibitionIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=ExhibitionIndexPage(
                slug="exhibitions", show_in_menus=True, **INDEX["kk"]
            )
        )
    else:
        for name, value in INDEX["kk"].items():
            setattr(index, name, value)
    index.save_revision().publish()
    for code in ("ru", "en"):
        translate_page(index, Locale.objects.get(language_code=code), **INDEX[code])
    return index


def _page(index: ExhibitionIndexPage, model: type, slug: str, fields: dict):
    page = model.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        page = index.add_child(instance=model(slug=slug, **fields))
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def _gift_exhibition(index: ExhibitionIndexPage) -> None:
    books = _records(*(f"gift-2019-{number}" for number in range(10)))
    reading_room = _records("photo-2")
    meeting_image = _image_of("photo-1")

    def figure(alt: str, caption: str, credit: str) -> list[dict]:
        if meeting_image is None:
            return []
        value = {
            "image": meeting_image.pk,
            "alt_text": alt,
            "caption": caption,
            "credit": credit,
        }
        return [{"type": "figure", "value": value}]

    venues = {
        "kk": [
            (
                "Ә.Тәжібаев атындағы облыстық ғылыми әмбебап кітапхана",
                "Қызылорда",
                date(2019, 4, 8),
                date(2019, 4, 30),
            )
        ],
        "ru": [
            (
                "Областная научная универсальная библиотека им. А.Тажибаева",
                "Кызылорда",
                date(2019, 4, 8),
                date(2019, 4, 30),
            )
        ],
    }
    texts = {
        "kk": {
            "title": "Елбасы кітапханасының сыйы",
            "listing_summary": "2019 жылы сәуірде Елбасы кітапханасы Ә.Тәжібаев атындағы облыстық кітапханаға "
            "тарту еткен кітаптар топтамасы және көшпелі көрме.",
            "curators": "Ә.Тәжібаев атындағы облыстық кітапхананың өлкетану бөлімі",
            "introduction": "<p>2019 жылғы 8 сәуірде Қызылордада Елбасы кітапханасының көшпелі көрмесі ашылып, "
            "«Елбасы кітапханасының ақпараттық ресурстары» аймақтық кәсіби сессиясы өтті. Кездесу соңында Елбасы "
            "кітапханасы облыстық кітапханаға кітаптар топтамасын тарту етті. Көрме сол сыйды таныстырады.</p>",
            "body": [
                {
                    "type": "text",
                    "value": "<h2>Сыйдың тарихы</h2><p>Көшпелі көрменің салтанатты ашылуына дейін Елбасы "
                    "кітапханасының директоры облыс әкімінің орынбасарымен бірге Ә.Тәжібаев атындағы кітапхананы аралап, "
                    "балаларға Елбасы кітапханасының жұмыс бағыттарын түсіндірді. Сессия кітапхана, мұрағат және музей "
                    "мамандарына арналып, open space үлгісінде өтті.</p>",
                },
                {
                    "type": "quote",
                    "value": {
                        "text": "Бүгін сіздер біздің қордағы ақпараттарға қарай отырып, өздеріңіздің "
                        "музей, архив, кітапхана қорларыңызда қандай байлықтарыңыз бар, оны қалай пайдаланасыздар деген "
                        "мақсатпен алдарыңызға келіп отырмыз.",
                        "attribution": "К.Ақтаева, Елбасы кітапханасы директорының орынбасары",
                        "source": "Аймақтық кәсіби сессия, 8 сәуір 2019",
                    },
                },
                {
                    "type": "items_grid",
                    "value": {
                        "heading": "Сыйға тартылған кітаптар",
                        "text": "Кітаптар облыстық "
                        "кітапхананың оқу залында сақталады; әр кітаптың каталогтағы жазбасын ашып, данасын көруге болады.",
                        "items": books,
                    },
                },
                *figure(
                    "Фотосурет: Ә.Тәжібаев оқырмандармен кездесуде, 1975",
                    "Ә.Тәжібаев оқырмандармен кездесуде, 1975. Кітапхана оқырманмен кездесу дәстүрін бүгін де жалғастырады.",
                    "Қызылорда облысының мемлекеттік мұрағаты",
                ),
                *[
                    {
                        "type": "catalogue_item",
                        "value": {
                            "item": pk,
                            "comment": "Облыстық кітапхананың оқу залы 1968 жылы: "
                            "сыйға тартылған кітаптар бүгін осы кітапхананың залында оқырманды күтеді.",
                        },
                    }
                    for pk in reading_room
                ],
                {
                    "type": "timeline",
                    "value": {
                        "heading": "Көрменің жолы",
                        "entries": [
                            {
                                "date": "8 сәуір 2019",
                                "title": "Елбасы кітапханасының директоры кітапханада балалармен кездесті",
                                "place": "Қызылорда",
                                "text": "",
                            },
                            {
                                "date": "8 сәуір 2019",
                                "title": "Көшпелі көрменің салтанатты ашылуы",
                                "place": "Қызылорда",
                                "text": "",
                            },
                            {
                                "date": "8 сәуір 2019",
                                "title": "«Елбасы кітапханасының ақпараттық ресурстары» аймақтық кәсіби сессиясы",
                                "place": "Қызылорда",
                                "text": "«Бір жәдігердің тарихы» және «Музей коллекциялары» жобалары таныстырылды.",
                            },
                            {
                                "date": "2019",
                                "title": "Сыйға тартылған кітаптар каталогқа енгізілді",
                                "place": "Қызылорда",
                                "text": "",
                            },
                        ],
                    },
                },
                {"type": "text", "value": DEMO_NOTE["kk"]},
            ],
        },
        "ru": {
            "title": "Дар Библиотеки Елбасы",
            "listing_summary": "Собрание книг и передвижная выставка, подаренные Библиотекой Елбасы областной "
            "библиотеке им. А.Тажибаева в апреле 2019 года.",
            "curators": "Отдел краеведения областной библиотеки им. А.Тажибаева",
            "introduction": "<p>8 апреля 2019 года в Кызылорде открылась передвижная выставка Библиотеки Елбасы и "
            "прошла региональная профессиональная сессия «Информационные ресурсы Библиотеки Елбасы». В завершение "
            "встречи Библиотека Елбасы подарила областной библиотеке собрание книг. Выставка рассказывает об этом даре.</p>",
            "body": [
                {
                    "type": "text",
                    "value": "<h2>История дара</h2><p>Перед торжественным открытием передвижной выставки "
                    "директор Библиотеки Елбасы вместе с заместителем акима области посетил библиотеку им. А.Тажибаева и "
                    "рассказал детям о направлениях работы Библиотеки Елбасы. Сессия была адресована специалистам "
                    "библиотек, архивов и музеев и прошла в формате open space.</p>",
                },
                {
                    "type": "quote",
                    "value": {
                        "text": "Мы пришли к вам, чтобы, глядя на информацию из наших фондов, вы "
                        "задумались, какие богатства хранятся в фондах ваших музеев, архивов и библиотек и как вы их используете.",
                        "attribution": "К.Актаева, заместитель директора Библиотеки Елбасы",
                        "source": "Региональная профессиональная сессия, 8 апреля 2019",
                    },
                },
                {
                    "type": "items_grid",
                    "value": {
                        "heading": "Подаренные книги",
                        "text": "Книги хранятся в читальном зале "
                        "областной библиотеки; откройте запись каталога, чтобы увидеть экземпляры.",
                        "items": books,
                    },
                },
                *figure(
                    "Фотография: А.Тажибаев на встрече с читателями, 1975",
                    "А.Тажибаев на встрече с читателями, 1975. Библиотека продолжает традицию таких встреч.",
                    "Государственный архив Кызылординской области",
                ),
                *[
                    {
                        "type": "catalogue_item",
                        "value": {
                            "item": pk,
                            "comment": "Читальный зал областной библиотеки в 1968 "
                            "году: подаренные книги сегодня ждут читателей в залах этой библиотеки.",
                        },
                    }
                    for pk in reading_room
                ],
                {
                    "type": "timeline",
                    "value": {
                        "heading": "Путь выставки",
                        "entries": [
                            {
                                "date": "8 апреля 2019",
                                "title": "Директор Библиотеки Елбасы встретился с детьми в библиотеке",
                                "place": "Кызылорда",
                                "text": "",
                            },
                            {
                                "date": "8 апреля 2019",
                                "title": "Торжественное открытие передвижной выставки",
                                "place": "Кызылорда",
                                "text": "",
                            },
                            {
                                "date": "8 апреля 2019",
                                "title": "Региональная профессиональная сессия «Информационные ресурсы Библиотеки Елбасы»",
                                "place": "Кызылорда",
                                "text": "Представлены проекты «История одного артефакта» и «Музейные коллекции».",
                            },
                            {
                                "date": "2019",
                                "title": "Подаренные книги внесены в каталог",
                                "place": "Кызылорда",
                                "text": "",
                            },
                        ],
                    },
                },
                {"type": "text", "value": DEMO_NOTE["ru"]},
            ],
        },
    }
    cover = _image_of("photo-2")
    exhibition = _page(
        index,
        ExhibitionPage,
        "elbasy-library-gift-2019",
        {
            **texts["kk"],
            "institution": Institution.objects.get(slug="tazhibaev-library"),
            "start_date": date(2019, 4, 8),
            "end_date": None,
            "listing_image": cover,
            "venues": [
                ExhibitionVenue(name=n, city=c, start_date=s, end_date=e)
                for n, c, s, e in venues["kk"]
            ],
        },
    )
    translate_page(
        exhibition,
        Locale.objects.get(language_code="ru"),
        **texts["ru"],
        venues=[
            ExhibitionVenue(name=n, city=c, start_date=s, end_date=e)
            for n, c, s, e in venues["ru"]
        ],
    )


# How the catalogue demo words the acquisition, and the same in Russian.
ACQUISITION_RU = {
    "Сатып алынды": "Приобретён музеем",
    "Экспедиция олжасы": "Найден экспедицией",
    "Сыйға тартылды": "Передан в дар музею",
}
ACQUISITION_KK = {
    "Сатып алынды": "Музей сатып алды",
    "Экспедиция олжасы": "Экспедиция тапты",
    "Сыйға тартылды": "Музейге сыйға тартылды",
}


def _acquisition(qobyz: Resource, language: str) -> list[dict]:
    how, _, year = qobyz.acquisition.rpartition(", ")
    words = (ACQUISITION_KK if language == "kk" else ACQUISITION_RU).get(how)
    if not words or not year.isdigit():
        return []
    museum = {"kk": "Қызылорда", "ru": "Кызылорда"}[language]
    return [
        {
            "type": "entry",
            "value": {"date": year, "title": words, "place": museum, "text": ""},
        }
    ]


def _story(index: ExhibitionIndexPage) -> None:
    qobyz = Resource.objects.filter(
        source_id="museum-2", institution__slug="kyzylorda-museum"
    ).first()
    if qobyz is None:
        return
    korkyt_items = _records("manuscript-0", "recording-1")
    texts = {
        "kk": {
            "title": "Жаңақорған қобызы",
            "authors": "Мұра порталының редакциясы (демо)",
            "listing_summary": "Бір жәдігердің тарихы: Сыр бойында жасалған XIX ғасырдың қобызы — шебердің "
            "қолынан музей қорына дейінгі жолы.",
            "introduction": "<p>Қызылорда облыстық тарихи-өлкетану музейінің қорында ұзындығы 72 сантиметр "
            "ағаш қобыз сақтаулы. Оны XIX ғасырда Жаңақорған өңірінің шебері жасаған. Бұл әңгіме — бір аспаптың "
            "ғасырдан ғасырға өткен жолы туралы.</p>",
            "chapters": [
                {
                    "type": "chapter",
                    "value": {
                        "heading": "Қорқыттың мұрагері",
                        "period": "Аңыз",
                        "text": "<p>Сыр бойында қобызды Қорқыт атамен бірге еске алады. Аңыз бойынша, Қорқыт ажалдан қашып, "
                        "жер шетін кезіп, ақыры Сырдың жағасына оралып, қобызын тартқан. Күй тартылып тұрғанда ажал оған жете "
                        "алмаған екен.</p><p>Сондықтан Сыр өңірінде қобыз қарапайым аспап емес, қастерлі зат саналған: оны "
                        "үйдің төріне іліп, балаларға ұстатпаған.</p>",
                        "quote": "Қайда барсаң да — Қорқыттың көрі.",
                        "quote_attribution": "Халық мәтелі",
                        "items": korkyt_items,
                    },
                },
                {
                    "type": "chapter",
                    "value": {
                        "heading": "Шебердің қолынан",
                        "period": "XIX ғасыр",
                        "text": "<p>Қобыз бір кесек ағаштан ойылып жасалған. Шанағының төменгі жағы жұқа тері мен қапталған, "
                        "екі ішегі жылқы қылынан тағылған. Мойны мен шанағында ою бар: шебер аспапты тек дыбысы үшін емес, "
                        "көз тартатындай етіп те жасаған.</p><p>Шебердің аты сақталмаған. Музей қызметкерлері оның қолтаңбасын "
                        "өңірдің басқа аспаптарымен салыстырып, аспапты Жаңақорған өңірінде жасалған деп есептейді.</p>",
                        "items": [],
                    },
                },
                {
                    "type": "chapter",
                    "value": {
                        "heading": "Ауылдан музейге",
                        "period": "XX ғасыр",
                        "text": "<p>Қобыз бірнеше ұрпақ бойы бір отбасында сақталған. Оны тойда да, қаралы күнде де тартқан. "
                        "Аспаптың шанағындағы жөндеу іздері оны қалай күтіп ұстағанын көрсетеді.</p><p>Кейін қобыз "
                        "облыстық музейдің қорына түсті. Музей оны негізгі қорға тіркеп, өлшемін, материалын және жағдайын "
                        "сипаттады.</p>",
                        "items": [],
                    },
                },
                {
                    "type": "chapter",
                    "value": {
                        "heading": "Бүгінгі күні",
                        "period": "2019 – бүгін",
                        "text": "<p>2019 жылы «Музей жинақтары» бағдарламасы аясында «Бір жәдігердің тарихы» жобасы облыстың "
                        "кітапхана, мұрағат және музей мамандарына таныстырылды. Қобыз — сол жобаның кейіпкерлерінің бірі.</p>"
                        "<p>Бүгін аспаптың суреті мен сипаттамасы облыстың біріккен каталогында. Егер сіз осындай аспаптар "
                        "немесе олардың шеберлері туралы білсеңіз, төменде пікір қалдырыңыз.</p>"
                        + DEMO_NOTE["kk"],
                        "items": [],
                    },
                },
            ],
            "provenance": [
                {
                    "type": "entry",
                    "value": {
                        "date": "XIX ғ.",
                        "title": "Шебер қобызды жасады",
                        "place": "Жаңақорған",
                        "text": "",
                    },
                },
                {
                    "type": "entry",
                    "value": {
                        "date": "XX ғ.",
                        "title": "Отбасында ұрпақтан ұрпаққа берілді",
                        "place": "Жаңақорған",
                        "text": "",
                    },
                },
                *_acquisition(qobyz, "kk"),
                {
                    "type": "entry",
                    "value": {
                        "date": "2019",
                        "title": "«Бір жәдігердің тарихы» жобасында таныстырылды",
                        "place": "Қызылорда",
                        "text": "",
                    },
                },
            ],
            "sources": "<ul><li>Музейдің түгендеу кітабындағы жазба: "
            + qobyz.inventory_number
            + "</li>"
            "<li>«Елбасы кітапханасының ақпараттық ресурстары» аймақтық кәсіби сессиясы, 8 сәуір 2019</li></ul>",
        },
        "ru": {
            "title": "Кобыз из Жанакоргана",
            "authors": "Редакция портала Мура (демо)",
            "listing_summary": "История одного артефакта: кобыз XIX века с берегов Сырдарьи — путь из рук мастера "
            "в музейный фонд.",
            "introduction": "<p>В фондах Кызылординского областного историко-краеведческого музея хранится деревянный "
            "кобыз длиной 72 сантиметра. Его сделал в XIX веке мастер из Жанакорганского края. Этот рассказ — о пути "
            "одного инструмента через века.</p>",
            "chapters": [
                {
                    "type": "chapter",
                    "value": {
                        "heading": "Наследник Коркыта",
                        "period": "Легенда",
                        "text": "<p>На Сырдарье кобыз вспоминают вместе с Коркыт-ата. По легенде, Коркыт, спасаясь от смерти, "
                        "обошёл все края земли, а затем вернулся на берег Сырдарьи и заиграл на кобызе. Пока звучал кюй, смерть "
                        "не могла к нему приблизиться.</p><p>Поэтому на Сырдарье кобыз считался не простым инструментом, а "
                        "почитаемой вещью: его вешали на почётном месте в доме и не давали детям.</p>",
                        "quote": "Куда ни пойдёшь — всюду могила Коркыта.",
                        "quote_attribution": "Народная поговорка",
                        "items": korkyt_items,
                    },
                },
                {
                    "type": "chapter",
                    "value": {
                        "heading": "Из рук мастера",
                        "period": "XIX век",
                        "text": "<p>Кобыз выдолблен из цельного куска дерева. Нижняя часть корпуса обтянута тонкой кожей, две "
                        "струны свиты из конского волоса. На грифе и корпусе — резной орнамент: мастер делал инструмент не "
                        "только ради звука, но и ради красоты.</p><p>Имя мастера не сохранилось. Сравнив его почерк с другими "
                        "инструментами края, сотрудники музея считают, что кобыз сделан в Жанакорганском районе.</p>",
                        "items": [],
                    },
                },
                {
                    "type": "chapter",
                    "value": {
                        "heading": "Из аула в музей",
                        "period": "XX век",
                        "text": "<p>Несколько поколений кобыз хранился в одной семье. На нём играли и на праздниках, и в дни "
                        "траура. Следы починки на корпусе показывают, как бережно к нему относились.</p><p>Позже кобыз "
                        "поступил в фонды областного музея. Музей внёс его в основной фонд и описал размеры, материал и "
                        "сохранность.</p>",
                        "items": [],
                    },
                },
                {
                    "type": "chapter",
                    "value": {
                        "heading": "Сегодня",
                        "period": "2019 – сегодня",
                        "text": "<p>В 2019 году в рамках программы «Музейные собрания» проект «История одного артефакта» был "
                        "представлен специалистам библиотек, архивов и музеев области. Кобыз — один из героев этого проекта.</p>"
                        "<p>Сегодня фотография и описание инструмента есть в сводном каталоге области. Если вы знаете о таких "
                        "инструментах или их мастерах, оставьте комментарий ниже.</p>"
                        + DEMO_NOTE["ru"],
                        "items": [],
                    },
                },
            ],
            "provenance": [
                {
                    "type": "entry",
                    "value": {
                        "date": "XIX в.",
                        "title": "Мастер сделал кобыз",
                        "place": "Жанакорган",
                        "text": "",
                    },
                },
                {
                    "type": "entry",
                    "value": {
                        "date": "XX в.",
                        "title": "Передавался в семье из поколения в поколение",
                        "place": "Жанакорган",
                        "text": "",
                    },
                },
                *_acquisition(qobyz, "ru"),
                {
                    "type": "entry",
                    "value": {
                        "date": "2019",
                        "title": "Представлен в проекте «История одного артефакта»",
                        "place": "Кызылорда",
                        "text": "",
                    },
                },
            ],
            "sources": "<ul><li>Запись в инвентарной книге музея: "
            + qobyz.inventory_number
            + "</li>"
            "<li>Региональная профессиональная сессия «Информационные ресурсы Библиотеки Елбасы», 8 апреля 2019</li></ul>",
        },
    }
    related = _records("museum-17", "museum-1")
    korkyt = Person.objects.filter(name_kk="Қорқыт ата").first()
    people = {"kk": "аңыз бойынша қобыздың атасы", "ru": "по легенде, создатель кобыза"}

    def links(language: str) -> dict:
        return {
            "related_items": [ArtifactStoryItem(resource_id=pk) for pk in related],
            "related_people": [
                ArtifactStoryPerson(person=korkyt, note=people[language])
            ]
            if korkyt
            else [],
        }

    story = _page(
        index,
        ArtifactStoryPage,
        "zhanakorgan-qobyz",
        {
            **texts["kk"],
            **links("kk"),
            "institution": Institution.objects.get(slug="kyzylorda-museum"),
            "artifact": qobyz,
        },
    )
    translate_page(
        story, Locale.objects.get(language_code="ru"), **texts["ru"], **links("ru")
    )


def load(*, stdout: TextIO) -> None:
    home = HomePage.objects.get(locale__language_code="kk")
    index = _index(home)
    _gift_exhibition(index)
    _story(index)
    stdout.write(
        "  exhibitions index in kk, ru, en; one virtual exhibition and one artifact story in kk and ru"
    )
