"""A reader downloads one record as RIS, BibTeX, MARC 21 or MARCXML from its page."""

import io

import bibtexparser
import pytest
import rispy
from lxml import etree
from pymarc import MARCReader

from mura.catalog.models import Access, AgentRole, Kind
from mura.catalog.tests.factories import (
    OrganisationFactory,
    PersonFactory,
    ResourceFactory,
    SubjectFactory,
)
from mura.interop.marc.marcxml import MARC_NS


@pytest.fixture
def book(institution):
    return ResourceFactory(
        institution=institution,
        title="Абай жолы",
        other_title="роман-эпопея",
        date_text="1988",
        publisher="Жазушы",
        publication_place="Алматы",
        edition="2-бас.",
        isbn="5-605-00213-1",
        language="kk",
        agents=[
            (AgentRole.AUTHOR, PersonFactory(name_kk="Әуезов, Мұхтар")),
            (AgentRole.EDITOR, OrganisationFactory(name_kk="Ғылым & Білім")),
        ],
        subjects=[SubjectFactory(name_kk="Қазақ прозасы")],
    )


def download(client, resource, extension):
    response = client.get(f"/records/{resource.public_id}.{extension}")
    assert response.status_code == 200
    assert (
        f'filename="{resource.public_id}.{extension}"'
        in response["Content-Disposition"]
    )
    return response


def test_ris_carries_the_fields_a_reference_manager_reads(client, book):
    response = download(client, book, "ris")
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    lines = response.content.decode().split("\r\n")
    assert lines[0] == "TY  - BOOK"
    for line in (
        "TI  - Абай жолы : роман-эпопея",
        "AU  - Әуезов, Мұхтар",
        "A2  - Ғылым & Білім",
        "PY  - 1988",
        "PB  - Жазушы",
        "CY  - Алматы",
        "ET  - 2-бас.",
        "SN  - 5-605-00213-1",
        "LA  - kaz",
        "KW  - Қазақ прозасы",
        f"UR  - http://testserver/catalog/items/{book.public_id}/",
    ):
        assert line in lines
    assert lines[-2:] == ["ER  - ", ""]


def test_bibtex_is_one_entry_with_braced_bodies_and_escaped_specials(client, book):
    text = download(client, book, "bib").content.decode()
    assert text.startswith("@book{mura")
    assert "  author = {Әуезов, Мұхтар},\n" in text
    assert "  editor = {{Ғылым \\& Білім}},\n" in text
    assert "  year = {1988},\n" in text
    assert "  publisher = {Жазушы},\n" in text
    assert "  address = {Алматы},\n" in text
    assert "  subtitle = {роман-эпопея},\n" in text
    assert text.rstrip().endswith("}")
    [entry] = bibtexparser.parse_string(text).entries
    assert entry["publisher"] == "Жазушы" and entry["year"] == "1988"


def test_ris_reads_back_as_one_record(client, book):
    [record] = rispy.loads(download(client, book, "ris").content.decode())
    assert record["title"] == "Абай жолы : роман-эпопея"
    assert record["authors"] == ["Әуезов, Мұхтар"]
    assert record["keywords"] == ["Қазақ прозасы"]


def test_an_archival_file_is_a_misc_entry_with_its_reference_code(client, institution):
    fonds = ResourceFactory(
        institution=institution, kind=Kind.FILE, title="Хаттар", date_text="1942"
    )
    fonds.reference_code = "Ф. 845. Т. 2. І. 2"
    fonds.save()
    text = download(client, fonds, "bib").content.decode()
    assert text.startswith("@misc{")
    assert "note = {Ф. 845. Т. 2. І. 2}" in text
    assert "CN  - Ф. 845. Т. 2. І. 2" in download(client, fonds, "ris").content.decode()


def test_marc_downloads_read_back_with_pymarc(client, book):
    record = next(MARCReader(io.BytesIO(download(client, book, "mrc").content)))
    assert record["245"]["a"].startswith("Абай жолы")
    root = etree.fromstring(download(client, book, "xml").content)
    assert root.tag == f"{{{MARC_NS}}}record"
    assert "Абай жолы" in "".join(root.itertext())


def test_a_staff_only_record_or_an_unknown_format_is_not_found(
    client, institution, book
):
    hidden = ResourceFactory(institution=institution, title="Ішкі", access=Access.STAFF)
    assert client.get(f"/records/{hidden.public_id}.ris").status_code == 404
    assert client.get(f"/records/{book.public_id}.pdf").status_code == 404
