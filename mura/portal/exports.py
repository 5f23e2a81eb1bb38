"""Spreadsheet exports that are safe to open in Excel or LibreOffice.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by
spreadsheet programs as a formula (CSV injection: `=HYPERLINK(...)` sends the
neighbouring cells to another site when clicked). Text cells are written with a
leading apostrophe, which every spreadsheet shows as plain text; numbers, dates and
other non-text values are left alone so a numeric column stays numeric. CSV files
start with a UTF-8 byte order mark: without it Excel on Windows reads Kazakh and
Russian as mojibake."""

from typing import Any

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"


def spreadsheet_safe(value: Any) -> Any:
    """The value a spreadsheet shows as text when it would otherwise run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def spreadsheet_unsafe(value: str) -> str:
    """The value ``spreadsheet_safe`` was given, read back from a file it wrote (an
    import of our own export gets back exactly what was exported)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export with formula cells neutralised and a BOM before the CSV.

    XLSX needs no more: Wagtail stores a would-be formula there as a text cell.

    Put it before the Wagtail view in the bases: `class View(SafeSpreadsheetExportMixin,
    IndexView)`."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_safe(value)
        return value

    def stream_csv(self, queryset):
        yield UTF8_BOM.encode()
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
