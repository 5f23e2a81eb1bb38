"""Demo catalogue: a few hundred records of Kyzylorda and Pavlodar institutions.

Records are composed from real names of writers, works, newspapers, places and
object types of the two regions; editions, shelfmarks, inventory numbers and
archival reference codes are illustrative, not the institutions' real data.
Everything is keyed (authorities by name, records by source_id) so a second run
adds nothing. Images are drawn with Pillow at load time."""

import io
import math
import random
from typing import Any, TextIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

from mura.catalog.choices import Access, AgentRole, HoldingStatus, Kind, PlaceRole
from mura.catalog.models import (
    Collection,
    Organisation,
    Person,
    Place,
    Resource,
    Subject,
)
from mura.catalog.services import resource_create
from mura.institutions.models import Institution

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

PERSONS = [
    # name_kk (inverted), name_ru, name_en, life dates, birth, death, variants
    (
        "Құнанбайұлы, Абай",
        "Кунанбаев, Абай",
        "Qunanbaiuly, Abai",
        "1845–1904",
        1845,
        1904,
        "Абай\nИбраһим Құнанбайұлы\nAbay Kunanbayev",
    ),
    (
        "Торайғыров, Сұлтанмахмұт",
        "Торайгыров, Султанмахмут",
        "Toraighyrov, Sultanmakhmut",
        "1893–1920",
        1893,
        1920,
        "Торайғыров С.\nSultanmahmut Toraigyrov",
    ),
    (
        "Тәжібаев, Әбділда",
        "Тажибаев, Абдильда",
        "Tazhibaev, Abdilda",
        "1909–1998",
        1909,
        1998,
        "Тәжібаев Ә.\nAbdilda Tajibayev",
    ),
    (
        "Қорқыт ата",
        "Коркыт ата",
        "Qorqyt ata",
        "IX ғ.",
        None,
        None,
        "Қорқыт\nКоркут-ата\nDede Korkut",
    ),
    (
        "Әуезов, Мұхтар",
        "Ауэзов, Мухтар",
        "Auezov, Mukhtar",
        "1897–1961",
        1897,
        1961,
        "Әуезов М.\nMukhtar Auezov",
    ),
    (
        "Байтұрсынұлы, Ахмет",
        "Байтурсынов, Ахмет",
        "Baitursynuly, Akhmet",
        "1872–1937",
        1872,
        1937,
        "Байтұрсынов А.",
    ),
    (
        "Жұмабаев, Мағжан",
        "Жумабаев, Магжан",
        "Zhumabaev, Magzhan",
        "1893–1938",
        1893,
        1938,
        "Magzhan Zhumabayev",
    ),
    (
        "Аймауытов, Жүсіпбек",
        "Аймаутов, Жусупбек",
        "Aimauytov, Zhusipbek",
        "1889–1931",
        1889,
        1931,
        "Аймауытұлы Жүсіпбек",
    ),
    (
        "Бекежанов, Нартай",
        "Бекежанов, Нартай",
        "Bekezhanov, Nartai",
        "1890–1954",
        1890,
        1954,
        "Нартай ақын",
    ),
    (
        "Потанин, Григорий",
        "Потанин, Григорий Николаевич",
        "Potanin, Grigory",
        "1835–1920",
        1835,
        1920,
        "Потанин Г.Н.",
    ),
    (
        "Назарбаев, Нұрсұлтан",
        "Назарбаев, Нурсултан Абишевич",
        "Nazarbayev, Nursultan",
        "1940",
        1940,
        None,
        "Елбасы",
    ),
    (
        "Уәлиханов, Шоқан",
        "Валиханов, Чокан",
        "Ualikhanov, Shoqan",
        "1835–1865",
        1835,
        1865,
        "Шоқан\nМұхаммед-Ханафия",
    ),
]

ORGANISATIONS = [
    (
        "Қызылорда облыстық атқару комитеті",
        "Кызылординский областной исполнительный комитет",
        "Kyzylorda Regional Executive Committee",
        "1938–1991",
        None,
        None,
    ),
    (
        "Қызылорда облыстық мәдениет басқармасы",
        "Управление культуры Кызылординской области",
        "Kyzylorda Regional Department of Culture",
        "1938–",
        None,
        None,
    ),
    (
        "Ә.Тәжібаев атындағы Қызылорда облыстық ғылыми әмбебап кітапханасы",
        "Кызылординская областная научная универсальная библиотека им. А.Тажибаева",
        "A. Tazhibaev Kyzylorda Regional Library",
        "1925–",
        "Тәжібаев, Әбділда",
        "tazhibaev-library",
    ),
    (
        "С.Торайғыров атындағы Павлодар облыстық әмбебап ғылыми кітапханасы",
        "Павлодарская областная библиотека им. С.Торайгырова",
        "S. Toraighyrov Pavlodar Regional Library",
        "1896–",
        "Торайғыров, Сұлтанмахмұт",
        "toraighyrov-library",
    ),
    (
        "Елбасы кітапханасы",
        "Библиотека Елбасы",
        "Elbasy Library",
        "2018–",
        "Назарбаев, Нұрсұлтан",
        "elbasy-library",
    ),
    (
        "Г.Н.Потанин атындағы Павлодар облыстық тарихи-өлкетану музейі",
        "Павлодарский областной историко-краеведческий музей им. Г.Н.Потанина",
        "G. N. Potanin Pavlodar Regional Museum",
        "1942–",
        "Потанин, Григорий",
        "potanin-museum",
    ),
]

PLACES = [
    (
        "Қызылорда",
        "Кызылорда",
        "Kyzylorda",
        44.8488,
        65.4823,
        "Ақмешіт\nПеровск\nАк-Мечеть",
    ),
    (
        "Павлодар",
        "Павлодар",
        "Pavlodar",
        52.2873,
        76.9674,
        "Кереку\nКоряковский форпост",
    ),
    ("Астана", "Астана", "Astana", 51.1694, 71.4491, "Ақмола\nЦелиноград"),
    ("Алматы", "Алматы", "Almaty", 43.2380, 76.8829, "Верный\nАлма-Ата"),
    ("Баянауыл", "Баянаул", "Bayanauyl", 50.7925, 75.7003, ""),
    ("Жаңақорған", "Жанакорган", "Zhanakorgan", 43.9100, 67.2500, ""),
    ("Арал", "Аральск", "Aral", 46.7970, 61.6660, "Арал теңізі"),
    ("Қазалы", "Казалинск", "Kazaly", 45.7628, 62.1075, "Қазалы форты"),
    (
        "Сығанақ қалашығы",
        "Городище Сыгнак",
        "Syganak settlement",
        44.0833,
        66.9167,
        "Сығанақ",
    ),
    (
        "Жанкент қалашығы",
        "Городище Джанкент",
        "Zhankent settlement",
        45.6500,
        62.1500,
        "Янгикент",
    ),
    ("Екібастұз", "Экибастуз", "Ekibastuz", 51.7298, 75.3266, ""),
    ("Шиелі", "Шиели", "Shieli", 44.1667, 66.7500, ""),
]

SUBJECTS = [
    ("Қазақ әдебиеті", "Казахская литература", "Kazakh literature"),
    ("Поэзия", "Поэзия", "Poetry"),
    ("Өлкетану", "Краеведение", "Local history"),
    ("Қазақстан тарихы", "История Казахстана", "History of Kazakhstan"),
    ("Этнография", "Этнография", "Ethnography"),
    ("Қолөнер", "Декоративно-прикладное искусство", "Crafts"),
    ("Археология", "Археология", "Archaeology"),
    ("Кітапхана ісі", "Библиотечное дело", "Librarianship"),
    ("Мемлекеттік басқару", "Государственное управление", "Public administration"),
    ("Білім беру", "Образование", "Education"),
    ("Музыка", "Музыка", "Music"),
    (
        "Ұлы Отан соғысы, 1941–1945",
        "Великая Отечественная война, 1941–1945",
        "Great Patriotic War, 1941–1945",
    ),
    ("Арал теңізі", "Аральское море", "Aral Sea"),
    ("Тәуелсіздік", "Независимость Казахстана", "Independence of Kazakhstan"),
]

COLLECTIONS = [
    {
        "slug": "museum-collections",
        "title_kk": "Музей коллекциялары",
        "title_ru": "Музейные коллекции",
        "title_en": "Museum collections",
        "description_kk": "Қызылорда және Павлодар музейлерінің қорынан таңдалған заттар: қолөнер бұйымдары, "
        "археологиялық олжалар, тұрмыстық заттар мен фотосуреттер. «Бір жәдігердің тарихы» жобасының негізі.",
        "description_ru": "Избранные предметы из фондов музеев Кызылорды и Павлодара: декоративно-прикладное "
        "искусство, археологические находки, предметы быта и фотографии. Основа проекта «История одного артефакта».",
    },
    {
        "slug": "museum-collections-ethnography",
        "parent": "museum-collections",
        "title_kk": "Этнография: қазақ тұрмысы",
        "title_ru": "Этнография: казахский быт",
        "title_en": "Ethnography: Kazakh everyday life",
        "description_kk": "Киіз үй жабдықтары, ыдыс-аяқ, әшекейлер мен музыкалық аспаптар.",
        "description_ru": "Убранство юрты, посуда, украшения и музыкальные инструменты.",
    },
    {
        "slug": "elbasy-library-gift-2019",
        "title_kk": "Елбасы кітапханасының сыйы, 2019",
        "title_ru": "Дар Библиотеки Елбасы, 2019",
        "title_en": "Gift of the Elbasy Library, 2019",
        "description_kk": "2019 жылы сәуірде «Елбасы кітапханасының ақпараттық ресурстары» өңірлік кәсіби "
        "сессиясында Елбасы кітапханасы Ә.Тәжібаев атындағы облыстық кітапханаға сыйға тартқан кітаптар.",
        "description_ru": "Книги, подаренные Библиотекой Елбасы областной библиотеке им. А.Тажибаева на "
        "региональной профессиональной сессии «Информационные ресурсы Библиотеки Елбасы» в апреле 2019 года.",
    },
]

PUBLISHERS = [
    ("Алматы", "Жазушы"),
    ("Алматы", "Атамұра"),
    ("Алматы", "Өнер"),
    ("Алматы", "Ғылым"),
    ("Астана", "Фолиант"),
    ("Павлодар", "ЭКО"),
    ("Қызылорда", "Тұмар"),
    ("Алма-Ата", "Казахстан"),
    ("Алматы", "Раритет"),
]

WORKS = [
    # author, title, other title, language
    ("Құнанбайұлы, Абай", "Қара сөздер", "", "kk"),
    ("Құнанбайұлы, Абай", "Өлеңдер мен поэмалар", "", "kk"),
    ("Құнанбайұлы, Абай", "Книга слов", "перевод с казахского", "ru"),
    ("Торайғыров, Сұлтанмахмұт", "Қамар сұлу", "роман", "kk"),
    ("Торайғыров, Сұлтанмахмұт", "Адасқан өмір", "поэма", "kk"),
    ("Торайғыров, Сұлтанмахмұт", "Кім жазықты?", "роман", "kk"),
    ("Торайғыров, Сұлтанмахмұт", "Таңдамалы шығармалар", "", "kk"),
    ("Тәжібаев, Әбділда", "Өмір дастаны", "өлеңдер мен поэмалар", "kk"),
    ("Тәжібаев, Әбділда", "Портреты", "литературные очерки", "ru"),
    ("Тәжібаев, Әбділда", "Таңдамалы шығармалар", "екі томдық", "kk"),
    ("Қорқыт ата", "Қорқыт ата кітабы", "оғыз-қыпшақ эпосы", "kk"),
    ("Әуезов, Мұхтар", "Абай жолы", "роман-эпопея", "kk"),
    ("Әуезов, Мұхтар", "Путь Абая", "роман-эпопея", "ru"),
    ("Байтұрсынұлы, Ахмет", "Маса", "өлеңдер", "kk"),
    ("Жұмабаев, Мағжан", "Батыр Баян", "поэма", "kk"),
    ("Аймауытов, Жүсіпбек", "Ақбілек", "роман", "kk"),
    ("Аймауытов, Жүсіпбек", "Қартқожа", "роман", "kk"),
    ("Бекежанов, Нартай", "Жыр-толғаулар", "", "kk"),
    ("Уәлиханов, Шоқан", "Собрание сочинений", "в пяти томах", "ru"),
    ("Потанин, Григорий", "Очерки Северо-Западной Монголии", "", "ru"),
]

LOCAL_HISTORY = [
    ("Сыр елі", "өлкетану энциклопедиясы", "kk"),
    ("Қызылорда облысы", "энциклопедия", "kk"),
    ("Павлодарское Прииртышье", "энциклопедия", "ru"),
    ("Баянауыл", "тарихи-өлкетану очерктері", "kk"),
    ("Арал тағдыры", "құжаттар мен естеліктер", "kk"),
    ("Кызылорда: страницы истории", "", "ru"),
    ("Сыр бойының ақын-жыраулары", "антология", "kk"),
    ("Павлодар кітапханашылары", "библиографиялық анықтамалық", "kk"),
]

GIFT_BOOKS = [
    ("Қазақстан жолы", "", "2006", "Астана", "Елорда", "kk"),
    ("Ғасырлар тоғысында", "", "1996", "Алматы", "Өнер", "kk"),
    ("Тарих толқынында", "", "1999", "Алматы", "Атамұра", "kk"),
    ("Сындарлы он жыл", "", "2003", "Алматы", "Атамұра", "kk"),
    ("Еуразия жүрегінде", "", "2005", "Алматы", "Жібек жолы", "kk"),
    ("Эра независимости", "", "2017", "Астана", "Фолиант", "ru"),
    ("Болашаққа бағдар: рухани жаңғыру", "мақала", "2017", "Астана", "Елорда", "kk"),
    ("Ұлы даланың жеті қыры", "мақала", "2018", "Астана", "Фолиант", "kk"),
    (
        "Елбасы кітапханасы",
        "фотоальбом",
        "2019",
        "Нұр-Сұлтан",
        "Елбасы кітапханасы",
        "kk",
    ),
    (
        "Библиотека Первого Президента Республики Казахстан – Елбасы",
        "путеводитель",
        "2019",
        "Нур-Султан",
        "Библиотека Елбасы",
        "ru",
    ),
]

PERIODICALS = [
    (
        "Сыр бойы",
        "облыстық қоғамдық-саяси газет",
        "Қызылорда",
        "1929–",
        "аптасына 3 рет",
        "tazhibaev-library",
    ),
    (
        "Кызылординские вести",
        "областная общественно-политическая газета",
        "Кызылорда",
        "1991–",
        "2 раза в неделю",
        "tazhibaev-library",
    ),
    (
        "Сарыарқа самалы",
        "облыстық газет",
        "Павлодар",
        "1918–",
        "аптасына 3 рет",
        "toraighyrov-library",
    ),
    (
        "Звезда Прииртышья",
        "областная газета",
        "Павлодар",
        "1918–",
        "3 раза в неделю",
        "toraighyrov-library",
    ),
    (
        "Жұлдыз",
        "әдеби-көркем журнал",
        "Алматы",
        "1928–",
        "айына 1 рет",
        "toraighyrov-library",
    ),
    (
        "Простор",
        "литературно-художественный журнал",
        "Алматы",
        "1933–",
        "ежемесячно",
        "tazhibaev-library",
    ),
]

MUSEUM_OBJECTS = [
    # title, category, material, technique, dimensions, date, place, subject
    (
        "Домбыра",
        "Музыкалық аспап",
        "ағаш, ішек",
        "оймыш",
        "ұз. 98 см",
        "XIX ғ. соңы",
        "Баянауыл",
        "Музыка",
    ),
    (
        "Қобыз",
        "Музыкалық аспап",
        "ағаш, жылқы қылы, тері",
        "ою",
        "ұз. 72 см",
        "XIX ғ.",
        "Жаңақорған",
        "Музыка",
    ),
    (
        "Кебеже",
        "Тұрмыстық зат",
        "ағаш, сүйек",
        "сүйек салу",
        "62×45×40 см",
        "XIX ғ. соңы",
        "Қызылорда",
        "Этнография",
    ),
    (
        "Сырмақ",
        "Тоқыма бұйым",
        "киіз, жүн",
        "сырып тігу",
        "310×180 см",
        "1930-жж.",
        "Шиелі",
        "Қолөнер",
    ),
    (
        "Тұскиіз",
        "Тоқыма бұйым",
        "барқыт, жібек жіп",
        "кесте",
        "210×150 см",
        "1920-жж.",
        "Қазалы",
        "Қолөнер",
    ),
    (
        "Алқа",
        "Әшекей",
        "күміс, маржан",
        "бедерлеу, зернеу",
        "ұз. 35 см",
        "XIX ғ.",
        "Павлодар",
        "Қолөнер",
    ),
    (
        "Білезік",
        "Әшекей",
        "күміс",
        "құю, қарайту",
        "диам. 6,5 см",
        "XIX ғ.",
        "Баянауыл",
        "Қолөнер",
    ),
    (
        "Торсық",
        "Ыдыс",
        "тері",
        "басу, тігу",
        "биікт. 40 см",
        "XIX ғ.",
        "Арал",
        "Этнография",
    ),
    (
        "Ер-тұрман",
        "Тұрмыстық зат",
        "ағаш, күміс, тері",
        "бедерлеу",
        "55×35 см",
        "XIX ғ. соңы",
        "Екібастұз",
        "Этнография",
    ),
    (
        "Сәукеле",
        "Киім",
        "барқыт, күміс, үкі",
        "кесте, зернеу",
        "биікт. 70 см",
        "XIX ғ.",
        "Қызылорда",
        "Этнография",
    ),
    (
        "Қыш құмыра",
        "Археологиялық олжа",
        "күйдірілген саз",
        "құмыраншы шеңбері",
        "биікт. 28 см",
        "XII–XIV ғғ.",
        "Сығанақ қалашығы",
        "Археология",
    ),
    (
        "Ойық өрнекті ыдыс сынығы",
        "Археологиялық олжа",
        "күйдірілген саз",
        "ойып өрнектеу",
        "12×9 см",
        "X–XI ғғ.",
        "Жанкент қалашығы",
        "Археология",
    ),
    (
        "Мыс теңге",
        "Нумизматика",
        "мыс",
        "соғу",
        "диам. 2 см",
        "XIV ғ.",
        "Сығанақ қалашығы",
        "Археология",
    ),
    (
        "Шапан",
        "Киім",
        "мақпал, жібек",
        "кесте",
        "ұз. 120 см",
        "1900-жж.",
        "Павлодар",
        "Этнография",
    ),
    (
        "Кесе және қант сауыт",
        "Ыдыс",
        "фарфор",
        "бояу",
        "биікт. 7 см",
        "XX ғ. басы",
        "Қызылорда",
        "Этнография",
    ),
]

PHOTOS = [
    ("Қызылорда теміржол вокзалы", "1930-жж.", "Қызылорда", "kyzylorda-state-archive"),
    (
        "Ә.Тәжібаев оқырмандармен кездесуде",
        "1975",
        "Қызылорда",
        "kyzylorda-state-archive",
    ),
    ("Облыстық кітапхананың оқу залы", "1968", "Қызылорда", "kyzylorda-museum"),
    ("Ертіс жағалауы", "1960", "Павлодар", "potanin-museum"),
    ("Баянауыл тауларында", "1957", "Баянауыл", "potanin-museum"),
    ("Арал балықшылары", "1962", "Арал", "kyzylorda-museum"),
    ("Қазалы бекінісі", "1900-жж.", "Қазалы", "kyzylorda-museum"),
    (
        "Павлодар облыстық музейінің алғашқы экспозициясы",
        "1947",
        "Павлодар",
        "potanin-museum",
    ),
]

ARCHIVE_FONDS = [
    {
        "number": "1",
        "title": "Қызылорда облыстық атқару комитеті",
        "dates": "1938–1991",
        "creator": "Қызылорда облыстық атқару комитеті",
        "scope": "Облыстық атқару комитетінің шешімдері, отырыс хаттамалары, аудандармен хат алмасу, "
        "шаруашылық пен мәдени құрылыс туралы есептер.",
        "series": [
            (
                "1",
                "Атқару комитеті отырыстарының хаттамалары мен шешімдері",
                "1938–1960",
                "Мемлекеттік басқару",
            ),
            (
                "2",
                "Мәдениет және білім беру мекемелері туралы құжаттар",
                "1945–1991",
                "Білім беру",
            ),
            (
                "3",
                "Арал өңірінің шаруашылығы туралы есептер",
                "1960–1991",
                "Арал теңізі",
            ),
        ],
    },
    {
        "number": "845",
        "title": "Тәжібаев Әбділда — ақын, драматург, әдебиет зерттеушісі",
        "dates": "1925–1998",
        "creator": "Тәжібаев, Әбділда",
        "scope": "Жеке қор: шығармаларының қолжазбалары, хаттар, фотосуреттер, ақынның облыстық "
        "кітапханамен байланысы туралы құжаттар.",
        "series": [
            ("1", "Шығармашылық қолжазбалар", "1930–1995", "Поэзия"),
            ("2", "Хат алмасу", "1940–1998", "Қазақ әдебиеті"),
        ],
    },
]

FILE_TOPICS = [
    "Облыстық кітапхананың жұмысы туралы есеп",
    "Аудандық мәдениет үйлерінің қызметі туралы анықтама",
    "Мектептердің оқу жылына дайындығы туралы хат алмасу",
    "Ұлы Отан соғысы ардагерлері туралы мәліметтер",
    "Жаңақорған ауданының ауыл шаруашылығы жөніндегі есеп",
    "Қазалы ауданындағы балық шаруашылығы туралы құжаттар",
    "Облыстық музейдің қорын толықтыру туралы шешім",
    "Мерейтойлық іс-шараларды өткізу жоспары",
]


def _direct_order(name: str) -> str:
    """ "Торайғыров, Сұлтанмахмұт" → "Сұлтанмахмұт Торайғыров", as a title page prints it."""
    surname, _, given = name.partition(", ")
    return f"{given} {surname}" if given else name


def _image(title: str, seed: int, *, size: tuple[int, int] = (900, 640)) -> Image:
    """A sepia picture with an ornament and a caption, drawn once and kept by title."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - demo pictures, not secrets
    width, height = size
    base = (rng.randint(200, 235), rng.randint(180, 210), rng.randint(140, 170))
    picture = PILImage.new("RGB", size, base)
    draw = ImageDraw.Draw(picture)
    for _ in range(1400):
        x, y = rng.randrange(width), rng.randrange(height)
        shade = rng.randint(-25, 10)
        draw.point((x, y), fill=tuple(max(0, min(255, c + shade)) for c in base))
    ink = (95, 60, 30)
    cx, cy = width // 2, height // 2 - 30
    for ring in range(4):
        radius = 60 + ring * 38
        draw.arc(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            200 + ring * 10,
            340 - ring * 10,
            fill=ink,
            width=6,
        )
    for side in (-1, 1):  # қошқар мүйіз: two curled horns
        for step in range(60):
            angle = step / 9
            r = 70 - step
            x = cx + side * (110 + r * math.cos(angle))
            y = cy + 60 + r * math.sin(angle)
            draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=ink)
    draw.rectangle((20, 20, width - 20, height - 20), outline=ink, width=4)
    font = ImageFont.truetype(FONT, 30)
    text = title if len(title) < 48 else title[:46] + "…"
    box = draw.textbbox((0, 0), text, font=font)
    draw.text(((width - (box[2] - box[0])) / 2, height - 90), text, fill=ink, font=font)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"catalog-demo-{seed}.jpg")
    )


def _authorities() -> dict[str, dict[str, Any]]:
    persons = {}
    for kk, ru, en, dates, born, died, variants in PERSONS:
        persons[kk], _ = Person.objects.update_or_create(
            name_kk=kk,
            defaults={
                "name_ru": ru,
                "name_en": en,
                "life_dates": dates,
                "birth_year": born,
                "death_year": died,
                "variant_names": variants,
            },
        )
    organisations = {}
    for kk, ru, en, dates, named_after, institution in ORGANISATIONS:
        organisations[kk], _ = Organisation.objects.update_or_create(
            name_kk=kk,
            defaults={
                "name_ru": ru,
                "name_en": en,
                "dates": dates,
                "named_after": persons.get(named_after),
                "institution": Institution.objects.filter(slug=institution).first()
                if institution
                else None,
            },
        )
    places = {}
    for kk, ru, en, lat, lon, variants in PLACES:
        places[kk], _ = Place.objects.update_or_create(
            name_kk=kk,
            defaults={
                "name_ru": ru,
                "name_en": en,
                "latitude": lat,
                "longitude": lon,
                "variant_names": variants,
            },
        )
    subjects = {}
    for kk, ru, en in SUBJECTS:
        subjects[kk], _ = Subject.objects.update_or_create(
            name_kk=kk, defaults={"name_ru": ru, "name_en": en}
        )
    subjects["Поэзия"].broader = subjects["Қазақ әдебиеті"]
    subjects["Поэзия"].save()
    collections = {}
    for data in COLLECTIONS:
        fields = dict(data)
        parent = fields.pop("parent", None)
        fields["parent"] = collections.get(parent)
        slug = fields.pop("slug")
        collections[slug], _ = Collection.objects.update_or_create(
            slug=slug, defaults=fields
        )
    return {
        "persons": persons,
        "organisations": organisations,
        "places": places,
        "subjects": subjects,
        "collections": collections,
    }


class _Loader:
    def __init__(self, authorities: dict[str, dict[str, Any]]):
        self.a = authorities
        self.rng = random.Random(2019)  # noqa: S311 - repeatable demo data
        self.created = 0
        self.institutions = {i.slug: i for i in Institution.objects.all()}
        self.existing = set(
            Resource.objects.exclude(source_id="").values_list(
                "institution__slug", "source_id"
            )
        )

    def add(
        self, slug: str, source_id: str, kind: str, data: dict[str, Any]
    ) -> Resource:
        if (slug, source_id) in self.existing:
            return Resource.objects.get(institution__slug=slug, source_id=source_id)
        data = {"source_id": source_id, "original_format": "demo", **data}
        resource = resource_create(
            institution=self.institutions[slug], kind=kind, data=data
        )
        self.existing.add((slug, source_id))
        self.created += 1
        return resource

    def books(self) -> None:
        p, s = self.a["persons"], self.a["subjects"]
        number = 0
        for author, title, other, language in WORKS:
            for edition in range(5):
                number += 1
                place, publisher = self.rng.choice(PUBLISHERS)
                year = self.rng.randint(1957, 2019)
                library = ("tazhibaev-library", "toraighyrov-library")[number % 2]
                subjects = [s["Қазақ әдебиеті"]] + (
                    [s["Поэзия"]] if "өлең" in other or "поэма" in other else []
                )
                self.add(
                    library,
                    f"book-{number}",
                    Kind.BOOK,
                    {
                        "title": title,
                        "other_title": other,
                        "responsibility": _direct_order(p[author].name_kk),
                        "edition": f"{edition + 2}-басылым" if edition else "",
                        "publication_place": place,
                        "publisher": publisher,
                        "date_text": str(year),
                        "extent": f"{self.rng.randint(12, 60) * 8} б.",
                        "language": language,
                        "isbn": f"978-601-{self.rng.randint(200, 899)}-{self.rng.randint(100, 999)}-{self.rng.randint(0, 9)}"
                        if year > 1995
                        else "",
                        "udc": "821.512.122" if language == "kk" else "821.161.1",
                        "bbk": "84 (5Каз)",
                        "agents": [(AgentRole.AUTHOR, p[author])],
                        "subjects": subjects,
                        "places": [(PlaceRole.PUBLICATION, self.a["places"][place])]
                        if place in self.a["places"]
                        else [],
                        "holdings": [
                            {
                                "shelfmark": f"84(5Каз)-{number}/{copy + 1}",
                                "location": self.rng.choice(
                                    ["Абонемент", "Оқу залы", "Сирек кітаптар бөлімі"]
                                ),
                                "barcode": f"{library[:3].upper()}{number:05d}{copy}",
                                "status": self.rng.choice(
                                    list(HoldingStatus.values)[:3]
                                ),
                            }
                            for copy in range(self.rng.randint(1, 3))
                        ],
                    },
                )
        for index, (title, other, language) in enumerate(LOCAL_HISTORY):
            library = (
                "tazhibaev-library"
                if "Сыр" in title
                or "Қызылорда" in title
                or "Кызылорда" in title
                or "Арал" in title
                else "toraighyrov-library"
            )
            year = self.rng.randint(1995, 2021)
            self.add(
                library,
                f"local-{index}",
                Kind.BOOK,
                {
                    "title": title,
                    "other_title": other,
                    "responsibility": "құраст. облыстық кітапхана",
                    "publication_place": "Қызылорда"
                    if library == "tazhibaev-library"
                    else "Павлодар",
                    "publisher": "Тұмар" if library == "tazhibaev-library" else "ЭКО",
                    "date_text": str(year),
                    "extent": f"{self.rng.randint(20, 70) * 8} б.",
                    "language": language,
                    "udc": "908 (574)",
                    "bbk": "26.89 (5Каз)",
                    "subjects": [s["Өлкетану"], s["Қазақстан тарихы"]],
                    "holdings": [
                        {
                            "shelfmark": f"26.89-{index}",
                            "location": "Өлкетану бөлімі",
                            "status": HoldingStatus.READING_ROOM,
                        }
                    ],
                },
            )
        gift = self.a["collections"]["elbasy-library-gift-2019"]
        for index, (title, other, year, place, publisher, language) in enumerate(
            GIFT_BOOKS
        ):
            self.add(
                "tazhibaev-library",
                f"gift-2019-{index}",
                Kind.BOOK,
                {
                    "title": title,
                    "other_title": other,
                    "responsibility": "Н.Ә. Назарбаев" if index < 8 else "",
                    "publication_place": place,
                    "publisher": publisher,
                    "date_text": year,
                    "language": language,
                    "extent": f"{self.rng.randint(10, 50) * 8} б.",
                    "udc": "32 (574)",
                    "bbk": "66.3 (5Каз)",
                    "provenance": "Елбасы кітапханасының сыйы, 2019",
                    "agents": [
                        (AgentRole.AUTHOR, self.a["persons"]["Назарбаев, Нұрсұлтан"])
                    ]
                    if index < 8
                    else [],
                    "subjects": [s["Тәуелсіздік"], s["Қазақстан тарихы"]],
                    "collections": [gift],
                    "holdings": [
                        {
                            "shelfmark": f"66.3-{index + 1}",
                            "location": "Елбасы кітапханасының мұрасы залы",
                            "status": HoldingStatus.READING_ROOM,
                        }
                    ],
                },
            )

    def periodicals(self) -> None:
        for index, (title, other, place, dates, frequency, library) in enumerate(
            PERIODICALS
        ):
            self.add(
                library,
                f"periodical-{index}",
                Kind.PERIODICAL,
                {
                    "title": title,
                    "other_title": other,
                    "publication_place": place,
                    "date_text": dates,
                    "frequency": frequency,
                    "numbering": "1991–2023 жж. тігінділері",
                    "language": "ru"
                    if title in ("Кызылординские вести", "Звезда Прииртышья", "Простор")
                    else "kk",
                    "issn": f"{1560 + index}-{2000 + index * 7}",
                    "subjects": [self.a["subjects"]["Өлкетану"]],
                    "holdings": [
                        {
                            "shelfmark": f"П-{index + 1}",
                            "location": "Мерзімді басылымдар залы",
                            "status": HoldingStatus.READING_ROOM,
                        }
                    ],
                },
            )

    def archive(self) -> None:
        slug = "kyzylorda-state-archive"
        p, o, s = self.a["persons"], self.a["organisations"], self.a["subjects"]
        for fonds_data in ARCHIVE_FONDS:
            number = fonds_data["number"]
            creator = p.get(fonds_data["creator"]) or o.get(fonds_data["creator"])
            fonds = self.add(
                slug,
                f"fonds-{number}",
                Kind.FONDS,
                {
                    "reference_code": f"ҚОММ Ф. {number}",
                    "title": fonds_data["title"],
                    "date_text": fonds_data["dates"],
                    "extent": f"{len(fonds_data['series'])} тізімдеме, {self.rng.randint(300, 2000)} сақтау бірлігі",
                    "language": "mul",
                    "description": fonds_data["scope"],
                    "access_conditions": "Оқу залында, алдын ала өтініш бойынша.",
                    "agents": [(AgentRole.FONDS_CREATOR, creator)],
                    "places": [(PlaceRole.ORIGIN, self.a["places"]["Қызылорда"])],
                },
            )
            for series_index, (series_number, title, dates, subject) in enumerate(
                fonds_data["series"]
            ):
                series = self.add(
                    slug,
                    f"fonds-{number}-{series_number}",
                    Kind.SERIES,
                    {
                        "parent": fonds,
                        "sequence": series_index + 1,
                        "reference_code": f"ҚОММ Ф. {number}. Оп. {series_number}",
                        "title": title,
                        "date_text": dates,
                        "extent": "",
                        "language": "kk",
                        "subjects": [s[subject]],
                    },
                )
                for file_number in range(1, 7):
                    year = self.rng.randint(int(dates[:4]), int(dates[5:9]))
                    topic = self.rng.choice(FILE_TOPICS)
                    file = self.add(
                        slug,
                        f"fonds-{number}-{series_number}-{file_number}",
                        Kind.FILE,
                        {
                            "parent": series,
                            "sequence": file_number,
                            "reference_code": f"ҚОММ Ф. {number}. Оп. {series_number}. Д. {file_number}",
                            "title": f"{topic}, {year} ж."
                            if number != "845"
                            else f"{title}: {file_number}-бума",
                            "date_text": str(year),
                            "extent": f"{self.rng.randint(12, 240)} п.",
                            "language": self.rng.choice(["kk", "ru"]),
                            "access": Access.ON_SITE
                            if file_number == 6
                            else Access.PUBLIC,
                            "subjects": [s[subject]],
                        },
                    )
                    if file_number <= 2:
                        for item_number in range(1, 4):
                            self.add(
                                slug,
                                f"fonds-{number}-{series_number}-{file_number}-{item_number}",
                                Kind.ARCHIVAL_ITEM,
                                {
                                    "parent": file,
                                    "sequence": item_number,
                                    "reference_code": f"ҚОММ Ф. {number}. Оп. {series_number}. Д. {file_number}. П. {item_number * 4 - 3}–{item_number * 4}",
                                    "title": (
                                        f"Хат, {year} ж."
                                        if number == "845"
                                        else f"Хаттама №{item_number}, {year} ж."
                                    ),
                                    "date_text": str(year),
                                    "extent": "4 п.",
                                    "language": "kk",
                                    "agents": [
                                        (AgentRole.AUTHOR, p["Тәжібаев, Әбділда"])
                                    ]
                                    if number == "845"
                                    else [],
                                },
                            )

    def museum(self) -> None:
        museum_collection = self.a["collections"]["museum-collections"]
        ethnography = self.a["collections"]["museum-collections-ethnography"]
        for repeat in range(3):
            for index, (
                title,
                category,
                material,
                technique,
                size,
                dated,
                place,
                subject,
            ) in enumerate(MUSEUM_OBJECTS):
                number = repeat * len(MUSEUM_OBJECTS) + index + 1
                slug = (
                    "potanin-museum"
                    if place in ("Павлодар", "Баянауыл", "Екібастұз")
                    or (repeat == 2 and index % 2)
                    else "kyzylorda-museum"
                )
                prefix = "ПОТКМ" if slug == "potanin-museum" else "ҚОТӨМ"
                collections = [museum_collection] + (
                    [ethnography] if subject == "Этнография" else []
                )
                image = (
                    _image(f"{title} ({prefix} КП {4000 + number})", number)
                    if repeat == 0
                    else None
                )
                year = self.rng.choice([1958, 1967, 1974, 1986, 1993, 2004, 2012, 2019])
                self.add(
                    slug,
                    f"museum-{number}",
                    Kind.MUSEUM_OBJECT,
                    {
                        "title": title
                        if repeat == 0
                        else f"{title} ({['', 'екінші дана', 'үшінші дана'][repeat]})",
                        "object_category": category,
                        "material": material,
                        "technique": technique,
                        "dimensions": size,
                        "date_text": dated,
                        "inventory_number": f"{prefix} {number:04d}",
                        "main_fund_number": f"КП {4000 + number}",
                        "condition": self.rng.choice(
                            ["жақсы", "қанағаттанарлық", "реставрацияны қажет етеді"]
                        ),
                        "acquisition": self.rng.choice(
                            [
                                f"Сатып алынды, {year}",
                                f"Экспедиция олжасы, {year}",
                                f"Сыйға тартылды, {year}",
                            ]
                        ),
                        "provenance": self.rng.choice(
                            [
                                "",
                                "Жергілікті тұрғынның отбасылық мұрасы",
                                "Облыстық экспедиция",
                            ]
                        ),
                        "exhibition_history": "«Сыр бойының мұрасы» көрмесі, 2019"
                        if index % 3 == 0
                        else "",
                        "description": f"{title} — {category.lower()}. Материалы: {material}; жасалу тәсілі: {technique}.",
                        "language": "zxx",
                        "places": [
                            (
                                PlaceRole.FIND
                                if subject == "Археология"
                                else PlaceRole.ORIGIN,
                                self.a["places"][place],
                            )
                        ],
                        "subjects": [self.a["subjects"][subject]],
                        "collections": collections,
                        "files": [{"image": image, "caption": title}] if image else [],
                        "access": Access.STAFF if number == 45 else Access.PUBLIC,
                    },
                )
        museum_collection.cover_image = _image("Музей коллекциялары", 9001)
        museum_collection.save(update_fields=["cover_image"])

    def other(self) -> None:
        p, s, places = self.a["persons"], self.a["subjects"], self.a["places"]
        for index, (title, dated, place, slug) in enumerate(PHOTOS):
            image = _image(title, 500 + index)
            agents = (
                [(AgentRole.DEPICTED, p["Тәжібаев, Әбділда"])]
                if "Тәжібаев" in title
                else []
            )
            self.add(
                slug,
                f"photo-{index}",
                Kind.PHOTO,
                {
                    "title": title,
                    "date_text": dated,
                    "technique": "күміс-желатин баспа",
                    "dimensions": "18×24 см",
                    "extent": "1 фотосурет",
                    "language": "zxx",
                    "inventory_number": f"Ф-{1200 + index}",
                    "agents": agents,
                    "places": [(PlaceRole.DEPICTED, places[place])],
                    "subjects": [s["Өлкетану"]],
                    "files": [{"image": image, "caption": title}],
                    "collections": [self.a["collections"]["museum-collections"]]
                    if "museum" in slug
                    else [],
                },
            )
        manuscripts = [
            (
                "Қорқыт ата туралы аңыздар жазбасы",
                "XIX ғ.",
                "Қорқыт ата",
                "төте жазу",
                "tazhibaev-library",
            ),
            (
                "Сұлтанмахмұт Торайғыровтың өлеңдер дәптері (көшірме)",
                "1913–1920",
                "Торайғыров, Сұлтанмахмұт",
                "төте жазу",
                "toraighyrov-library",
            ),
            (
                "Ә.Тәжібаевтың «Сыр бойында» поэмасының қолжазбасы",
                "1956",
                "Тәжібаев, Әбділда",
                "кирилл",
                "tazhibaev-library",
            ),
            (
                "Абай өлеңдерінің қолжазба жинағы",
                "1910-жж.",
                "Құнанбайұлы, Абай",
                "араб жазуы",
                "toraighyrov-library",
            ),
        ]
        for index, (title, dated, author, script, slug) in enumerate(manuscripts):
            self.add(
                slug,
                f"manuscript-{index}",
                Kind.MANUSCRIPT,
                {
                    "title": title,
                    "date_text": dated,
                    "script": script,
                    "material": "қағаз, сия",
                    "extent": f"{self.rng.randint(8, 60)} п.",
                    "language": "kk",
                    "agents": [(AgentRole.AUTHOR, p[author])],
                    "subjects": [s["Қазақ әдебиеті"], s["Поэзия"]],
                    "description": "Сирек кітаптар мен қолжазбалар бөлімінде сақталады.",
                },
            )
        recordings = [
            (
                "Ә.Тәжібаев өз өлеңдерін оқиды",
                "1969",
                "Тәжібаев, Әбділда",
                "аудиокассета, цифрлық көшірме",
                "tazhibaev-library",
            ),
            (
                "Қорқыт күйлері",
                "1978",
                "Қорқыт ата",
                "винил пластинка",
                "kyzylorda-museum",
            ),
            (
                "«Сыр сүлейлері» деректі фильмі",
                "1989",
                "Бекежанов, Нартай",
                "VHS, цифрлық көшірме",
                "tazhibaev-library",
            ),
            (
                "Павлодар облыстық кітапханасының 100 жылдығы",
                "1996",
                "Торайғыров, Сұлтанмахмұт",
                "Betacam, цифрлық көшірме",
                "toraighyrov-library",
            ),
        ]
        for index, (title, dated, person, media, slug) in enumerate(recordings):
            self.add(
                slug,
                f"recording-{index}",
                Kind.AUDIOVISUAL,
                {
                    "title": title,
                    "date_text": dated,
                    "media_format": media,
                    "extent": f"{self.rng.randint(18, 95)} мин",
                    "language": "kk",
                    "agents": [
                        (
                            AgentRole.DEPICTED if index > 1 else AgentRole.AUTHOR,
                            p[person],
                        )
                    ],
                    "subjects": [
                        s["Музыка"] if "күй" in title else s["Қазақ әдебиеті"]
                    ],
                },
            )
        e_resources = [
            ("Сыр бойы ақындары: электрондық антология", "2015", "tazhibaev-library"),
            (
                "Павлодар облысының тарихи-мәдени ескерткіштері: электрондық каталог",
                "2018",
                "toraighyrov-library",
            ),
            ("Ә.Тәжібаев: биобиблиографиялық көрсеткіш", "2009", "tazhibaev-library"),
            (
                "С.Торайғыров шығармаларының толық жинағы (цифрлық нұсқа)",
                "2013",
                "toraighyrov-library",
            ),
        ]
        for index, (title, year, slug) in enumerate(e_resources):
            self.add(
                slug,
                f"e-resource-{index}",
                Kind.E_RESOURCE,
                {
                    "title": title,
                    "date_text": year,
                    "media_format": "PDF",
                    "extent": "1 электрондық файл",
                    "language": "kk",
                    "responsibility": "облыстық кітапхана",
                    "subjects": [s["Өлкетану"], s["Кітапхана ісі"]],
                },
            )


def load(*, stdout: TextIO) -> None:
    authorities = _authorities()
    loader = _Loader(authorities)
    loader.books()
    loader.periodicals()
    loader.archive()
    loader.museum()
    loader.other()
    total = Resource.objects.filter(original_format="demo").count()
    stdout.write(
        f"  {total} catalogue records ({loader.created} new), {len(authorities['persons'])} persons"
    )
