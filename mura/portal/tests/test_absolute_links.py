"""Every link that leaves the page carries the address the site really answers at: the
request's host where there is a request, MURA_SITE_URL where there is none."""

import json
import re
import urllib.request

import pytest
from django.core import mail
from django.core.management import call_command
from lxml import etree

from mura.catalog.tests.factories import ResourceFactory
from mura.events.services import registration_create
from mura.events.tests.factories import make_event, registration_data
from mura.portal.addresses import page_url, site_sync

MARC = {"marc": "http://www.loc.gov/MARC21/slim"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the live server
        return response.read()


@pytest.fixture
def served(live_server, transactional_db, site_tree, settings):
    """A live server on a port of its own, with the address `mura serve` would give its
    processes (MURA_SITE_URL) and Wagtail's Site pointed at it."""
    settings.MURA_SITE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    site_sync()
    event = make_event(site_tree["home"], capacity=5)
    record = ResourceFactory(title="Абай жолы")
    return {"url": live_server.url, "event": event, "record": record}


def test_every_absolute_link_names_the_served_address(served, tmp_path):
    base, event = served["url"], served["event"]
    assert base != "http://testserver"
    event_url = page_url(event)
    assert event_url.startswith(f"{base}/events/")
    # Wagtail's own full addresses (admin links, previews) agree.
    assert event.get_full_url() == event_url

    index = etree.fromstring(fetch(f"{base}/sitemap.xml"))
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP)]
    assert sections and all(url.startswith(f"{base}/sitemap-") for url in sections)
    pages = fetch(f"{base}/sitemap-pages.xml").decode()
    assert f"<loc>{event_url}</loc>" in pages
    assert f"Sitemap: {base}/sitemap.xml" in fetch(f"{base}/robots.txt").decode()

    html = fetch(event_url).decode()
    scripts = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S
    )
    event_data = next(
        data
        for data in map(json.loads, scripts)
        if isinstance(data, dict) and data.get("@type") == "Event"
    )
    assert event_data["url"] == event_url
    assert event_data["organizer"]["url"].startswith(f"{base}/institutions/")

    ics = fetch(f"{base}/events/{event.slug}/event.ics").decode()
    assert f"URL:{event_url}" in ics.replace("\r\n ", "")

    # The e-mail is sent by a task, with no request: MURA_SITE_URL gives the address.
    registration = registration_create(
        event=event, data=registration_data(1), sections=[]
    )
    message = mail.outbox[-1]
    assert f"{event_url}registration/{registration.token}/" in message.body
    assert "http://testserver" not in message.body
    assert "localhost/" not in message.body.replace(base, "")
    calendar = {name: body for name, body, _type in message.attachments}["event.ics"]
    assert f"URL:{event_url}" in calendar.replace("\r\n ", "")

    # The catalogue's MARC: from the command line (the setting) and OAI-PMH (the request).
    export = tmp_path / "records.xml"
    call_command("export", format="marcxml", output=str(export))
    record_url = f"{base}{served['record'].get_absolute_url()}"
    links = etree.parse(str(export)).xpath(
        "//marc:datafield[@tag='856']/marc:subfield[@code='u']/text()", namespaces=MARC
    )
    assert record_url in links
    harvest = etree.fromstring(
        fetch(f"{base}/oai?verb=ListRecords&metadataPrefix=marcxml")
    )
    links = harvest.xpath(
        "//marc:datafield[@tag='856']/marc:subfield[@code='u']/text()", namespaces=MARC
    )
    assert record_url in links
