"""Writing one catalogue record as RIS (rispy) or BibTeX (bibtexparser), for reference
managers: the record's fields are mapped here, the formats are the libraries' business."""

import re

import bibtexparser
import rispy
from bibtexparser.middlewares import AddEnclosingMiddleware
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat
from pylatexenc.latexencode import (
    RULE_DICT,
    UnicodeToLatexConversionRule,
    UnicodeToLatexEncoder,
)

from mura.catalog.choices import AgentRole, Kind
from mura.catalog.models import Resource
from mura.interop.marc.codes import LANGUAGE_CODES

RIS_TYPES = {
    Kind.BOOK: "BOOK",
    Kind.PERIODICAL: "JFULL",
    Kind.MANUSCRIPT: "MANSCPT",
    Kind.FONDS: "GEN",
    Kind.SERIES: "GEN",
    Kind.FILE: "GEN",
    Kind.ARCHIVAL_ITEM: "GEN",
    Kind.MUSEUM_OBJECT: "ART",
    Kind.PHOTO: "ART",
    Kind.AUDIOVISUAL: "VIDEO",
    Kind.E_RESOURCE: "ELEC",
}
BIBTEX_TYPES = {Kind.BOOK: "book", Kind.PERIODICAL: "periodical"}
AUTHOR_ROLES = (
    AgentRole.AUTHOR,
    AgentRole.PHOTOGRAPHER,
    AgentRole.MAKER,
    AgentRole.FONDS_CREATOR,
)
EDITOR_ROLES = (AgentRole.EDITOR, AgentRole.COMPILER)


def _names(resource: Resource, roles: tuple[str, ...]) -> list[tuple[str, bool]]:
    """(name, is_organisation) of the record's people and bodies in these roles."""
    return [
        (link.agent.name_kk, link.organisation_id is not None)
        for link in resource.agents.all()
        if link.role in roles and link.agent
    ]


def _call_number(resource: Resource) -> str:
    return resource.reference_code or resource.inventory_number


class _RisWriter(rispy.RisWriter):
    """RIS as reference managers import it: no numbered header, CRLF line ends."""

    NEWLINE = "\r\n"

    def set_header(self, count: int) -> str:
        return ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def resource_to_ris(resource: Resource, *, url: str) -> str:
    """One RIS record (CRLF line ends, as the format asks)."""
    title = resource.title
    if resource.other_title:
        title += f" : {resource.other_title}"
    fields = {
        "type_of_reference": RIS_TYPES.get(resource.kind, "GEN"),
        "title": title,
        "authors": [name for name, _ in _names(resource, AUTHOR_ROLES)],
        "secondary_authors": [name for name, _ in _names(resource, EDITOR_ROLES)],
        "year": str(resource.year_from or ""),
        "date": resource.date_text,
        "edition": resource.edition,
        "publisher": resource.publisher,
        "place_published": resource.publication_place,
        "tertiary_title": resource.series_title,
        "issn": resource.isbn or resource.issn,
        "language": LANGUAGE_CODES.get(resource.language, ""),
        "abstract": resource.description,
        "keywords": [subject.name_kk for subject in resource.subjects.all()],
        "call_number": _call_number(resource),
        "name_of_database": resource.institution.name_kk,
        "notes": [resource.notes],
        "urls": [url],
    }
    reference = {}
    for key, value in fields.items():
        if isinstance(value, list):
            value = [_one_line(item) for item in value if item.strip()]
        else:
            value = _one_line(value)
        if value:
            reference[key] = value
    return rispy.dumps([reference], implementation=_RisWriter)


# BibTeX's special characters, escaped; every other letter stays UTF-8 (biber reads it).
_LATEX_SPECIALS = UnicodeToLatexEncoder(
    conversion_rules=[
        UnicodeToLatexConversionRule(
            rule_type=RULE_DICT, rule={ord(char): f"\\{char}" for char in "\\{}&%$#_"}
        )
    ],
    unknown_char_policy="keep",
    unknown_char_warning=False,
)
_BIBTEX_FORMAT = BibtexFormat()
_BIBTEX_FORMAT.indent = "  "
_BIBTEX_ENCLOSING = AddEnclosingMiddleware(
    reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{"
)


def _bibtex_value(text: str) -> str:
    return _LATEX_SPECIALS.unicode_to_latex(_one_line(text))


def _bibtex_names(names: list[tuple[str, bool]]) -> str:
    # A body's name in braces keeps BibTeX from reading it as "Surname, Given".
    return " and ".join(
        f"{{{_bibtex_value(name)}}}" if is_body else _bibtex_value(name)
        for name, is_body in names
    )


def resource_to_bibtex(resource: Resource, *, url: str) -> str:
    """One BibTeX entry (UTF-8, as biber and modern BibTeX read it)."""
    entry_type = BIBTEX_TYPES.get(resource.kind, "misc")
    fields = [
        ("title", _bibtex_value(resource.title)),
        ("subtitle", _bibtex_value(resource.other_title)),
        ("author", _bibtex_names(_names(resource, AUTHOR_ROLES))),
        ("editor", _bibtex_names(_names(resource, EDITOR_ROLES))),
        ("year", str(resource.year_from or "")),
        ("date", "" if resource.year_from else _bibtex_value(resource.date_text)),
        ("edition", _bibtex_value(resource.edition)),
        ("publisher", _bibtex_value(resource.publisher)),
        ("address", _bibtex_value(resource.publication_place)),
        ("series", _bibtex_value(resource.series_title)),
        ("isbn", _bibtex_value(resource.isbn)),
        ("issn", _bibtex_value(resource.issn)),
        ("language", LANGUAGE_CODES.get(resource.language, "")),
        (
            "howpublished",
            _bibtex_value(resource.get_kind_display()) if entry_type == "misc" else "",
        ),
        ("organization", _bibtex_value(resource.institution.name_kk)),
        ("note", _bibtex_value(_call_number(resource))),
        ("url", url),
    ]
    key = re.sub(r"[^A-Za-z0-9]", "", resource.public_id) or str(resource.pk)
    entry = Entry(
        entry_type,
        f"mura{key}",
        [Field(name, value) for name, value in fields if value],
    )
    return bibtexparser.write_string(
        bibtexparser.Library([entry]),
        unparse_stack=[_BIBTEX_ENCLOSING],
        bibtex_format=_BIBTEX_FORMAT,
    )
