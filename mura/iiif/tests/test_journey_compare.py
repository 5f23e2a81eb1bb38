"""Journey: a reader follows a travelling exhibition's route, sets two of its objects side
by side and zooms into both at once, then turns through a record's images one after
another in one viewer; in Kazakh and Russian, on a desktop and a phone. Without
JavaScript the comparison still shows both pictures."""

import io
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.images.models import Image

from mura.catalog.choices import Kind
from mura.catalog.demo_images import draw
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import ResourceFactory
from mura.exhibitions.models import ExhibitionVenue
from mura.exhibitions.tests.factories import make_exhibition
from mura.portal.demo import translate_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEN = {
    "kk": {
        "route": "Көрменің жолы",
        "compare": "Осы бұйымдардың екеуін қатар қойып салыстыру",
        "together": "Бірге үлкейту және жылжыту",
        "sequence": "3 суретті кезекпен қарау",
        "next": "Келесі сурет",
        "previous": "Алдыңғы сурет",
        "compare_with": "Басқа нысанмен салыстыру",
    },
    "ru": {
        "route": "Маршрут выставки",
        "compare": "Сравнить два из этих предметов рядом",
        "together": "Увеличивать и сдвигать вместе",
        "sequence": "Смотреть 3 изображения по очереди",
        "next": "Следующее изображение",
        "previous": "Предыдущее изображение",
        "compare_with": "Сравнить с другим объектом",
    },
}


STOPS = [
    ({"kk": "Қызылорда", "ru": "Кызылорда"}, "44.844500", "65.500300"),
    ({"kk": "Түркістан", "ru": "Туркестан"}, "43.297300", "68.251800"),
    ({"kk": "Павлодар", "ru": "Павлодар"}, "52.287300", "76.967400"),
]


def _syrmak(seed: int) -> ImageFile:
    """A 2 by 1 squares syrmak of the demo (1840×1340), in the palette `seed` picks."""
    output = io.BytesIO()
    draw(seed, "Шиелі · 1930", ["КП 4004"], (2, 1)).save(output, "JPEG", quality=85)
    return ImageFile(output, name=f"syrmak-{seed}.jpg")


def _record(institution, title: str, seeds: list[int]):
    record = ResourceFactory(
        institution=institution, kind=Kind.MUSEUM_OBJECT, title=title
    )
    for page, seed in enumerate(seeds, start=1):
        image = Image.objects.create(title=f"{title} {page}", file=_syrmak(seed))
        DigitalFile.objects.create(resource=record, image=image, caption=f"{page}")
    return record


@pytest.fixture
def travelling(site_tree, institution):
    syrmak = _record(institution, "Сырмақ, қошқар мүйіз өрнекті", [0, 1, 2])
    blue_syrmak = _record(institution, "Сырмақ, көк жиекті", [1])
    body = [
        {
            "type": "items_grid",
            "value": {"heading": "", "text": "", "items": [syrmak.pk, blue_syrmak.pk]},
        }
    ]
    exhibition = make_exhibition(
        site_tree["home"],
        institution=institution,
        title="Сыр бойының ою-өрнегі",
        body=json.dumps(body),
    )
    today = timezone.localdate()

    def venues(language: str) -> list[ExhibitionVenue]:
        return [
            ExhibitionVenue(
                name="Музей",
                city=cities[language],
                latitude=Decimal(latitude),
                longitude=Decimal(longitude),
                start_date=today + timedelta(days=40 * number - 50),
                end_date=today + timedelta(days=40 * number - 15),
            )
            for number, (cities, latitude, longitude) in enumerate(STOPS)
        ]

    exhibition.venues = venues("kk")
    exhibition.save_revision().publish()
    translate_page(
        exhibition,
        site_tree["locales"]["ru"],
        title="Орнамент Сырдарьи",
        venues=venues("ru"),
    )
    return exhibition, syrmak, blue_syrmak


def _tiles_of(answers: list[str], image_id: int) -> list[str]:
    """The regions asked of one image service: "full" or a tile's x,y,w,h."""
    return [
        url.split(f"/iiif/3/{image_id}/")[1].split("/")[0]
        for url in answers
        if f"/iiif/3/{image_id}/" in url and url.endswith(".jpg")
    ]


def test_compare_two_objects_and_turn_through_a_records_images(
    live_server, walks, travelling, chromium
):
    exhibition, syrmak, blue_syrmak = travelling
    pictures = [file.image_id for file in syrmak.files.order_by("pk")]
    other = blue_syrmak.files.get().image_id
    for walk in walks(live_server.url):
        page, text = walk.page, SEEN[walk.language]
        answers: list[str] = []
        page.on("response", lambda answer, answers=answers: answers.append(answer.url))

        page.goto(walk.url(exhibition.url))
        route = page.get_by_role("region", name=text["route"])
        expect(route.get_by_role("img")).to_be_visible()
        walk.snap("travelling-route")

        page.get_by_role("link", name=text["compare"]).click()
        compare = page.locator(".compare")
        viewers = compare.locator(".iiif__viewer")
        expect(viewers).to_have_count(2)
        expect(compare.get_by_label(text["together"])).to_be_checked()
        page.wait_for_function(
            f"() => performance.getEntriesByType('resource').some(e => e.name.includes('/iiif/3/{other}/'))"
        )
        first, second = (viewers.nth(n).bounding_box() for n in (0, 1))
        if walk.device == "desktop":
            assert first["y"] == second["y"] and first["x"] < second["x"]
        else:
            assert second["y"] >= first["y"] + first["height"], "stacked on a phone"
        before = len(_tiles_of(answers, other))
        viewers.nth(0).scroll_into_view_if_needed()
        box = viewers.nth(0).bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(5):
            page.mouse.wheel(0, -400)
        page.wait_for_timeout(1200)
        followed = _tiles_of(answers, other)[before:]
        assert any(region != "full" for region in followed), (
            "zooming the first picture zoomed the second"
        )
        walk.snap("compare")

        page.goto(walk.url(syrmak.get_absolute_url()))
        expect(page.get_by_role("link", name=text["compare_with"])).to_be_visible()
        page.get_by_role("button", name=text["sequence"]).click()
        counter = page.locator(".iiif__counter")
        expect(counter).to_have_text("1 / 3")
        previous = page.get_by_role("button", name=text["previous"])
        following = page.get_by_role("button", name=text["next"])
        expect(previous).to_be_disabled()
        following.click()
        expect(counter).to_have_text("2 / 3")
        following.focus()
        page.keyboard.press("Enter")
        expect(counter).to_have_text("3 / 3")
        expect(following).to_be_disabled()
        page.wait_for_function(
            f"() => performance.getEntriesByType('resource').some(e => e.name.includes('/iiif/3/{pictures[2]}/') && e.name.endsWith('.jpg'))"
        )
        page.wait_for_timeout(500)
        walk.snap("next-canvas")
        previous.focus()
        page.keyboard.press("Enter")
        expect(counter).to_have_text("2 / 3")
        page.wait_for_function(
            f"() => performance.getEntriesByType('resource').some(e => e.name.includes('/iiif/3/{pictures[1]}/') && e.name.endsWith('.jpg'))"
        )

    without_script = chromium.new_context(java_script_enabled=False)
    try:
        page = without_script.new_page()
        page.goto(
            f"{live_server.url}/catalog/compare/?a={syrmak.public_id}&b={blue_syrmak.public_id}"
        )
        pictures_shown = page.locator(".compare__figure img")
        expect(pictures_shown).to_have_count(2)
        for index in (0, 1):
            expect(pictures_shown.nth(index)).to_be_visible()
    finally:
        without_script.close()
