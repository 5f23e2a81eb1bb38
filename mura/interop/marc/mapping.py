"""A parsed MARC 21 or UNIMARC/RUSMARC record as catalogue fields (an ImportItem)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from pymarc import Field, Leader, Record, Subfield

from mura.catalog.models import AgentRole, Kind, PlaceRole
from mura.interop.marc.codes import (
    ARCHIVAL_LEVELS,
    LANGUAGES,
    MARC21_RELATORS,
    UNIMARC_RELATORS,
)
from mura.interop.marc.marcxml import marcxml_text
from mura.interop.records import (
    ImportItem,
    Position,
    RecordProblem,
    clean,
    digest_id,
    nfc,
)

#: A title that is only a part's number: "Т. 1", "Вып. 13", "Ч. 2", "Кн. 3", "Vol. 2"
VOLUME_ONLY = re.compile(
    r"^(т|том|вып|выпуск|ч|часть|кн|книга|кітап|бөлім|шығ|vol|part|bd|heft)"
    r"\.?\s*[\dIVXLC]+[\w\s.,-]*$",
    re.IGNORECASE,
)


def _first(record: Record, tags: str, code: str) -> str:
    for fld in record.get_fields(*tags.split()):
        for value in fld.get_subfields(code):
            if clean(value):
                return clean(value)
    return ""


def _joined(fld: Field, codes: str, sep: str = " ") -> str:
    return clean(
        sep.join(clean(value) for value in fld.get_subfields(*codes) if clean(value))
    )


def _all(record: Record, tags: str, codes: str, sep: str = " ") -> list[str]:
    return [
        text
        for fld in record.get_fields(*tags.split())
        if (text := _joined(fld, codes, sep))
    ]


def _language(codes: list[str]) -> str:
    found = []
    for code in codes:
        found += [code[i : i + 3].lower() for i in range(0, len(code) - 2, 3)]
    if len(set(found)) > 1:
        return "mul"
    return LANGUAGES.get(found[0], "") if found else ""


def _url(value: str) -> str:
    try:
        URLValidator()(value)
    except ValidationError:
        return ""
    return value


def _bbk(record: Record, tag: str) -> str:
    for fld in record.get_fields(tag):
        scheme = " ".join(fld.get_subfields("2")).lower()
        if (tag == "686" and not scheme) or "bbk" in scheme or "ббк" in scheme:
            return _joined(fld, "a")
    return ""


def _marc21_kind(record: Record) -> str:
    leader = str(record.leader)
    record_type, level = leader[6], leader[7]
    level_names = {value.lower(): key for key, value in ARCHIVAL_LEVELS.items()}
    hierarchical = _first(record, "351", "c").lower()
    if hierarchical in level_names:
        return level_names[hierarchical]
    if record_type in "at":
        if level in "sbi" and record_type == "a":
            return Kind.PERIODICAL
        return Kind.BOOK if record_type == "a" else Kind.MANUSCRIPT
    return {
        "p": Kind.FONDS if level == "c" else Kind.FILE,
        "r": Kind.MUSEUM_OBJECT,
        "k": Kind.PHOTO,
        "g": Kind.AUDIOVISUAL,
        "i": Kind.AUDIOVISUAL,
        "j": Kind.AUDIOVISUAL,
        "m": Kind.E_RESOURCE,
    }.get(record_type, Kind.BOOK)


def _unimarc_kind(record: Record) -> str:
    leader = str(record.leader)
    record_type, level = leader[6], leader[7]
    if record_type == "a":
        return Kind.PERIODICAL if level == "s" else Kind.BOOK
    return {
        "b": Kind.MANUSCRIPT,
        "k": Kind.PHOTO,
        "g": Kind.AUDIOVISUAL,
        "i": Kind.AUDIOVISUAL,
        "j": Kind.AUDIOVISUAL,
        "l": Kind.E_RESOURCE,
        "r": Kind.MUSEUM_OBJECT,
    }.get(record_type, Kind.BOOK)


def _marc21_agents(record: Record) -> list[tuple[str, str, str, str]]:
    agents = []
    for fld in record.get_fields("100", "110", "111", "700", "710", "711"):
        name = _joined(fld, "abq" if fld.tag.endswith("00") else "ab")
        if not name:
            continue
        codes = [code.strip().lower()[:3] for code in fld.get_subfields("4")]
        codes += [clean(term).lower()[:3] for term in fld.get_subfields("e")]
        role = next(
            (MARC21_RELATORS[code] for code in codes if code in MARC21_RELATORS),
            AgentRole.AUTHOR,
        )
        kind = "person" if fld.tag.endswith("00") else "organisation"
        agents.append((role, kind, name, _joined(fld, "d") if kind == "person" else ""))
    return agents


def _unimarc_agents(record: Record) -> list[tuple[str, str, str, str]]:
    agents = []
    for fld in record.get_fields("700", "701", "702", "710", "711", "712"):
        if fld.tag.startswith("70"):
            surname, forenames = (
                _joined(fld, "a"),
                _joined(fld, "g") or _joined(fld, "b"),
            )
            name = f"{surname}, {forenames}" if surname and forenames else surname
            kind = "person"
        else:
            name, kind = _joined(fld, "abc"), "organisation"
        if not name:
            continue
        default = AgentRole.EDITOR if fld.tag in ("702", "712") else AgentRole.AUTHOR
        role = next(
            (
                UNIMARC_RELATORS[c]
                for c in fld.get_subfields("4")
                if c in UNIMARC_RELATORS
            ),
            default,
        )
        agents.append((role, kind, name, _joined(fld, "f") if kind == "person" else ""))
    return agents


def _map_marc21(record: Record) -> tuple[dict[str, str], ImportItem]:
    fields: dict[str, str] = {}
    title_field = record.get("245")
    if title_field:
        fields["title"] = _joined(title_field, "anp")
        fields["other_title"] = _joined(title_field, "b")
        fields["responsibility"] = _joined(title_field, "c")
    publication = record.get_fields("264") or record.get_fields("260")
    if publication:
        fields["publication_place"] = _joined(publication[0], "a", " ; ")
        fields["publisher"] = _joined(publication[0], "b", " ; ")
        fields["date_text"] = _joined(publication[0], "c")
    control = record.get("008")
    if (
        not fields.get("date_text")
        and control
        and len(control.data) > 10
        and control.data[7:11].isdigit()
    ):
        fields["date_text"] = control.data[7:11]
    languages = [
        code for fld in record.get_fields("041") for code in fld.get_subfields("a")
    ]
    if not languages and control and len(control.data) >= 38:
        languages = [control.data[35:38]]
    fields.update(
        edition=_first(record, "250", "a"),
        extent=" ".join(_all(record, "300", "abce")),
        isbn=_first(record, "020", "a").split(" ")[0],
        issn=_first(record, "022", "a").split(" ")[0],
        national_number=_first(record, "015 010", "a").strip(),
        uniform_title=_first(record, "240 130", "a"),
        udc=_first(record, "080", "a"),
        bbk=_bbk(record, "084"),
        language=_language(languages),
        series_title=_first(record, "490 440 830", "a"),
        notes="\n".join(_all(record, "500 504 505", "a")),
        description="\n".join(_all(record, "520", "ab")),
        url=_url(_first(record, "856", "u")),
    )
    item = ImportItem(
        position=Position(0),
        kind=_marc21_kind(record),
        source_id="",
        fields=fields,
        original_format="marc21",
        original_record="",
        agents=_marc21_agents(record),
        subjects=_all(record, "600 610 611 630 650 655", "abcdxyzv", " -- "),
        places=[(PlaceRole.SUBJECT, name) for name in _all(record, "651", "a")],
        holdings=[
            {
                "shelfmark": _joined(fld, "hi") or _joined(fld, "j"),
                "location": _joined(fld, "bc", ", "),
                "barcode": _joined(fld, "p"),
            }
            for fld in record.get_fields("852")
            if _joined(fld, "hi") or _joined(fld, "j")
        ],
    )
    return fields, item


def _set_title(record: Record) -> tuple[str, bool]:
    """The title of the set (461) or the host (463) a record is part of, as the
    link field embeds it ($1 200 ... $a), and whether it is a set."""
    for tag in ("461", "463"):
        for fld in record.get_fields(tag):
            embedded, title = "", ""
            for sub in fld.subfields:
                if sub.code == "1":
                    embedded = sub.value[:3]
                elif embedded in ("", "200") and sub.code == "a" and not title:
                    title = clean(sub.value)
            if title:
                return title, tag == "461"
    return "", False


def _with_set_title(title: str, record: Record) -> str:
    """ "Т. 1" of a set as "Шығармалар жинағы. Т. 1": a volume is found by its set's
    title (a part of a host only when its own title is a bare number)."""
    set_title, is_set = _set_title(record)
    if not set_title or title.casefold().startswith(set_title.casefold()):
        return title
    if is_set or not title or VOLUME_ONLY.match(title):
        return f"{set_title}. {title}" if title else set_title
    return title


def _map_unimarc(record: Record, flavour: str) -> tuple[dict[str, str], ImportItem]:
    fields: dict[str, str] = {}
    title_field = record.get("200")
    if title_field:
        fields["title"] = _joined(title_field, "a")
        parts = _joined(title_field, "hi", ". ")
        if parts and fields["title"]:
            fields["title"] = f"{fields['title']}. {parts}"
        fields["title"] = _with_set_title(fields["title"], record)
        fields["other_title"] = _joined(title_field, "e", " : ")
        fields["responsibility"] = _joined(title_field, "fg", " ; ")
    publication = record.get_fields("210") or record.get_fields("214")
    if publication:
        fields["publication_place"] = _joined(publication[0], "a", " ; ")
        fields["publisher"] = _joined(publication[0], "c", " ; ")
        fields["date_text"] = _joined(publication[0], "d")
    general = _first(record, "100", "a")
    if not fields.get("date_text") and general[9:13].isdigit():
        fields["date_text"] = general[9:13]
    fields.update(
        edition=_first(record, "205", "a"),
        extent=" ".join(_all(record, "215", "acde")),
        isbn=_first(record, "010", "a").split(" ")[0],
        issn=_first(record, "011", "a").split(" ")[0],
        national_number=_first(record, "020", "b").strip(),
        uniform_title=_first(record, "500", "a"),
        udc=_first(record, "675", "a"),
        bbk=_bbk(record, "686"),
        language=_language(
            [
                code
                for fld in record.get_fields("101")
                for code in fld.get_subfields("a")
            ]
        ),
        series_title=_first(record, "225 410", "a"),
        notes="\n".join(_all(record, "300", "a")),
        description="\n".join(_all(record, "330", "a")),
        url=_url(_first(record, "856", "u")),
    )
    item = ImportItem(
        position=Position(0),
        kind=_unimarc_kind(record),
        source_id="",
        fields=fields,
        original_format=flavour,
        original_record="",
        agents=_unimarc_agents(record),
        subjects=[
            " -- ".join(
                filter(
                    None,
                    [
                        ", ".join(
                            filter(
                                None,
                                [
                                    _joined(fld, "a"),
                                    _joined(fld, "g") or _joined(fld, "b"),
                                ],
                            )
                        )
                        if fld.tag == "600"
                        else _joined(fld, "a"),
                        _joined(fld, "jxyz", " -- "),
                    ],
                )
            )
            for fld in record.get_fields("600", "601", "605", "606")
            if _joined(fld, "a")
        ],
        places=[(PlaceRole.SUBJECT, name) for name in _all(record, "607", "a")],
    )
    return fields, item


def _normalise(record: Record) -> None:
    """Every text of the record in NFC, so the same record read from a MARC-8 and a
    UTF-8 file is stored the same (and a re-import does not see a change)."""
    for fld in record.fields:
        if fld.control_field:
            fld.data = nfc(fld.data or "")
        else:
            fld.subfields = [
                Subfield(sub.code, nfc(sub.value or "")) for sub in fld.subfields
            ]


def map_record(
    record: Record,
    *,
    position: Position,
    flavour: str,
    warnings: list[str] | None = None,
) -> ImportItem | RecordProblem:
    """Map a parsed record to catalogue fields (flavour: marc21, unimarc, rusmarc)."""
    _normalise(record)
    if flavour == "marc21":
        fields, item = _map_marc21(record)
        if record.leader[9] != "a":
            record.leader = Leader(
                str(record.leader)[:9] + "a" + str(record.leader)[10:]
            )
    else:
        fields, item = _map_unimarc(record, flavour)
    item.deleted = str(record.leader)[5] == "d"
    if not fields.get("title") and not item.deleted:
        tag = "245" if flavour == "marc21" else "200"
        return RecordProblem(
            position, _("the record has no title (field %(tag)s $a)") % {"tag": tag}
        )
    item.position = position
    item.original_record = marcxml_text(record)
    control_number = record.get("001")
    item.source_id = (
        control_number.data.strip() if control_number else ""
    ) or digest_id(item.original_record)
    item.warnings = list(warnings or [])
    return item
