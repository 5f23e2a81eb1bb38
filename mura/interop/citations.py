"""Writing one catalogue record as RIS or BibTeX, for reference managers.

Both formats are a few tagged lines: a module of our own is smaller than a dependency."""

import re

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


def resource_to_ris(resource: Resource, *, url: str) -> str:
    """One RIS record (CRLF line ends, as the format asks)."""
    lines = [("TY", RIS_TYPES.get(resource.kind, "GEN"))]
    title = resource.title
    if resource.other_title:
        title += f" : {resource.other_title}"
    lines.append(("TI", title))
    lines += [("AU", name) for name, _ in _names(resource, AUTHOR_ROLES)]
    lines += [("A2", name) for name, _ in _names(resource, EDITOR_ROLES)]
    if resource.year_from:
        lines.append(("PY", str(resource.year_from)))
    lines += [
        ("DA", resource.date_text),
        ("ET", resource.edition),
        ("PB", resource.publisher),
        ("CY", resource.publication_place),
        ("T3", resource.series_title),
        ("SN", resource.isbn or resource.issn),
        ("LA", LANGUAGE_CODES.get(resource.language, "")),
        ("AB", resource.description),
        *(("KW", subject.name_kk) for subject in resource.subjects.all()),
        ("CN", _call_number(resource)),
        ("DB", resource.institution.name_kk),
        ("N1", resource.notes),
        ("UR", url),
        ("ER", ""),
    ]
    return "".join(
        f"{tag}  - {' '.join(value.split())}\r\n"
        for tag, value in lines
        if value or tag == "ER"
    )


_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_])")


def _bibtex_value(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", " ".join(text.split()))


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
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    key = re.sub(r"[^A-Za-z0-9]", "", resource.public_id) or str(resource.pk)
    return f"@{entry_type}{{mura{key},\n{body}\n}}\n"
