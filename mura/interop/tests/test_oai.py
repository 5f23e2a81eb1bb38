from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
from django.core import signing
from lxml import etree

from mura.catalog.models import Access, Resource
from mura.catalog.services import resource_delete
from mura.catalog.tests.factories import CollectionFactory, ResourceFactory
from mura.institutions.tests.factories import InstitutionFactory

FORM = "application/x-www-form-urlencoded"
NS = {
    "o": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "marc": "http://www.loc.gov/MARC21/slim",
}


class LocalSchemas(etree.Resolver):
    """The schemas OAI-PMH and Dublin Core import, from local copies (no network)."""

    def __init__(self, folder):
        super().__init__()
        self.files = {
            "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": folder
            / "simpledc20021212.xsd",
            "https://www.w3.org/2001/03/xml.xsd": folder / "xml.xsd",
        }

    def resolve(self, url, public_id, context):
        if url in self.files:
            return self.resolve_filename(str(self.files[url]), context)
        return None


@pytest.fixture(scope="session")
def oai_schema(testdata):
    """OAI-PMH.xsd with oai_dc and MARC21slim: envelope and payload are both checked."""
    folder = testdata / "oai" / "schemas"
    parser = etree.XMLParser()
    parser.resolvers.add(LocalSchemas(folder))
    return etree.XMLSchema(etree.parse(str(folder / "oai-pmh-all.xsd"), parser))


@pytest.fixture
def harvest(client, oai_schema):
    """The parsed, schema-checked answer; a POST is form-encoded as the protocol says."""

    def get(method="get", **params):
        if method == "post":
            response = client.post("/oai", urlencode(params), content_type=FORM)
        else:
            response = client.get("/oai", params)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/xml")
        document = etree.fromstring(response.content)
        oai_schema.assertValid(document)
        return document

    return get


def error_code(document):
    return document.xpath("/o:OAI-PMH/o:error/@code", namespaces=NS)


def identifiers(document):
    return document.xpath("//o:header/o:identifier/text()", namespaces=NS)


@pytest.fixture
def records(institution):
    collection = CollectionFactory(slug="kyzylorda-poets")
    made = [
        ResourceFactory(
            institution=institution,
            title=f"Сыр бойы жырлары {n}",
            date_text="1925",
            language="kk",
            collections=[collection] if n == 0 else [],
        )
        for n in range(5)
    ]
    deleted = made[4]
    resource_delete(resource=deleted)
    staff_only = ResourceFactory(
        institution=institution, title="Қызметтік", access=Access.STAFF
    )
    hidden_institution = InstitutionFactory(is_public=False)
    ResourceFactory(institution=hidden_institution, title="Жасырын мекеме жазбасы")
    return {
        "live": made[:4],
        "deleted": deleted,
        "staff": staff_only,
        "collection": collection,
    }


def oai_id(resource):
    return f"oai:testserver:{resource.public_id}"


def test_identify_describes_the_repository(harvest, records):
    document = harvest(verb="Identify")
    assert document.xpath("//o:deletedRecord/text()", namespaces=NS) == ["persistent"]
    assert document.xpath("//o:granularity/text()", namespaces=NS) == [
        "YYYY-MM-DDThh:mm:ssZ"
    ]
    assert document.xpath("//o:baseURL/text()", namespaces=NS) == [
        "http://testserver/oai"
    ]


def test_list_metadata_formats_offers_dc_and_marcxml(harvest, records):
    document = harvest(
        verb="ListMetadataFormats", identifier=oai_id(records["live"][0])
    )
    assert document.xpath("//o:metadataPrefix/text()", namespaces=NS) == [
        "oai_dc",
        "marcxml",
    ]


def test_list_sets_names_public_institutions_and_collections(
    harvest, records, institution
):
    specs = harvest(verb="ListSets").xpath("//o:setSpec/text()", namespaces=NS)
    assert {
        "institution",
        "collection",
        f"institution:{institution.slug}",
        "collection:kyzylorda-poets",
    } <= set(specs)
    assert not any(spec.endswith(("-hidden",)) for spec in specs)
    assert len([spec for spec in specs if spec.startswith("institution:")]) == 1


def test_list_records_gives_public_records_and_tombstones(harvest, records):
    document = harvest(verb="ListRecords", metadataPrefix="oai_dc")
    live_ids = {oai_id(resource) for resource in records["live"]}
    deleted = document.xpath(
        "//o:header[@status='deleted']/o:identifier/text()", namespaces=NS
    )
    assert set(identifiers(document)) == live_ids | {
        oai_id(records["deleted"]),
        oai_id(records["staff"]),
    }
    assert set(deleted) == {oai_id(records["deleted"]), oai_id(records["staff"])}
    assert "Сыр бойы жырлары 0" in document.xpath("//dc:title/text()", namespaces=NS)
    assert "Жасырын мекеме жазбасы" not in etree.tostring(document, encoding="unicode")
    # A deleted record has a header and no metadata.
    assert not document.xpath(
        "//o:record[o:header/@status='deleted']/o:metadata", namespaces=NS
    )


def test_get_record_in_marcxml(harvest, records):
    resource = records["live"][1]
    document = harvest(
        verb="GetRecord", identifier=oai_id(resource), metadataPrefix="marcxml"
    )
    assert document.xpath(
        "//marc:datafield[@tag='245']/marc:subfield[@code='a']/text()", namespaces=NS
    ) == [resource.title]
    assert document.xpath("//marc:controlfield[@tag='001']/text()", namespaces=NS) == [
        resource.public_id
    ]


def test_get_record_of_a_deleted_record_is_a_deleted_header(harvest, records):
    document = harvest(
        verb="GetRecord", identifier=oai_id(records["deleted"]), metadataPrefix="oai_dc"
    )
    assert document.xpath("//o:header/@status", namespaces=NS) == ["deleted"]


def test_resumption_tokens_walk_the_whole_list_once(harvest, records, settings):
    settings.MURA_OAI_PAGE_SIZE = 2
    document = harvest(verb="ListIdentifiers", metadataPrefix="oai_dc")
    seen, cursors = [], []
    while True:
        seen += identifiers(document)
        token = document.xpath("//o:resumptionToken", namespaces=NS)
        if not token or not token[0].text:
            break
        assert token[0].get("completeListSize") == "6"
        cursors.append(token[0].get("cursor"))
        document = harvest(verb="ListIdentifiers", resumptionToken=token[0].text)
    assert cursors == ["0", "2"]
    assert token[0].get("cursor") == "4"
    assert len(seen) == len(set(seen)) == 6


def test_from_and_until_select_by_update_time(harvest, records):
    old, recent = records["live"][0], records["live"][1]
    Resource.objects.update(updated_at=datetime(2026, 1, 10, 12, 0, 0, tzinfo=UTC))
    Resource.objects.filter(pk=old.pk).update(
        updated_at=datetime(2020, 5, 1, 8, 30, 15, 500000, tzinfo=UTC)
    )
    Resource.objects.filter(pk=recent.pk).update(
        updated_at=datetime(2026, 3, 1, 0, 0, 0, tzinfo=UTC)
    )
    assert identifiers(
        harvest(verb="ListIdentifiers", metadataPrefix="oai_dc", until="2020-05-01")
    ) == [oai_id(old)]
    assert identifiers(
        harvest(
            verb="ListIdentifiers",
            metadataPrefix="oai_dc",
            until="2020-05-01T08:30:15Z",
        )
    ) == [oai_id(old)]
    assert identifiers(
        harvest(
            verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2026-02-01"}
        )
    ) == [oai_id(recent)]
    within = harvest(
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        **{"from": "2026-01-10T12:00:00Z", "until": "2026-01-10T12:00:00Z"},
    )
    assert len(identifiers(within)) == 4
    assert harvest(verb="Identify").xpath(
        "//o:earliestDatestamp/text()", namespaces=NS
    ) == ["2020-05-01T08:30:15Z"]


def test_sets_select_institution_and_collection(
    harvest, records, institution, other_institution
):
    ResourceFactory(institution=other_institution, title="Басқа кітапхана")
    by_institution = harvest(
        verb="ListIdentifiers",
        metadataPrefix="oai_dc",
        set=f"institution:{institution.slug}",
    )
    assert len(identifiers(by_institution)) == 6
    by_collection = harvest(
        verb="ListRecords", metadataPrefix="oai_dc", set="collection:kyzylorda-poets"
    )
    assert identifiers(by_collection) == [oai_id(records["live"][0])]
    assert "collection:kyzylorda-poets" in by_collection.xpath(
        "//o:setSpec/text()", namespaces=NS
    )


def test_post_is_answered_like_get(harvest, records):
    document = harvest(method="post", verb="ListIdentifiers", metadataPrefix="marcxml")
    assert len(identifiers(document)) == 6


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "ListEverything"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "Identify", "set": "x"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2020-13-45"},
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2020-01-01",
                "until": "2021-01-01T00:00:00Z",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2021-01-01",
                "until": "2020-01-01",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "set": "institution:nowhere",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        (
            {
                "verb": "ListRecords",
                "resumptionToken": "forged",
                "metadataPrefix": "oai_dc",
            },
            "badArgument",
        ),
        ({"verb": "ListSets", "resumptionToken": "anything"}, "badResumptionToken"),
        ({"verb": "ListRecords", "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
        (
            {
                "verb": "GetRecord",
                "identifier": "oai:testserver:nothing",
                "metadataPrefix": "oai_dc",
            },
            "idDoesNotExist",
        ),
        ({"verb": "ListMetadataFormats", "identifier": "nothing"}, "idDoesNotExist"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "1990-01-01"},
            "noRecordsMatch",
        ),
    ],
)
def test_bad_requests_get_the_protocol_error_code(harvest, records, params, code):
    document = harvest(**params)
    assert error_code(document) == [code]
    assert not document.xpath("/o:OAI-PMH/o:ListRecords", namespaces=NS)


def test_repeated_argument_is_bad(client, records, oai_schema):
    response = client.get(
        "/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=marcxml"
    )
    document = etree.fromstring(response.content)
    oai_schema.assertValid(document)
    assert error_code(document) == ["badArgument"]


def test_error_text_follows_the_reader_language_and_the_code_does_not(client, db):
    for language, text in (
        ("ru", "не глагол OAI-PMH"),
        ("kk", "OAI-PMH етістігі емес"),
    ):
        response = client.get("/oai", {"verb": "Nope"}, HTTP_ACCEPT_LANGUAGE=language)
        document = etree.fromstring(response.content)
        assert error_code(document) == ["badVerb"]
        assert text in document.findtext("o:error", namespaces=NS)


def test_record_addresses_are_the_permanent_ones_whatever_the_language(
    client, records, oai_schema
):
    resource = records["live"][0]
    params = {
        "verb": "GetRecord",
        "identifier": oai_id(resource),
        "metadataPrefix": "oai_dc",
    }
    document = etree.fromstring(
        client.get("/oai", params, HTTP_ACCEPT_LANGUAGE="ru").content
    )
    oai_schema.assertValid(document)
    assert f"http://testserver/catalog/items/{resource.public_id}/" in document.xpath(
        "//dc:identifier/text()", namespaces=NS
    )


TOKEN = "mura.interop.oai"  # the salt tokens are signed with


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"verb": "Identify\x00"}, "badVerb"),
        ({"verb": "Identify", "x\x00": "1"}, "badArgument"),
        (
            {"verb": "ListRecords", "resumptionToken": "x" * 100_000},
            "badResumptionToken",
        ),
        ({"verb": "ListRecords", "resumptionToken": "%%%\x00"}, "badResumptionToken"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2021-01-01\x00",
            },
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "99999-01-01"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2021-02-30"},
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2021-01-01T00:00:00+05:00",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "set": "institution:\x00",
            },
            "badArgument",
        ),
        (
            {
                "verb": "GetRecord",
                "metadataPrefix": "oai_dc\x0b",
                "identifier": "oai:testserver:1",
            },
            "badArgument",
        ),
        (
            {
                "verb": "GetRecord",
                "metadataPrefix": "oai_dc",
                "identifier": "oai:testserver:" + "9" * 100_000,
            },
            "badArgument",
        ),
        (
            {
                "verb": "GetRecord",
                "metadataPrefix": "oai_dc",
                "identifier": "oai:testserver:" + "9" * 30,
            },
            "idDoesNotExist",
        ),
        (
            {
                "verb": "ListRecords",
                "resumptionToken": signing.dumps({"a": 1}, salt=TOKEN),
            },
            "badResumptionToken",
        ),
        (
            {"verb": "ListRecords", "resumptionToken": signing.dumps([1], salt=TOKEN)},
            "badResumptionToken",
        ),
        (
            {
                "verb": "ListRecords",
                "resumptionToken": signing.dumps(
                    {"prefix": "oai_dc", "cursor": "x", "after": ["garbage", "x"]},
                    salt=TOKEN,
                ),
            },
            "badResumptionToken",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "9999-12-31",
                "until": "9999-12-31",
            },
            "noRecordsMatch",
        ),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_hostile_arguments_get_a_protocol_error_never_a_500(
    harvest, records, params, code, method
):
    """Were 500s: NUL and control characters (lxml refuses them), tokens of another
    shape (KeyError), the end of year 9999 (OverflowError); a 100 kB token was echoed."""
    document = harvest(method=method, **params)
    assert error_code(document) == [code]
    assert len(etree.tostring(document)) < 5000


def test_the_last_day_of_year_9999_is_a_bound_that_finds_everything(harvest, records):
    document = harvest(
        verb="ListIdentifiers", metadataPrefix="oai_dc", until="9999-12-31"
    )
    assert len(identifiers(document)) == 6  # four live records, two tombstones


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"verb": "Identify"}', "application/json"),
        ("verb=Identify", "text/plain"),
        (
            "--x\r\nContent-Disposition: form-data; name=verb\r\n\r\nIdentify\r\n--x--",
            "multipart/form-data; boundary=x",
        ),
        ("verb=Identify&x=" + "a" * 3_000_000, FORM),
        ("&".join(f"a{n}=1" for n in range(20_000)), FORM),
    ],
)
def test_bodies_the_protocol_does_not_define_are_bad_arguments(
    client, db, oai_schema, body, content_type
):
    """An oversized body was Django's HTML 400 page; JSON or text/plain was a badVerb."""
    response = client.post("/oai", body, content_type=content_type)
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    oai_schema.assertValid(document)
    assert error_code(document) == ["badArgument"]


def test_a_token_from_the_previous_release_still_resumes(harvest, records, settings):
    """Tokens handed out before this change (a plain dict) are read the same way."""
    settings.MURA_OAI_PAGE_SIZE = 2
    first = records["live"][0]
    token = signing.dumps(
        {
            "prefix": "oai_dc",
            "set": None,
            "cursor": 2,
            "after": [first.updated_at.isoformat(), first.pk],
            "total": 5,
        },
        salt=TOKEN,
    )
    document = harvest(verb="ListIdentifiers", resumptionToken=token)
    assert error_code(document) == []
    assert identifiers(document)


def test_new_error_texts_follow_the_reader_language(client, db):
    for language, text in (
        ("ru", "Отправьте POST-запрос в формате application/x-www-form-urlencoded."),
        ("kk", "POST сұранысын application/x-www-form-urlencoded түрінде жіберіңіз."),
    ):
        response = client.post(
            "/oai", "{}", content_type="application/json", HTTP_ACCEPT_LANGUAGE=language
        )
        document = etree.fromstring(response.content)
        assert document.findtext("o:error", namespaces=NS) == text
