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
