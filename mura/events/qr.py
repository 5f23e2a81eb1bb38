"""QR codes for the door: they hold the admin check-in link with the participant's code."""

import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.urls import reverse

from mura.portal.addresses import absolute_url


def checkin_url(code: str | None = None) -> str:
    """The organisers' check-in page; scanning a code with a phone camera opens it filled in."""
    url = absolute_url(reverse("events_checkin"))
    return f"{url}?{urlencode({'code': code})}" if code else url


def qr_png(data: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(data, border=2).save(buffer, format="PNG")
    return buffer.getvalue()


def qr_svg(code: str) -> str:
    """An inline SVG (no inline styles, so the strict CSP holds) of the check-in link."""
    image = qrcode.make(
        checkin_url(code), image_factory=qrcode.image.svg.SvgPathImage, border=2
    )
    return image.to_string(encoding="unicode")
