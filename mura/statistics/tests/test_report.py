"""The quarterly report: one institution's figures as PDF or XLSX, in Kazakh or Russian."""

import io
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from mura.institutions.models import Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import InstitutionFactory, UserFactory
from mura.institutions.tests.staff import admin_language
from mura.news.tests.factories import NewsArticlePageFactory
from mura.statistics.counting import daily_view_record
from mura.statistics.models import ViewKind

REPORT = "/admin/statistics/report/"


def report_of(client, institution, **choices):
    query = {
        "institution": institution.pk,
        "year": 2030,
        "quarter": 1,
        "language": "kk",
        "file_format": "pdf",
        **choices,
    }
    return client.get(REPORT, query)


def setup_quarter(demo_news):
    ours = InstitutionFactory(
        name_kk="Абай атындағы кітапхана", name_ru="Библиотека имени Абая"
    )
    article = NewsArticlePageFactory(institution=ours, title="Жыр кеші өтті")
    for day, views in (
        (date(2030, 1, 15), 12),
        (date(2030, 3, 31), 8),
        (date(2029, 10, 1), 5),
    ):
        daily_view_record(
            kind=ViewKind.NEWS,
            key=str(article.translation_key),
            institution_id=ours.pk,
            day=day,
            views=views,
        )
    staff = UserFactory(username="director")
    membership_grant(user=staff, institution=ours, role=Role.EDITOR)
    return ours, staff


def test_the_pdf_report_is_written_in_kazakh(client, demo_news):
    ours, staff = setup_quarter(demo_news)
    client.force_login(staff)
    response = report_of(client, ours)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Тоқсандық есеп: Абай атындағы кітапхана" in text
    assert "Күн сайынғы қаралым 20" in text  # 12 + 8 in the quarter
    assert "Жыр кеші өтті 20" in text
    assert "Ең көп оқылғаны: Жаңалықтар" in text


def test_the_xlsx_report_in_russian_holds_the_totals(client, demo_news):
    ours, staff = setup_quarter(demo_news)
    client.force_login(staff)
    response = report_of(client, ours, language="ru", file_format="xlsx")
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["Итоги"].iter_rows(values_only=True))
    assert rows[0][0] == "Квартальный отчёт: Библиотека имени Абая"
    assert ("Просмотры по дням", 20, 5) in rows  # against October–December
    assert list(book["top-news"].iter_rows(values_only=True))[2][:2] == (
        "Жыр кеші өтті",
        20,
    )


def test_another_institutions_report_is_refused_in_the_admins_language(
    client, demo_news
):
    ours, staff = setup_quarter(demo_news)
    client.force_login(admin_language(staff, "ru"))
    response = report_of(client, InstitutionFactory())
    assert response.status_code == 400
    assert "Выберите корректный вариант" in response.content.decode()
    assert report_of(client, ours, quarter=5).status_code == 400
