"""Each figure of the statistics page equals the rows built here, for the institutions
the person may see."""

import csv
import io
from datetime import date, datetime, time, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from mura.catalog.choices import Kind
from mura.catalog.models import DigitalFile, Resource
from mura.catalog.tests.factories import ResourceFactory
from mura.comments.models import Comment
from mura.events.models import Registration
from mura.events.services import registration_check_in, registration_create
from mura.events.tests.factories import make_event, registration_data
from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory
from mura.institutions.tests.staff import admin_language
from mura.news.models import NewsArticlePage
from mura.news.tests.factories import NewsArticlePageFactory
from mura.search.models import SearchQueryLog
from mura.statistics import selectors
from mura.statistics.counting import daily_view_record
from mura.statistics.models import DailyViews, ViewKind
from mura.statistics.periods import Period, quarter

PERIOD = Period(start=date(2030, 3, 1), end=date(2030, 3, 10))
PAGE = "/admin/statistics/"


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def viewed(article, day: date, views: int) -> None:
    daily_view_record(
        kind=ViewKind.NEWS,
        key=str(article.translation_key),
        institution_id=article.institution_id,
        day=day,
        views=views,
    )


@pytest.fixture
def two(demo_news):
    ours, theirs = InstitutionFactory(), InstitutionFactory()
    our_news = NewsArticlePageFactory(institution=ours, title="Біздің жаңалық")
    their_news = NewsArticlePageFactory(institution=theirs, title="Олардың жаңалығы")
    viewed(our_news, date(2030, 3, 1), 5)
    viewed(our_news, date(2030, 3, 3), 2)
    viewed(their_news, date(2030, 3, 3), 40)
    viewed(our_news, date(2030, 2, 25), 3)  # the previous period
    viewed(our_news, date(2030, 3, 11), 99)  # after the period
    return {"ours": ours, "theirs": theirs, "our_news": our_news}


def test_periods_and_quarters():
    assert PERIOD.previous == Period(start=date(2030, 2, 19), end=date(2030, 2, 28))
    first = quarter(2030, 1)
    assert (first.start, first.end) == (date(2030, 1, 1), date(2030, 3, 31))
    last = quarter(2030, 4)
    assert (last.start, last.end) == (date(2030, 10, 1), date(2030, 12, 31))
    assert quarter(2030, 1).previous == Period(
        start=date(2029, 10, 1), end=date(2029, 12, 31)
    )


def test_views_per_day_and_most_read_for_one_institution(two):
    figure = selectors.views_per_day(period=PERIOD, scope=[two["ours"].pk])
    assert len(figure.rows) == 10
    assert figure.rows[0] == (date(2030, 3, 1), 5)
    assert figure.rows[2] == (date(2030, 3, 3), 2)
    assert (figure.total, figure.previous_total) == (7, 3)
    news = selectors.most_read(period=PERIOD, scope=[two["ours"].pk])[0]
    assert news.rows == [("Біздің жаңалық", 7, str(two["ours"]))]
    everyone = selectors.most_read(period=PERIOD, scope=None)[0]
    assert [row[:2] for row in everyone.rows] == [
        ("Олардың жаңалығы", 40),
        ("Біздің жаңалық", 7),
    ]
    compared = selectors.views_per_institution(period=PERIOD, scope=None)
    assert compared.rows == [(str(two["theirs"]), 40, 0), (str(two["ours"]), 7, 3)]


def test_searches_and_those_that_found_nothing(db):
    for query, found, day in [
        ("Абай", 4, date(2030, 3, 2)),
        ("Мағжан", 0, date(2030, 3, 2)),
        ("Мағжан", 0, date(2030, 3, 5)),
        ("Шоқан", 0, date(2030, 2, 20)),
    ]:
        log = SearchQueryLog.objects.create(
            query=query, result_count=found, took_ms=3, source="page"
        )
        SearchQueryLog.objects.filter(pk=log.pk).update(created_at=at(day))
    searches = selectors.searches_per_day(period=PERIOD)
    assert searches.rows[1] == (date(2030, 3, 2), 2, 1)
    assert (searches.total, searches.previous_total) == (3, 1)
    assert selectors.unfound_searches(period=PERIOD).rows == [("Мағжан", 2)]


def test_registrations_check_ins_capacity_country_and_region(site_tree):
    ours, theirs = InstitutionFactory(), InstitutionFactory()
    event = make_event(
        site_tree["home"], institution=ours, capacity=2, start=at(date(2030, 3, 4))
    )
    make_event(site_tree["home"], institution=theirs, start=at(date(2030, 3, 4)))
    people = [
        registration_create(
            event=event,
            data=registration_data(n, country=country, region=region),
            sections=[],
        )
        for n, country, region in [
            (1, "KZ", "Алматы"),
            (2, "KZ", "Алматы"),
            (3, "UZ", ""),
        ]
    ]
    registration_check_in(registration=people[0])
    assert people[2].status == Registration.Status.WAITLISTED
    figure = selectors.registrations_per_event(period=PERIOD, scope=[ours.pk])
    assert figure.rows == [(event.title, 2, 1, 2, 1)]
    countries = selectors.registrations_by_country(period=PERIOD, scope=[ours.pk])
    assert countries.rows == [("Қазақстан", 2), ("Өзбекстан", 1)]
    regions = selectors.registrations_by_region(period=PERIOD, scope=[ours.pk])
    assert regions.rows == [("Алматы", 2), ("көрсетілмеген", 1)]


def test_comments_received_and_moderated(demo_news):
    article = NewsArticlePageFactory()

    def comment(written: date, status: str, moderated: date | None = None):
        made = Comment.objects.create(
            content_type=ContentType.objects.get_for_model(NewsArticlePage),
            object_id=article.pk,
            institution=article.institution,
            name="Оқырман",
            email="reader@example.org",
            body="Рақмет",
            status=status,
        )
        Comment.objects.filter(pk=made.pk).update(
            created_at=at(written), moderated_at=moderated and at(moderated)
        )

    comment(date(2030, 3, 2), Comment.Status.APPROVED, date(2030, 3, 3))
    comment(date(2030, 3, 2), Comment.Status.PENDING)
    comment(date(2030, 2, 27), Comment.Status.SPAM, date(2030, 3, 1))
    figure = selectors.comments(period=PERIOD, scope=[article.institution_id])
    assert figure.rows == [
        ("Алынды", 2, 1),
        ("Мақұлданды", 1, 0),
        ("Қабылданбады", 0, 0),
        ("Спам", 1, 0),
    ]


def test_catalogue_growth_per_institution_and_kind_with_images(institution):
    books = [ResourceFactory(institution=institution, kind=Kind.BOOK) for _ in range(3)]
    photo = ResourceFactory(institution=institution, kind=Kind.PHOTO)
    image = Image.objects.create(title="Сурет", file=get_test_image_file())
    DigitalFile.objects.create(resource=photo, image=image)
    Resource.objects.filter(pk=books[0].pk).update(created_at=at(date(2029, 1, 1)))
    period = Period(
        start=timezone.localdate() - timedelta(days=1), end=timezone.localdate()
    )
    figure = selectors.catalogue_growth(period=period, scope=[institution.pk])
    assert sorted(row[1:] for row in figure.rows) == sorted(
        [(str(Kind.BOOK.label), 2, 3, 0), (str(Kind.PHOTO.label), 1, 1, 1)]
    )


def staff_of(institution, username="staff"):
    """An editor who chose the Russian admin (the union admin below keeps Kazakh)."""
    user = UserFactory(username=username)
    membership_grant(user=user, institution=institution, role=Role.EDITOR)
    return admin_language(user, "ru")


QUERY = {"start": "2030-03-01", "end": "2030-03-10"}


def test_staff_see_their_institution_and_admins_compare(client, admin_client, two):
    client.force_login(staff_of(two["ours"]))
    html = client.get(PAGE, QUERY).content.decode()
    assert "Біздің жаңалық" in html and "Олардың жаңалығы" not in html
    assert "Просмотры по учреждениям" not in html
    html = client.get(PAGE, {**QUERY, "institution": two["theirs"].pk}).content.decode()
    assert "Олардың жаңалығы" not in html
    html = admin_client.get(PAGE, QUERY).content.decode()
    assert "Олардың жаңалығы" in html and "Мекемелер бойынша қаралым" in html
    assert 'role="img"' in html and '<title id="chart-views-title">' in html


def test_people_without_a_role_get_no_statistics(client, db):
    user = UserFactory(username="nobody")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(PAGE).status_code in (302, 403)


def test_a_bad_period_is_explained_in_the_admins_language(admin_client, db):
    response = admin_client.get(PAGE, {"start": "2030-03-10", "end": "2030-03-01"})
    assert "Кезеңнің басы соңынан бұрын болуы керек." in response.content.decode()
    response = admin_client.get(f"{PAGE}views.csv", {"start": "вчера"})
    assert response.status_code == 400
    assert "Дұрыс күнді енгізіңіз." in response.content.decode()


def test_downloads_hold_the_figures_rows(client, two):
    client.force_login(staff_of(two["ours"]))
    response = client.get(f"{PAGE}views.csv", QUERY)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["День", "Просмотры"]
    assert rows[1] == ["2030-03-01", "5"] and len(rows) == 11
    response = client.get(f"{PAGE}top-news.xlsx", QUERY)
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert list(sheet.iter_rows(values_only=True))[1][:2] == ("Біздің жаңалық", 7)
    assert client.get(f"{PAGE}nothing.csv", QUERY).status_code == 404


def test_reader_views_are_counted_once_a_day_without_staff(client, two):
    article = two["our_news"]
    browser = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}
    for _ in range(2):
        assert client.get(article.url, **browser).status_code == 200
    client.get(article.url, HTTP_USER_AGENT="Googlebot/2.1")
    today = DailyViews.objects.get(day=timezone.localdate(), kind=ViewKind.NEWS)
    assert today.views == 1 and today.institution_id == two["ours"].pk
    record = ResourceFactory(institution=two["ours"])
    client.get(record.get_absolute_url(), **browser)
    client.get(record.get_absolute_url(), **browser)
    item = DailyViews.objects.get(kind=ViewKind.ITEM)
    assert (item.key, item.views, item.institution_id) == (
        record.public_id,
        1,
        two["ours"].pk,
    )
    client.force_login(staff_of(two["ours"], "reader-staff"))
    client.get(record.get_absolute_url(), HTTP_USER_AGENT="Other browser/1.0")
    assert DailyViews.objects.get(kind=ViewKind.ITEM).views == 1
