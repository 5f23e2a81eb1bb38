"""The sitemap: an index of sections listing every public address in kk, ru and en, each
with its hreflang alternates, and nothing a reader may not open."""

import pytest
from lxml import etree
from wagtail.models import PageViewRestriction

from mura.catalog.choices import Access
from mura.catalog.models import Resource, ResourceAgent
from mura.catalog.tests.factories import (
    CollectionFactory,
    PersonFactory,
    ResourceFactory,
    SubjectFactory,
)
from mura.institutions.tests.factories import InstitutionFactory
from mura.portal.models import StandardPage

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def sections(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]


def entries(client) -> dict[str, dict[str, str]]:
    """Every address in every section, with its alternates by hreflang."""
    found = {}
    for section in sections(client):
        response = client.get(section.removeprefix("http://testserver"))
        assert response.status_code == 200, section
        for url in etree.fromstring(response.content).findall("s:url", NS):
            found[url.find("s:loc", NS).text] = {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link", NS)
            }
    return found


@pytest.fixture
def catalogue(site_tree):
    home = site_tree["home"]
    about = home.add_child(instance=StandardPage(title="Біз туралы", slug="about"))
    about.save_revision().publish()
    closed = home.add_child(instance=StandardPage(title="Ішкі", slug="staff-only"))
    closed.save_revision().publish()
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    open_record = ResourceFactory(title="Ашық кітап")
    person, subject = PersonFactory(), SubjectFactory()
    ResourceAgent.objects.create(resource=open_record, person=person)
    open_record.subjects.add(subject)
    collection = CollectionFactory()
    open_record.collections.add(collection)
    open_record.save()  # parental many-to-many links are written on save
    staff_record = ResourceFactory(title="Жабық кітап", access=Access.STAFF)
    hidden_person = PersonFactory()
    ResourceAgent.objects.create(resource=staff_record, person=hidden_person)
    hidden_institution = InstitutionFactory(is_public=False)
    return {
        "open": open_record,
        "closed": [
            staff_record,
            ResourceFactory(institution=hidden_institution),
            hidden_person,
            hidden_institution,
            CollectionFactory(is_public=False),
        ],
        "listed": [open_record, person, subject, collection, open_record.institution],
    }


def test_every_public_address_is_listed_in_every_language(client, catalogue):
    found = entries(client)
    base = "http://testserver"
    for obj in catalogue["listed"]:
        path = obj.get_absolute_url()
        for prefix in ("", "/ru", "/en"):
            assert f"{base}{prefix}{path}" in found, (prefix, path)
        assert found[f"{base}/ru{path}"] == {
            "kk": f"{base}{path}",
            "ru": f"{base}/ru{path}",
            "en": f"{base}/en{path}",
            "x-default": f"{base}{path}",
        }
    for path in ("/", "/ru/", "/en/", "/catalog/", "/ru/institutions/"):
        assert f"{base}{path}" in found
    # A page not translated yet is listed in its one language, with no alternates
    # pointing at a translation that does not exist.
    assert found[f"{base}/about/"] == {
        "kk": f"{base}/about/",
        "x-default": f"{base}/about/",
    }
    assert f"{base}/ru/about/" not in found


def test_nothing_closed_to_readers_is_listed(client, catalogue):
    listed = "\n".join(entries(client))
    assert "/staff-only/" not in listed
    for obj in catalogue["closed"]:
        assert obj.get_absolute_url() not in listed, obj


def test_large_sections_are_split_into_pages(client, catalogue, settings):
    ResourceFactory.create_batch(3, institution=catalogue["open"].institution)
    settings.MURA_SITEMAP_SECTION_SIZE = 5
    index = sections(client)
    # 4 records in 3 languages: 12 addresses in pages of 5.
    records = [url for url in index if "sitemap-records.xml" in url]
    assert records == [
        "http://testserver/sitemap-records.xml",
        "http://testserver/sitemap-records.xml?p=2",
        "http://testserver/sitemap-records.xml?p=3",
    ]
    listed = [
        loc.text
        for section in records
        for loc in etree.fromstring(
            client.get(section.removeprefix("http://testserver")).content
        ).findall("s:url/s:loc", NS)
    ]
    assert len(listed) == len(set(listed)) == 12
    for record in Resource.objects.filter(institution=catalogue["open"].institution):
        for prefix in ("", "/ru", "/en"):
            assert f"http://testserver{prefix}{record.get_absolute_url()}" in listed


def test_robots_txt_names_the_sitemap_at_the_address_asked(client, db, settings):
    settings.ALLOWED_HOSTS = ["mura.example.kz"]
    robots = client.get("/robots.txt", HTTP_HOST="mura.example.kz:8080").content
    assert b"Sitemap: http://mura.example.kz:8080/sitemap.xml" in robots.splitlines()


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-nothing.xml",
        "/sitemap-records.xml?p=0",
        "/sitemap-records.xml?p=abc",
        "/sitemap-records.xml?p=99",
    ],
)
def test_a_section_or_page_that_does_not_exist_is_a_404(client, db, path):
    assert client.get(path).status_code == 404
