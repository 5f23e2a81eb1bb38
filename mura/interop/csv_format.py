"""The catalogue's CSV layout, read by `mura import --format csv` and written by
`mura export --format csv`.

One row per record, a header row naming the columns (any order; only `title` is
required).
Lists (authors, subjects, places) are separated by semicolons. Cells a spreadsheet would
run as a formula are written with a leading apostrophe, which the import removes."""

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

from mura.catalog.models import AgentRole, Kind, Language, PlaceRole, Resource
from mura.interop.marc.codes import LANGUAGES
from mura.interop.records import (
    CONTROL,
    ImportItem,
    Position,
    RecordProblem,
    clean,
    digest_id,
)
from mura.portal.exports import spreadsheet_safe, spreadsheet_unsafe

# Column → Resource field, for the columns whose name is not the field's own.
ALIASES = {
    "id": "source_id",
    "year": "date_text",
    "place": "publication_place",
    "series": "series_title",
}
TEXT_FIELDS = (
    "title",
    "other_title",
    "responsibility",
    "edition",
    "publisher",
    "place",
    "year",
    "extent",
    "isbn",
    "issn",
    "udc",
    "bbk",
    "series",
    "language",
    "description",
    "notes",
    "url",
    "reference_code",
    "inventory_number",
    "material",
    "technique",
    "dimensions",
    "provenance",
)
HEADER = (
    "id",
    "kind",
    *TEXT_FIELDS[:7],
    "author",
    "editor",
    *TEXT_FIELDS[7:],
    "subjects",
    "places",
)


class HeaderError(ValueError):
    """The header names columns we do not know; nothing is imported."""


def _split(value: str) -> list[str]:
    return [clean(part) for part in value.split(";") if clean(part)]


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251")  # what Excel saves on a Russian or Kazakh Windows


def _row_item(row: dict[str, str], position: Position) -> ImportItem | RecordProblem:
    values = {
        column: spreadsheet_unsafe(CONTROL.sub("", value or "").strip())
        for column, value in row.items()
        if column
    }
    if not values.get("title"):
        return RecordProblem(position, _("the title is empty"))
    kind = values.get("kind") or Kind.BOOK
    if kind not in Kind.values:
        return RecordProblem(position, _("unknown kind “%(kind)s”") % {"kind": kind})
    language = values.get("language", "").lower()
    language = LANGUAGES.get(language, language)  # MARC codes too
    if language and language not in Language.values:
        return RecordProblem(
            position,
            _("unknown language “%(language)s”") % {"language": values["language"]},
        )
    fields = {
        ALIASES.get(column, column): values.get(column, "")
        for column in TEXT_FIELDS
        if column in values
    }
    fields["language"] = language
    original = json.dumps(values, ensure_ascii=False, sort_keys=True)
    return ImportItem(
        position=position,
        kind=kind,
        source_id=values.get("id") or digest_id(original),
        fields=fields,
        original_format="csv",
        original_record=original,
        agents=[
            (AgentRole.AUTHOR, "person", name, "")
            for name in _split(values.get("author", ""))
        ]
        + [
            (AgentRole.EDITOR, "person", name, "")
            for name in _split(values.get("editor", ""))
        ],
        subjects=_split(values.get("subjects", "")),
        places=[(PlaceRole.SUBJECT, name) for name in _split(values.get("places", ""))],
    )


def read_csv(path: Path) -> Iterator[ImportItem | RecordProblem]:
    text = _decode(path.read_bytes())
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    unknown = [column for column in reader.fieldnames or [] if column not in HEADER]
    if "title" not in (reader.fieldnames or []) or unknown:
        raise HeaderError(
            _(
                "The CSV header must name a “title” column; unknown columns: "
                "%(columns)s. Known columns: %(known)s."
            )
            % {"columns": ", ".join(unknown) or "—", "known": ", ".join(HEADER)}
        )
    for number, row in enumerate(reader, start=1):
        position = Position(number=number, line=reader.line_num)
        if None in row:
            yield RecordProblem(position, _("the row has more cells than the header"))
            continue
        yield _row_item(row, position)


def csv_row(resource: Resource) -> dict[str, str]:
    links = list(resource.agents.all())
    row = {
        column: getattr(resource, ALIASES.get(column, column)) for column in TEXT_FIELDS
    }
    row.update(
        id=resource.public_id,
        kind=resource.kind,
        author="; ".join(
            link.agent.name_kk for link in links if link.role == AgentRole.AUTHOR
        ),
        editor="; ".join(
            link.agent.name_kk for link in links if link.role == AgentRole.EDITOR
        ),
        subjects="; ".join(subject.name_kk for subject in resource.subjects.all()),
        places="; ".join(link.place.name_kk for link in resource.places.all()),
    )
    # Opened in a spreadsheet, a cell such as `=HYPERLINK(…)` from a harvested record
    # would run as a formula; `_row_item` reads the neutralised form back.
    return {column: spreadsheet_safe(row[column]) for column in HEADER}
