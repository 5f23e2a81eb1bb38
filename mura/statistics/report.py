"""The quarterly report an institution sends its department of culture, as PDF or XLSX,
in Kazakh or Russian, from the same figures as the statistics page."""

import io

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace
from openpyxl import Workbook

from mura.events.pdf import FONT_DIR, FONTS
from mura.institutions.models import Institution
from mura.portal.exports import spreadsheet_safe
from mura.statistics import selectors
from mura.statistics.figures import Figure
from mura.statistics.periods import Period


def report_figures(*, institution: Institution, period: Period) -> list[Figure]:
    scope = [institution.pk]
    return [
        selectors.views_per_day(period=period, scope=scope),
        *selectors.most_read(period=period, scope=scope),
        selectors.registrations_per_event(period=period, scope=scope),
        selectors.registrations_by_country(period=period, scope=scope),
        selectors.comments(period=period, scope=scope),
        selectors.catalogue_growth(period=period, scope=scope),
    ]


def _heading(institution: Institution, period: Period) -> tuple[str, str]:
    title = _("Quarterly report: %(institution)s") % {"institution": institution.name}
    span = _("%(start)s – %(end)s") % {
        "start": date_format(period.start, "DATE_FORMAT"),
        "end": date_format(period.end, "DATE_FORMAT"),
    }
    return title, span


def _cell(value) -> str:
    if value is None:
        return "—"
    if hasattr(value, "isoformat"):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


def _summary_rows(figures: list[Figure]) -> list[tuple[str, str, str]]:
    return [
        (figure.title, _cell(figure.total), _cell(figure.previous_total))
        for figure in figures
        if figure.total is not None
    ]


def _pdf_document() -> FPDF:
    missing = [name for name in FONTS.values() if not (FONT_DIR / name).exists()]
    if missing:
        raise ImproperlyConfigured(
            f"PDF fonts {', '.join(missing)} are missing in {FONT_DIR}: install Debian's fonts-dejavu-core."
        )
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    for style, name in FONTS.items():
        pdf.add_font("DejaVu", style, str(FONT_DIR / name))
    pdf.set_creator("Mura")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    return pdf


def _paragraph(pdf: FPDF, text: str, *, size: int, bold: bool = False) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")


def _pdf_table(pdf: FPDF, columns: list[str], rows: list[tuple]) -> None:
    pdf.set_font("DejaVu", "", 9)
    with pdf.table(
        headings_style=FontFace(emphasis="BOLD"), line_height=5, text_align="LEFT"
    ) as table:
        table.row([str(column) for column in columns])
        for row in rows:
            table.row([_cell(value) for value in row])


def report_pdf(*, institution: Institution, period: Period, language: str) -> bytes:
    with translation.override(language):
        figures = report_figures(institution=institution, period=period)
        title, span = _heading(institution, period)
        pdf = _pdf_document()
        pdf.set_title(title)
        pdf.set_lang(language)
        pdf.add_page()
        _paragraph(pdf, title, size=16, bold=True)
        _paragraph(pdf, span, size=11)
        pdf.ln(3)
        _paragraph(pdf, _("Totals"), size=12, bold=True)
        _pdf_table(
            pdf,
            [_("Figure"), _("This quarter"), _("Previous quarter")],
            _summary_rows(figures),
        )
        for figure in figures:
            if figure.chart == "line" or not figure.rows:
                continue
            pdf.ln(4)
            _paragraph(pdf, figure.title, size=12, bold=True)
            _paragraph(pdf, figure.description, size=9)
            _pdf_table(pdf, figure.columns, figure.rows)
        return bytes(pdf.output())


def report_xlsx(*, institution: Institution, period: Period, language: str) -> bytes:
    with translation.override(language):
        figures = report_figures(institution=institution, period=period)
        title, span = _heading(institution, period)
        book = Workbook()
        summary = book.active
        summary.title = _("Totals")[:31]
        summary.append([title])
        summary.append([span])
        summary.append([_("Figure"), _("This quarter"), _("Previous quarter")])
        for figure in figures:
            if figure.total is not None:
                summary.append([figure.title, figure.total, figure.previous_total])
        for figure in figures:
            sheet = book.create_sheet(figure.key[:31])
            sheet.append([figure.title])
            sheet.append([str(column) for column in figure.columns])
            for row in figure.rows:
                sheet.append([spreadsheet_safe(value) for value in row])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
