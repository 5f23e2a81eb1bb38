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
from typing import BinaryIO

from django.utils.translation import gettext as _
from pymarc import Record

END_OF_RECORD = 0x1D
END_OF_RECORD_BYTE = b"\x1d"
FIELD_END = b"\x1e"
PRINTABLE = re.compile(rb"[\x20-\x7e]*")
BLOCK = 1 << 20
ENCODINGS = ("auto", "utf-8", "marc-8", "cp1251")
# Runs of three or more bytes in the cp1251 Cyrillic range are words; MARC-8 puts
# a single combining byte before an ASCII letter, so it has almost none.
CP1251_WORD = re.compile(rb"[\xc0-\xff]{3,}")


class _Window:
    """The part of a file around the record being cut, read a block at a time."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.data = b""
        self.start = 0  # file offset of data[0]
        self.eof = False

    def _fill(self, end: int) -> None:
        while not self.eof and self.start + len(self.data) < end:
            block = self.stream.read(max(BLOCK, end - self.start - len(self.data)))
            if block:
                self.data += block
            else:
                self.eof = True

    def forget_before(self, offset: int) -> None:
        if offset - self.start >= BLOCK:
            self.data = self.data[offset - self.start :]
            self.start = offset

    def get(self, begin: int, end: int) -> bytes:
        self._fill(end)
        return self.data[begin - self.start : end - self.start]

    def at_end(self, offset: int) -> bool:
        self._fill(offset + 1)
        return offset >= self.start + len(self.data)

    def next_end(self, offset: int) -> int:
        """The offset of the next end-of-record mark from ``offset``, or -1."""
        while True:
            found = self.data.find(END_OF_RECORD_BYTE, offset - self.start)
            if found >= 0:
                return self.start + found
            if self.eof:
                return -1
            offset = max(offset, self.start + len(self.data))
            self._fill(self.start + len(self.data) + BLOCK)


def iso2709_chunks(stream: BinaryIO) -> Iterator[tuple[int, bytes | None, str]]:
    """Cut a file into records by declared length: (offset, bytes|None, reason).

    The file is read a block at a time, so memory stays flat however large it is."""
    window = _Window(stream)
    offset = 0
    while not window.at_end(offset):
        window.forget_before(offset)
        # line breaks and DOS end-of-file marks between records
        if window.get(offset, offset + 1) in (b"\r", b"\n", b"\x1a", b" "):
            offset += 1
            continue
        head = window.get(offset, offset + 5)
        if not head.isdigit() or int(head) < 25:
            yield offset, None, _("the record length in the leader is not valid")
            offset = _resume(window, offset)
            continue
        length = int(head)
        chunk = window.get(offset, offset + length)
        if len(chunk) < length:
            yield (
                offset,
                None,
                _(
                    "the record is cut short: the file ends before the length "
                    "its leader gives"
                ),
            )
            offset = _resume(window, offset)
        elif chunk[-1] != END_OF_RECORD:
            yield offset, None, _("the record does not end where its leader says")
            offset = _resume(window, offset)
        else:
            yield offset, chunk, ""
            offset += length


def _resume(window: _Window, offset: int) -> int:
    """Where to go on after a broken record: past the next end-of-record mark."""
    next_end = window.next_end(offset)
    return window.start + len(window.data) if next_end < 0 else next_end + 1


def count_records(stream: BinaryIO) -> int:
    """About how many records a file holds (its end-of-record marks), for an ETA."""
    blocks = iter(lambda: stream.read(BLOCK), b"")
    return sum(block.count(END_OF_RECORD_BYTE) for block in blocks)


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


def control_number(chunk: bytes) -> str:
    """The record's 001 read from its directory, without decoding the record; ""
    when it has none or it is not printable ASCII (the same in every character set)."""
    try:
        base = int(chunk[12:17])
        for at in range(24, chunk.index(FIELD_END, 24) - 11, 12):
            if chunk[at : at + 3] == b"001":
                length, start = (
                    int(chunk[at + 3 : at + 7]),
                    int(chunk[at + 7 : at + 12]),
                )
                data = chunk[base + start : base + start + length].rstrip(FIELD_END)
                return data.decode().strip() if PRINTABLE.fullmatch(data) else ""
    except ValueError:
        pass
    return ""


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
