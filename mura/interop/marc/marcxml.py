"""MARCXML elements to pymarc records and back."""

import re

from lxml import etree
from pymarc import Field, Indicators, Leader, Record, Subfield

MARC_NS = "http://www.loc.gov/MARC21/slim"
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def record_from_element(element: etree._Element) -> Record:
    """A pymarc record from a MARCXML <record>; ValueError on a broken tag or leader."""
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


#: What lxml escapes in text and in attribute values, and the attribute values (tags,
#: indicators, subfield codes) written as they are; any other goes through lxml.
TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
PLAIN_ATTRIBUTE = re.compile(r"[0-9A-Za-z ]*")


def marcxml_text(record: Record) -> str:
    """`record_element` as text, assembled as a string (the importer keeps one per
    record; building the tree cost more than decoding the record): the same text
    lxml writes, which a record with unusual tags or codes is still written by."""
    parts = [
        f'<marc:record xmlns:marc="{MARC_NS}"><marc:leader>',
        _escaped(str(record.leader)),
        "</marc:leader>",
    ]
    add = parts.append
    for fld in record.fields:
        if not PLAIN_ATTRIBUTE.fullmatch(fld.tag):
            return etree.tostring(record_element(record), encoding="unicode")
        if fld.control_field:
            add(_element(f'marc:controlfield tag="{fld.tag}"', fld.data))
            continue
        ind1, ind2 = fld.indicator1 or " ", fld.indicator2 or " "
        if not PLAIN_ATTRIBUTE.fullmatch(ind1 + ind2):
            return etree.tostring(record_element(record), encoding="unicode")
        add(f'<marc:datafield tag="{fld.tag}" ind1="{ind1}" ind2="{ind2}"')
        if not fld.subfields:
            add("/>")
            continue
        add(">")
        for subfield in fld.subfields:
            if not PLAIN_ATTRIBUTE.fullmatch(subfield.code):
                return etree.tostring(record_element(record), encoding="unicode")
            add(_element(f'marc:subfield code="{subfield.code}"', subfield.value))
        add("</marc:datafield>")
    add("</marc:record>")
    return "".join(parts)


def _escaped(text: str | None) -> str:
    return XML_UNSAFE.sub("", text or "").translate(TEXT_ESCAPES)


def _element(opening: str, text: str | None) -> str:
    text = _escaped(text)
    name = opening.split(" ", 1)[0]
    return f"<{opening}>{text}</{name}>" if text else f"<{opening}/>"


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
