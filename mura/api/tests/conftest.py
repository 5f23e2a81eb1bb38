import pytest

from mura.catalog.models import Kind
from mura.catalog.tests.factories import ResourceFactory
from mura.events.models import ExtraQuestion
from mura.events.tests.factories import SectionFactory, make_event
from mura.institutions.models import Institution
from mura.news.models import NewsArticlePage
from mura.portal.models import HomePage


@pytest.fixture
def content(demo_news):
    """A little of everything the API reads: institutions and two news articles (as in
    `mura demo`), an open event with a section and three extra questions, and catalogue
    records."""
    home = HomePage.objects.get(locale__language_code="kk")
    institution = Institution.objects.order_by("pk").first()
    event = make_event(home, institution=institution, capacity=50)
    section = SectionFactory(event=event, capacity=10, title_kk="Шеберлік сағаты")
    questions = {
        "text": ExtraQuestion.objects.create(
            event=event, label_kk="Баяндама тақырыбы", label_ru="Тема доклада"
        ),
        "yes_no": ExtraQuestion.objects.create(
            event=event,
            label_kk="Қонақ үй керек пе?",
            label_ru="Нужна ли гостиница?",
            kind=ExtraQuestion.Kind.YES_NO,
            required=True,
        ),
        "choice": ExtraQuestion.objects.create(
            event=event,
            label_kk="Қай күні келесіз?",
            label_ru="В какой день вы придёте?",
            kind=ExtraQuestion.Kind.CHOICE,
            options="Бірінші күн\nЕкінші күн",
        ),
    }
    resources = [
        ResourceFactory(institution=institution, kind=kind)
        for kind in (Kind.BOOK, Kind.BOOK, Kind.PERIODICAL)
    ]
    return {
        "event": event,
        "section": section,
        "questions": questions,
        "article": NewsArticlePage.objects.filter(locale__language_code="kk").first(),
        "institution": institution,
        "resources": resources,
    }


def pytest_collection_modifyitems(items):
    """Schemathesis (4.32) names its items `test[GET /path]`, but pytest 9 builds the node
    id from the bare function name: every operation got the same id, and pytest-xdist
    (`make test`) ran only one of them. The id is rebuilt from the full name."""
    for item in items:
        if getattr(item, "operation_label", None) and not item.nodeid.endswith("]"):
            item._id = item.parent.id.child(item.name)
