"""Reading MARC files (ISO 2709 or MARCXML) into ImportItems; a bad record is a problem."""

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree
from pymarc.exceptions import PymarcException

from mura.interop.marc.iso2709 import control_number, decode_chunk, iso2709_chunks
from mura.interop.marc.mapping import map_record
from mura.interop.marc.marcxml import MARC_NS, record_from_element
from mura.interop.records import (
    ImportItem,
    PendingRecord,
    Position,
    RecordProblem,
    digest,
)


def _problem_reason(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return _("the text is not valid in the %(encoding)s character set") % {
            "encoding": error.encoding
        }
    return _("the record structure is broken (%(error)s)") % {
        "error": type(error).__name__
    }


#: Part of every record's fingerprint: a change to the mapping makes every record
#: of a re-imported file count as changed, so it is mapped again.
MAPPING_VERSION = b"2"


def read_iso2709(
    path: Path,
    *,
    flavour: str,
    encoding: str = "auto",
    skip: int = 0,
    lazy: bool = False,
) -> Iterator[ImportItem | PendingRecord | RecordProblem]:
    """The file's records in order, read as they are needed; the first ``skip``
    records (an import resumed) are passed over without being decoded. ``lazy``
    gives records with an identifier as PendingRecords, mapped only when the
    importer finds them new or changed."""
    salt = b"/".join([MAPPING_VERSION, flavour.encode(), encoding.encode()])
    with path.open("rb") as stream:
        chunks = iso2709_chunks(stream)
        for number, (offset, chunk, reason) in enumerate(chunks, start=1):
            if number <= skip:
                continue
            position = Position(number=number, offset=offset)
            if chunk is None:
                yield RecordProblem(position, reason)
                continue
            source_id = control_number(chunk)
            pending = PendingRecord(
                position,
                source_id,
                digest(salt + b"/" + chunk),
                partial(
                    _mapped,
                    chunk,
                    encoding=encoding,
                    position=position,
                    flavour=flavour,
                ),
            )
            yield pending if source_id and lazy else pending.mapped()


def _mapped(
    chunk: bytes, *, encoding: str, position: Position, flavour: str
) -> ImportItem | RecordProblem:
    try:
        record, warnings = decode_chunk(chunk, encoding)
    except (PymarcException, ValueError, IndexError) as error:
        return RecordProblem(position, _problem_reason(error))
    return map_record(record, position=position, flavour=flavour, warnings=warnings)


def read_marcxml(path: Path) -> Iterator[ImportItem | RecordProblem]:
    """MARCXML may hold MARC 21 or UNIMARC: 245 means MARC 21, 200 UNIMARC."""
    number = 0
    try:
        for _event, element in etree.iterparse(
            str(path), tag=f"{{{MARC_NS}}}record", huge_tree=True
        ):
            number += 1
            position = Position(number=number, line=element.sourceline)
            try:
                record = record_from_element(element)
            except ValueError:
                yield RecordProblem(
                    position,
                    _("the record structure is broken (%(error)s)")
                    % {"error": "MARCXML"},
                )
            else:
                flavour = (
                    "unimarc"
                    if record.get("200") and not record.get("245")
                    else "marc21"
                )
                yield map_record(record, position=position, flavour=flavour)
            element.clear()
    except etree.XMLSyntaxError as error:
        yield RecordProblem(
            Position(number=number + 1, line=error.position[0]),
            _("the XML is not well-formed: %(error)s") % {"error": error.msg},
        )
