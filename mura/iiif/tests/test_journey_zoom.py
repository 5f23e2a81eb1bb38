"""Journey: a reader opens a record's picture in the deep-zoom viewer, zooms into its
detail and pans, in Kazakh and Russian, on a desktop and a phone; the page keeps the plain
picture for a browser without JavaScript."""

import pytest
from playwright.sync_api import expect
from wagtail.images.models import Image

from mura.catalog.choices import Kind
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import ResourceFactory
from mura.iiif.tests.conftest import picture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEN = {
    "kk": {"zoom": "Үлкейтіп қарау", "close": "Үлкейтуді жабу"},
    "ru": {"zoom": "Увеличить", "close": "Закрыть увеличение"},
}


@pytest.fixture
def large_record(institution):
    image = Image.objects.create(title="Карта", file=picture(3000, 2000, "map.jpg"))
    record = ResourceFactory(
        institution=institution, kind=Kind.PHOTO, title="Сыр бойының картасы, 1910"
    )
    DigitalFile.objects.create(resource=record, image=image, caption="Карта")
    return record


def test_zoom_into_a_picture_and_pan(live_server, walks, large_record):
    answers = []
    for walk in walks(live_server.url):
        page, text = walk.page, SEEN[walk.language]
        page.on(
            "response",
            lambda answer: (
                answers.append((answer.url, answer.status))
                if "/iiif/3/" in answer.url
                else None
            ),
        )
        page.goto(walk.url(large_record.get_absolute_url()))
        figure = page.locator(".record__figure")
        zoom = figure.get_by_role("button", name=text["zoom"])
        zoom.click()
        viewer = figure.locator(".iiif__viewer")
        expect(viewer).to_be_visible()
        expect(viewer.locator("canvas").first).to_be_visible()
        expect(figure.get_by_role("button", name=text["close"])).to_be_visible()
        box = viewer.bounding_box()
        assert box["width"] > 300 and box["height"] > 300
        page.wait_for_function(
            "() => [...performance.getEntriesByType('resource')].some(e => e.name.includes('/iiif/3/') && e.name.endsWith('default.jpg'))"
        )
        centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.move(*centre)
        for _ in range(6):
            page.mouse.wheel(0, -400)
        page.mouse.down()
        page.mouse.move(centre[0] - 120, centre[1] - 80, steps=5)
        page.mouse.up()
        page.wait_for_timeout(800)
        walk.snap("zoom-record")
        figure.get_by_role("button", name=text["close"]).click()
        expect(viewer).to_be_hidden()
        expect(figure.locator("a img")).to_be_visible()
    assert {status for _, status in answers} == {200}
    tiles = [
        url.split("/iiif/3/")[1].split("/")[1]
        for url, _ in answers
        if url.endswith(".jpg")
    ]
    assert any(region != "full" for region in tiles), (
        "zooming in fetched tiles of the detail"
    )
