"""Printable PDFs: participation certificates and name badges.

fpdf2 needs a Unicode TTF with the Kazakh letters (ә ғ қ ң ө ұ ү һ і); DejaVu Sans has them.
It comes from Debian's `fonts-dejavu-core` package (MURA_PDF_FONT_DIR overrides the folder)."""

import os
from collections.abc import Iterable
from pathlib import Path

import qrcode
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext
from fpdf import FPDF

from mura.events.dates import format_event_dates
from mura.events.models import EventPage, Registration

FONT_DIR = Path(os.environ.get("MURA_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))
FONTS = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
BRAND = (11, 79, 108)
GOLD = (201, 154, 6)


def _pdf(orientation: str, fmt: str | tuple[float, float] = "A4") -> FPDF:
    missing = [name for name in FONTS.values() if not (FONT_DIR / name).exists()]
    if missing:
        raise ImproperlyConfigured(
            f"PDF fonts {', '.join(missing)} are missing in {FONT_DIR}: install Debian's fonts-dejavu-core."
        )
    pdf = FPDF(orientation=orientation, unit="mm", format=fmt)
    for style, name in FONTS.items():
        pdf.add_font("DejaVu", style, str(FONT_DIR / name))
    pdf.set_auto_page_break(False)
    pdf.set_creator("Mura")
    return pdf


def _qr(data: str):
    return qrcode.make(data, border=1).get_image()


def certificates_pdf(
    registrations: Iterable[tuple[Registration, str]], event: EventPage
) -> bytes:
    """One A4 landscape page per (registration, verification URL)."""
    pdf = _pdf("L")
    pdf.set_title(event.title)
    for registration, verify_url in registrations:
        with translation.override(registration.language):
            _certificate_page(pdf, registration, event.localized, verify_url)
    return bytes(pdf.output())


def _certificate_page(
    pdf: FPDF, registration: Registration, event: EventPage, verify_url: str
) -> None:
    pdf.add_page()
    width = pdf.w
    pdf.set_draw_color(*BRAND)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, width - 20, pdf.h - 20)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.6)
    pdf.rect(14, 14, width - 28, pdf.h - 28)

    pdf.set_text_color(*BRAND)
    pdf.set_font("DejaVu", "B", 34)
    pdf.set_xy(20, 32)
    pdf.cell(width - 40, 16, gettext("Certificate").upper(), align="C")
    pdf.set_text_color(20, 33, 43)
    pdf.set_font("DejaVu", "", 14)
    pdf.set_xy(20, 56)
    pdf.cell(width - 40, 8, gettext("This certifies that"), align="C")
    pdf.set_font("DejaVu", "B", 26)
    pdf.set_xy(20, 68)
    pdf.multi_cell(width - 40, 12, registration.name, align="C")
    pdf.set_font("DejaVu", "", 13)
    if registration.organisation:
        pdf.set_x(20)
        pdf.multi_cell(width - 40, 7, registration.organisation, align="C")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 14)
    pdf.set_x(20)
    pdf.multi_cell(width - 40, 8, gettext("took part in"), align="C")
    pdf.set_font("DejaVu", "B", 17)
    pdf.set_x(30)
    pdf.multi_cell(width - 60, 9, f"«{event.title}»", align="C")
    pdf.set_font("DejaVu", "", 12)
    pdf.set_x(20)
    place = ", ".join(
        part
        for part in (format_event_dates(event), event.venue_address or event.venue_name)
        if part
    )
    pdf.multi_cell(width - 40, 7, place, align="C")
    pdf.set_x(20)
    pdf.multi_cell(width - 40, 7, event.institution.name, align="C")

    pdf.image(_qr(verify_url), x=22, y=pdf.h - 56, w=32, h=32)
    pdf.set_font("DejaVu", "", 9)
    pdf.set_xy(58, pdf.h - 46)
    pdf.cell(
        0,
        5,
        gettext("Verification code: %(code)s")
        % {"code": registration.certificate_code},
    )
    pdf.set_xy(58, pdf.h - 40)
    pdf.cell(0, 5, verify_url)


def badges_pdf(
    registrations: Iterable[Registration], event: EventPage, checkin_url: str
) -> bytes:
    """Name badges, eight per A4 page (2 × 4, 90 × 60 mm), with the check-in QR code."""
    pdf = _pdf("P")
    pdf.set_title(event.title)
    event_title = event.localized.title
    for index, registration in enumerate(registrations):
        if index % 8 == 0:
            pdf.add_page()
        column, row = index % 2, (index % 8) // 2
        x, y = 12 + column * 96, 14 + row * 68
        pdf.set_draw_color(*BRAND)
        pdf.set_line_width(0.4)
        pdf.rect(x, y, 90, 62)
        pdf.set_fill_color(*BRAND)
        pdf.rect(x, y, 90, 11, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DejaVu", "B", 8)
        pdf.set_xy(x + 3, y + 2)
        pdf.multi_cell(84, 3.6, event_title[:110], align="C")
        pdf.set_text_color(20, 33, 43)
        pdf.set_font("DejaVu", "B", 14)
        pdf.set_xy(x + 3, y + 16)
        pdf.multi_cell(58, 6.5, registration.name, align="L")
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_x(x + 3)
        pdf.multi_cell(
            58,
            4,
            "\n".join(
                p for p in (registration.position, registration.organisation) if p
            )[:160],
        )
        pdf.set_font("DejaVu", "", 8)
        pdf.set_xy(x + 3, y + 55)
        pdf.cell(
            58,
            4,
            " · ".join(
                p for p in (registration.country_name, registration.region) if p
            ),
        )
        pdf.image(
            _qr(f"{checkin_url}?code={registration.code}"),
            x=x + 63,
            y=y + 20,
            w=24,
            h=24,
        )
        pdf.set_font("DejaVu", "B", 8)
        pdf.set_xy(x + 63, y + 45)
        pdf.cell(24, 4, registration.code, align="C")
    if not pdf.pages:
        pdf.add_page()
    return bytes(pdf.output())
