"""What every reader (MARC, MARCXML, CSV) hands to the import service: a record
mapped to catalogue fields with authority *names*, or a problem at a position."""

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

ISBD_TRAILING = re.compile(r"[\s/:;,=+]+$")
ISBD_LEADING = re.compile(r"^[\s/:;,=+]+")
SPACES = re.compile(r"\s+")
# Control characters: leftovers of escapes, and the NSB/NSE marks UNIMARC and
# RUSMARC put around non-sorting articles (C1: \x88 \x89, \x98 \x9c).
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
NOT_WORD = re.compile(r"[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Position:
    """Where a record sits in its file: the n-th record plus a byte offset or a line."""

    number: int
    offset: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.offset is not None:
            return _("record %(number)d (byte %(offset)d)") % {
                "number": self.number,
                "offset": self.offset,
            }
        if self.line is not None:
            return _("record %(number)d (line %(line)d)") % {
                "number": self.number,
                "line": self.line,
            }
        return _("record %(number)d") % {"number": self.number}


@dataclass
class ImportItem:
    """One source record mapped to Resource fields; authorities still as names."""

    position: Position
    kind: str
    source_id: str
    fields: dict[str, str]
    original_format: str
    original_record: str
    agents: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # (role, "person"|"organisation", name, dates)
    subjects: list[str] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)  # (role, name)
    holdings: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    deleted: bool = False  # leader/05 "d": the source withdrew the record
    # Record data the format cannot carry, given by the caller as catalogue values
    # (e.g. a parent record, collections, roles); it replaces what was mapped.
    extra: dict[str, Any] = field(default_factory=dict)
    # A fingerprint of the source record; a digest of original_record when empty.
    source_hash: str = ""

    def fingerprint(self) -> str:
        return self.source_hash or digest(self.original_record)


@dataclass
class PendingRecord:
    """A record read but not mapped yet: the importer maps it only when the record
    is new or its source changed (re-importing an unchanged file maps nothing)."""

    position: Position
    source_id: str
    source_hash: str
    mapper: Callable[[], "ImportItem | RecordProblem"]
    _mapped: "ImportItem | RecordProblem | None" = field(default=None, repr=False)

    def mapped(self) -> "ImportItem | RecordProblem":
        """The mapped record (mapped once, however often asked)."""
        if self._mapped is None:
            self._mapped = self.mapper()
            if isinstance(self._mapped, ImportItem):
                self._mapped.source_hash = self.source_hash
        return self._mapped


@dataclass
class RecordProblem:
    """A record that cannot be read at all; it is reported and skipped."""

    position: Position
    reason: str


@functools.lru_cache(maxsize=1 << 16)  # the same headings, places, shelfmarks recur
def clean(text: str | None) -> str:
    """Drop the ISBD punctuation typed between subfields ("Title /", "Almaty :")."""
    text = ISBD_LEADING.sub("", SPACES.sub(" ", CONTROL.sub("", text or "")).strip())
    while True:
        previous = text
        text = ISBD_TRAILING.sub("", text)
        # A final full stop is punctuation unless it closes an initial or an
        # abbreviation ("Абай Қ.", "XIX в.").
        last_word = text.rsplit(" ", 1)[-1][:-1]
        if text.endswith(".") and not (last_word.isalpha() and len(last_word) <= 3):
            text = text[:-1].rstrip()
        if text == previous:
            return text


def nfc(text: str) -> str:
    """Text in Unicode NFC: MARC-8 and some UTF-8 files give letters and their
    diacritics as separate characters ("й" as "и" + breve)."""
    return (
        text
        if unicodedata.is_normalized("NFC", text)
        else unicodedata.normalize("NFC", text)
    )


def name_key(name: str) -> str:
    """The form authority names are matched in: case, punctuation, spacing ignored."""
    return SPACES.sub(" ", NOT_WORD.sub(" ", name.casefold())).strip()


def digest(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def digest_id(content: str) -> str:
    """A stable stand-in for a missing identifier, so a re-import still matches."""
    return "sha1:" + digest(content)
