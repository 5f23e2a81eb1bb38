import io

import pytest

from mura.catalog.models import (
    Access,
    AgentRole,
    Kind,
    Person,
    Place,
    PlaceRole,
    Subject,
)
from mura.catalog.services import resource_create
from mura.institutions import demo as institutions_demo
from mura.news import demo as news_demo
from mura.news.models import NewsArticlePage


@pytest.fixture
def seeds(site_tree):
    """The two real seed articles as the demo loads them: 000 = Elbasy 2019, 003 = Toraighyrov 2021."""
    institutions_demo.load(stdout=io.StringIO())
    news_demo.load(stdout=io.StringIO())
    pages = NewsArticlePage.objects.filter(
        locale__language_code="kk", alias_of__isnull=True
    )
    return {
        "000": pages.get(slug="elbasy-library-information-resources-session"),
        "003": pages.get(slug="international-forum-toraighyrov-library-125"),
    }


@pytest.fixture
def records(institution, other_institution):
    """A small union catalogue: a book, a museum object, an archival file, a staff-only record."""
    abai = Person.objects.create(
        name_kk="Абай Құнанбайұлы",
        name_ru="Абай Кунанбаев",
        name_en="Abai Qunanbaiuly",
        life_dates="1845–1904",
    )
    auezov = Person.objects.create(
        name_kk="Мұхтар Әуезов", name_ru="Мухтар Ауэзов", name_en="Mukhtar Auezov"
    )
    poetry = Subject.objects.create(
        name_kk="Қазақ поэзиясы", name_ru="Казахская поэзия"
    )
    kyzylorda = Place.objects.create(
        name_kk="Қызылорда", name_ru="Кызылорда", name_en="Qyzylorda"
    )
    book = resource_create(
        institution=institution,
        kind=Kind.BOOK,
        data={
            "title": "Қара сөздер",
            "isbn": "978-601-7123-45-6",
            "date_text": "1995",
            "language": "kk",
            "description": "Ақынның философиялық шығармалары.",
            "agents": [(AgentRole.AUTHOR, abai)],
            "subjects": [poetry],
        },
    )
    novel = resource_create(
        institution=institution,
        kind=Kind.BOOK,
        data={
            "title": "Абай жолы",
            "date_text": "1942",
            "language": "kk",
            "description": "Роман-эпопея ақын Абай Құнанбайұлының өмірі туралы.",
            "agents": [(AgentRole.AUTHOR, auezov)],
            "subjects": [poetry],
        },
    )
    dombyra = resource_create(
        institution=other_institution,
        kind=Kind.MUSEUM_OBJECT,
        data={
            "title": "Домбыра",
            "inventory_number": "КП 1234/56",
            "date_text": "XIX ғ.",
            "description": "Абай заманындағы ағаш домбыра, Қызылордадан табылған.",
            "places": [(PlaceRole.FIND, kyzylorda)],
        },
    )
    archival_file = resource_create(
        institution=other_institution,
        kind=Kind.FONDS,
        data={
            "title": "Облыстық атқару комитетінің қорлары",
            "reference_code": "ҚОММ Ф. 1. Оп. 2. Д. 15",
            "date_text": "1938",
        },
    )
    secret = resource_create(
        institution=institution,
        kind=Kind.BOOK,
        data={
            "title": "Құпия қолжазба Абай туралы",
            "access": Access.STAFF,
            "isbn": "9780000000002",
        },
    )
    return {
        "book": book,
        "novel": novel,
        "dombyra": dombyra,
        "file": archival_file,
        "secret": secret,
        "abai": abai,
        "poetry": poetry,
        "kyzylorda": kyzylorda,
    }
