"""A figure's table as CSV or XLSX, safe to open in a spreadsheet."""

import csv
import io
from datetime import date

from django.http import HttpResponse
from openpyxl import Workbook

from mura.portal.exports import UTF8_BOM, spreadsheet_safe
from mura.statistics.figures import Figure

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _csv(figure: Figure) -> bytes:
    out = io.StringIO()
    out.write(UTF8_BOM)
    writer = csv.writer(out)
    writer.writerow(figure.columns)
    for row in figure.rows:
        writer.writerow(
            [
                value.isoformat()
                if isinstance(value, date)
                else spreadsheet_safe(value)
                for value in row
            ]
        )
    return out.getvalue().encode()


def _xlsx(figure: Figure) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = figure.key[:31]
    sheet.append([str(column) for column in figure.columns])
    for row in figure.rows:
        # Text is stored as text: openpyxl writes no formula for a value of type str
        # unless it starts with "=", which spreadsheet_safe turns into plain text.
        sheet.append([spreadsheet_safe(value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def figure_download(figure: Figure, file_format: str, stem: str) -> HttpResponse:
    content = _csv(figure) if file_format == "csv" else _xlsx(figure)
    response = HttpResponse(content, content_type=FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{stem}.{file_format}"'
    return response
