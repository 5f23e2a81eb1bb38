"""Reading MARC 21, UNIMARC and RUSMARC (ISO 2709 or MARCXML) into ImportItems.

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
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from lxml import etree
from pymarc import Field, Indicators, Leader, Record, Subfield
from pymarc.exceptions import PymarcException

from mura.catalog.models import AgentRole, Kind, PlaceRole
from mura.interop.records import ImportItem, Position, RecordProblem, clean, digest_id

MARC_NS = "http://www.loc.gov/MARC21/slim"
END_OF_RECORD = 0x1D
ENCODINGS = ("auto", "utf-8", "marc-8", "cp1251")
# Runs of three or more bytes in the cp1251 Cyrillic range are words; MARC-8 puts
# a single combining byte before an ASCII letter, so it has almost none.
CP1251_WORD = re.compile(rb"[\xc0-\xff]{3,}")
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

LANGUAGES = {
    "kaz": "kk",
    "rus": "ru",
    "eng": "en",
    "ger": "de",
    "deu": "de",
    "ara": "ar",
    "tat": "tt",
    "chg": "chg",
    "mul": "mul",
    "zxx": "zxx",
}
LANGUAGE_CODES = {value: key for key, value in LANGUAGES.items() if key != "deu"}

MARC21_RELATORS = {
    "aut": AgentRole.AUTHOR,
    "cre": AgentRole.AUTHOR,
    "edt": AgentRole.EDITOR,
    "com": AgentRole.COMPILER,
    "trl": AgentRole.TRANSLATOR,
    "ill": AgentRole.ILLUSTRATOR,
    "pht": AgentRole.PHOTOGRAPHER,
    "pbl": AgentRole.PUBLISHER,
    "dnr": AgentRole.DONOR,
    "fmo": AgentRole.FORMER_OWNER,
    "art": AgentRole.MAKER,
    "dpc": AgentRole.DEPICTED,
}
ROLE_RELATORS = {role: code for code, role in MARC21_RELATORS.items() if code != "cre"}
UNIMARC_RELATORS = {
    "070": AgentRole.AUTHOR,
    "340": AgentRole.EDITOR,
    "220": AgentRole.COMPILER,
    "730": AgentRole.TRANSLATOR,
    "440": AgentRole.ILLUSTRATOR,
    "600": AgentRole.PHOTOGRAPHER,
    "650": AgentRole.PUBLISHER,
    "320": AgentRole.DONOR,
    "390": AgentRole.FORMER_OWNER,
}
# MARC 21 351 $c names the archival level, so the hierarchy survives a round trip.
ARCHIVAL_LEVELS = {
    Kind.FONDS: "Fonds",
    Kind.SERIES: "Series",
    Kind.FILE: "File",
    Kind.ARCHIVAL_ITEM: "Item",
}
KIND_LEADER = {
    Kind.BOOK: "am",
    Kind.PERIODICAL: "as",
    Kind.MANUSCRIPT: "tm",
    Kind.FONDS: "pc",
    Kind.SERIES: "pd",
    Kind.FILE: "pd",
    Kind.ARCHIVAL_ITEM: "pd",
    Kind.MUSEUM_OBJECT: "rm",
    Kind.PHOTO: "km",
    Kind.AUDIOVISUAL: "gm",
    Kind.E_RESOURCE: "mm",
}


def _problem_reason(error: Exception) -> str:
    if isinstance(error, UnicodeDecodeError):
        return _("the text is not valid in the %(encoding)s character set") % {
            "encoding": error.encoding
        }
    return _("the record structure is broken (%(error)s)") % {
        "error": type(error).__name__
    }


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


def read_iso2709(
    path: Path, *, flavour: str, encoding: str = "auto"
) -> Iterator[ImportItem | RecordProblem]:
    data = path.read_bytes()
    for number, (offset, chunk, reason) in enumerate(iso2709_chunks(data), start=1):
        position = Position(number=number, offset=offset)
        if chunk is None:
            yield RecordProblem(position, reason)
            continue
        try:
            record, warnings = decode_chunk(chunk, encoding)
        except (PymarcException, ValueError, IndexError) as error:
            yield RecordProblem(position, _problem_reason(error))
            continue
        yield map_record(record, position=position, flavour=flavour, warnings=warnings)


def _record_from_element(element: etree._Element) -> Record:
    record = Record()
    record.leader = Leader(
        (element.findtext(f"{{{MARC_NS}}}leader") or " " * 24).ljust(24)[:24]
    )
    for child in element:
        tag = child.get("tag", "")
        if child.tag == f"{{{MARC_NS}}}controlfield":
            record.add_field(Field(tag=tag, data=child.text or ""))
        elif child.tag == f"{{{MARC_NS}}}datafield":
            if not re.fullmatch(r"[0-9A-Za-z]{3}", tag):
                raise ValueError(tag)
            subfields = [
                Subfield(code=sub.get("code", ""), value=sub.text or "")
                for sub in child
            ]
            indicators = Indicators(
                child.get("ind1", " ")[:1] or " ", child.get("ind2", " ")[:1] or " "
            )
            record.add_field(Field(tag=tag, indicators=indicators, subfields=subfields))
    if not re.fullmatch(r"\d{5}[a-z ]{3}.{16}", str(record.leader)):
        raise ValueError("leader")
    return record


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
                record = _record_from_element(element)
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


def marcxml_text(record: Record) -> str:
    return etree.tostring(record_element(record), encoding="unicode")


def record_element(record: Record) -> etree._Element:
    """A MARCXML <record> (namespaced), with characters XML cannot hold dropped."""
    root = etree.Element(f"{{{MARC_NS}}}record", nsmap={"marc": MARC_NS})
    etree.SubElement(root, f"{{{MARC_NS}}}leader").text = XML_UNSAFE.sub(
        "", str(record.leader)
    )
    for fld in record.fields:
        if fld.control_field:
            node = etree.SubElement(root, f"{{{MARC_NS}}}controlfield", tag=fld.tag)
            node.text = XML_UNSAFE.sub("", fld.data or "")
            continue
        node = etree.SubElement(
            root,
            f"{{{MARC_NS}}}datafield",
            tag=fld.tag,
            ind1=fld.indicator1 or " ",
            ind2=fld.indicator2 or " ",
        )
        for subfield in fld.subfields:
            sub = etree.SubElement(node, f"{{{MARC_NS}}}subfield", code=subfield.code)
            sub.text = XML_UNSAFE.sub("", subfield.value or "")
    return root


# --- Mapping ---


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


def _map_unimarc(record: Record, flavour: str) -> tuple[dict[str, str], ImportItem]:
    fields: dict[str, str] = {}
    title_field = record.get("200")
    if title_field:
        fields["title"] = _joined(title_field, "a")
        parts = _joined(title_field, "hi", ". ")
        if parts and fields["title"]:
            fields["title"] = f"{fields['title']}. {parts}"
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


def map_record(
    record: Record,
    *,
    position: Position,
    flavour: str,
    warnings: list[str] | None = None,
) -> ImportItem | RecordProblem:
    """Map a parsed record to catalogue fields (flavour: marc21, unimarc, rusmarc)."""
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


# --- Writing MARC 21 from the catalogue ---


def resource_to_marc21(resource, *, url: str) -> Record:
    """A MARC 21 record (UTF-8) from the current state of a catalogue record."""
    kind_codes = KIND_LEADER[resource.kind]
    archival = resource.kind in ARCHIVAL_LEVELS
    record = Record()
    record.leader = Leader(
        f"00000n{kind_codes}{'a' if archival else ' '}a2200000 i 4500"
    )
    record.add_field(Field(tag="001", data=resource.public_id))
    record.add_field(
        Field(tag="005", data=resource.updated_at.strftime("%Y%m%d%H%M%S.0"))
    )
    year_from, year_to = resource.year_from, resource.year_to
    dates = (
        f"s{year_from:04d}    "
        if year_from and (year_to in (None, year_from))
        else (
            f"m{year_from:04d}{year_to:04d}" if year_from and year_to else "nuuuuuuuu"
        )
    )
    language = LANGUAGE_CODES.get(resource.language, "und")
    record.add_field(
        Field(
            tag="008",
            data=f"{resource.created_at:%y%m%d}{dates}xx {' ' * 17}{language} d",
        )
    )

    def add(
        tag: str, pairs: list[tuple[str, str]], indicators: tuple[str, str] = (" ", " ")
    ) -> None:
        subfields = [Subfield(code, value) for code, value in pairs if value]
        if subfields:
            record.add_field(
                Field(tag=tag, indicators=Indicators(*indicators), subfields=subfields)
            )

    add("020", [("a", resource.isbn)])
    add("022", [("a", resource.issn)])
    if resource.language:
        add("041", [("a", language)])
    add("080", [("a", resource.udc)])
    add("084", [("a", resource.bbk), ("2", "rubbk")] if resource.bbk else [])
    links = list(resource.agents.all())
    main = next((link for link in links if link.role == AgentRole.AUTHOR), None)
    for link in links:
        person = link.person_id is not None
        heading = [("a", link.agent.name_kk)]
        if person and link.person.life_dates:
            heading.append(("d", link.person.life_dates))
        if link is main:
            add("100" if person else "110", heading, ("1" if person else "2", " "))
        else:
            add(
                "700" if person else "710",
                [*heading, ("4", ROLE_RELATORS.get(link.role, "oth"))],
                ("1" if person else "2", " "),
            )
    title = [
        (
            "a",
            resource.title
            + (" :" if resource.other_title else "")
            + (" /" if resource.responsibility else ""),
        )
    ]
    if resource.other_title:
        title.append(
            ("b", resource.other_title + (" /" if resource.responsibility else ""))
        )
    add("245", [*title, ("c", resource.responsibility)], ("1" if main else "0", "0"))
    add("250", [("a", resource.edition)])
    add(
        "264",
        [
            ("a", resource.publication_place),
            ("b", resource.publisher),
            ("c", resource.date_text),
        ],
        (" ", "1"),
    )
    add("300", [("a", resource.extent)])
    add("351", [("c", ARCHIVAL_LEVELS[resource.kind])] if archival else [])
    add("490", [("a", resource.series_title)], ("0", " "))
    for note in filter(None, resource.notes.splitlines()):
        add("500", [("a", note)])
    add("520", [("a", resource.description)])
    add("541", [("a", resource.provenance or resource.acquisition)])
    for subject in resource.subjects.all():
        add("650", [("a", subject.name_kk)], (" ", "4"))
    for link in resource.places.all():
        add("651", [("a", link.place.name_kk)], (" ", "4"))
    for holding in resource.holdings.all():
        add(
            "852",
            [
                ("a", resource.institution.slug),
                ("b", holding.location),
                ("h", holding.shelfmark),
                ("p", holding.barcode),
            ],
        )
    add("856", [("u", url)], ("4", "0"))
    if resource.url:
        add("856", [("u", resource.url)], ("4", "1"))
    return record
