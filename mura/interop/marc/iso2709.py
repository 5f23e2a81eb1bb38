"""Cutting ISO 2709 files into records and choosing each record's character set.

pymarc decodes by leader/09 alone, which real files get wrong: cp1251 RUSMARC and
MARC 21 from Russian agencies leave it blank (pymarc would read them as MARC-8 and
garble every letter) and some UTF-8 files leave it blank too. So the records are cut
out of the file here, with their byte offsets for error reports, and the character
set is chosen per record from the bytes themselves."""

import contextlib
import io
import logging
import re
from collections.abc import Iterator

from django.utils.translation import gettext as _
from pymarc import Record

END_OF_RECORD = 0x1D
ENCODINGS = ("auto", "utf-8", "marc-8", "cp1251")
# Runs of three or more bytes in the cp1251 Cyrillic range are words; MARC-8 puts
# a single combining byte before an ASCII letter, so it has almost none.
CP1251_WORD = re.compile(rb"[\xc0-\xff]{3,}")


def iso2709_chunks(data: bytes) -> Iterator[tuple[int, bytes | None, str]]:
    """Cut a file into records by declared length: (offset, bytes|None, reason)."""
    offset = 0
    while offset < len(data):
        if (
            data[offset] in b"\r\n\x1a "
        ):  # line breaks and DOS end-of-file marks between records
            offset += 1
            continue
        head = data[offset : offset + 5]
        next_end = data.find(bytes([END_OF_RECORD]), offset)
        resume = len(data) if next_end < 0 else next_end + 1
        if not head.isdigit() or int(head) < 25:
            yield offset, None, _("the record length in the leader is not valid")
            offset = resume
            continue
        length = int(head)
        chunk = data[offset : offset + length]
        if len(chunk) < length:
            yield (
                offset,
                None,
                _(
                    "the record is cut short: the file ends before the length "
                    "its leader gives"
                ),
            )
            offset = resume
        elif chunk[-1] != END_OF_RECORD:
            yield offset, None, _("the record does not end where its leader says")
            offset = resume
        else:
            yield offset, chunk, ""
            offset += length


def detect_encoding(chunk: bytes) -> str:
    if chunk[9:10] == b"a":
        return "utf-8"
    body = chunk[24:]
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8" if body.isascii() is False else "marc-8"
    if b"\x1b" not in body and len(CP1251_WORD.findall(body)) >= 2:
        return "cp1251"
    return "marc-8"


@contextlib.contextmanager
def _disabled(logger: logging.Logger) -> Iterator[None]:
    was_disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = was_disabled


def decode_chunk(chunk: bytes, encoding: str) -> tuple[Record, list[str]]:
    """Parse one ISO 2709 record in a character set; returns the record and warnings."""
    if encoding == "auto":
        encoding = detect_encoding(chunk)
    elif encoding != "utf-8" and chunk[9:10] == b"a":
        # pymarc reads leader/09 "a" as UTF-8 whatever it is told; the user knows.
        chunk = chunk[:9] + b" " + chunk[10:]
    noise = io.StringIO()
    # pymarc logs "more than 2 indicators" for every RUSMARC 610 field: not a problem.
    pymarc_log = logging.getLogger("pymarc")
    with contextlib.redirect_stderr(noise), _disabled(pymarc_log):
        record = Record(
            data=chunk,
            to_unicode=True,
            force_utf8=encoding == "utf-8",
            file_encoding="cp1251" if encoding == "cp1251" else "iso8859-1",
        )
    warnings = []
    undecoded = noise.getvalue().count("Unable to parse character")
    if undecoded:
        warnings.append(
            _("%(count)d characters could not be decoded") % {"count": undecoded}
        )
    return record, warnings
