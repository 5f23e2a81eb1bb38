"""A travelling exhibition's route: the map of its stops drawn on the server from the
Natural Earth shapes, and the list of stops beside it, in Kazakh and Russian."""

import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone

from mura.conftest import require
from mura.events.tests.factories import make_event
from mura.exhibitions.models import ExhibitionVenue
from mura.exhibitions.route import Status, frame_around, statuses
from mura.exhibitions.tests.factories import make_exhibition
from mura.portal.demo import translate_page

pytestmark = pytest.mark.django_db

SVG = re.compile(r"<svg class=\"route__map\".*?</svg>", re.S)
#: (city in kk, city in ru, latitude, longitude, days from today it opens)
STOPS = [
    ("Қызылорда", "Кызылорда", "44.844500", "65.500300", -60),
    ("Түркістан", "Туркестан", "43.297300", "68.251800", -10),
    ("Павлодар", "Павлодар", "52.287300", "76.967400", 30),
    ("Астана", "Астана", "51.169400", "71.449100", 80),
]


def _venues(stops, today, *, language, events=None):
    return [
        ExhibitionVenue(
            name=f"Музей {number}",
            city=kk if language == "kk" else ru,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            start_date=today + timedelta(days=opens),
            end_date=today + timedelta(days=opens + 30),
            event=events[number] if events else None,
        )
        for number, (kk, ru, latitude, longitude, opens) in enumerate(stops)
    ]


@pytest.fixture
def travelling(site_tree, institution):
    home = site_tree["home"]
    today = timezone.localdate()
    events = [
        make_event(home, title=f"Көрменің ашылуы, {kk}", institution=institution)
        for kk, *_ in STOPS
    ]
    exhibition = make_exhibition(
        home, institution=institution, title="Сыр бойының ою-өрнегі"
    )
    exhibition.venues = _venues(STOPS, today, language="kk", events=events)
    exhibition.save_revision().publish()
    translate_page(
        exhibition,
        site_tree["locales"]["ru"],
        title="Орнамент Сырдарьи",
        venues=_venues(STOPS, today, language="ru", events=events),
    )
    return exhibition, events


def test_the_stops_are_on_a_map_with_where_it_is_now_and_goes_next(client, travelling):
    require(settings.MURA_WORLD_ATLAS.is_file(), "npm world-atlas is not installed")
    exhibition, events = travelling
    for prefix, cities, title, now, upcoming in (
        ("", [stop[0] for stop in STOPS], "Сыр бойының ою-өрнегі", "қазір", "келесі"),
        ("/ru", [stop[1] for stop in STOPS], "Орнамент Сырдарьи", "сейчас", "далее"),
    ):
        html = client.get(prefix + exhibition.url).content.decode()
        svg = SVG.search(html).group(0)
        assert 'role="img"' in svg
        assert '<title id="route-map-title">' in svg and title in svg
        labels = re.findall(r'<text class="route__label"[^>]*>([^<]+)</text>', svg)
        assert labels == [
            cities[0],
            f"{cities[1]} · {now}",
            f"{cities[2]} · {upcoming}",
            cities[3],
        ]
        description = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1)
        for number, city in enumerate(cities, start=1):
            assert f"{number}. {city}" in description
        assert svg.count("<path d=") > 5, "the countries round the route are drawn"
        for value in re.findall(r' c[xy]="([^"]+)"', svg):
            assert 0 < float(value) < 640, "coordinates are numbers in any language"
        stops = re.findall(r'<li class="route__item route__item--(\w+)">', html)
        assert stops == ["been", "now", "next", "later"]
        for event in events:
            assert f'href="{event.url}"' in html
    jsonld = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert [stop["location"]["geo"]["latitude"] for stop in jsonld["subEvent"]] == [
        float(latitude) for _, _, latitude, _, _ in STOPS
    ]
    ru_list = client.get("/ru" + exhibition.url).content.decode()
    assert "Сейчас здесь" in ru_list and "Следующая остановка" in ru_list


def test_without_the_country_shapes_the_page_lists_the_stops(
    client, travelling, settings, tmp_path
):
    settings.MURA_WORLD_ATLAS = tmp_path / "missing.json"
    exhibition, _ = travelling
    html = client.get(exhibition.url).content.decode()
    assert "route__map" not in html
    assert "Қазір осында" in html and "Келесі аялдама" in html
    for city, *_ in STOPS:
        assert city in html


def test_a_stop_is_been_now_next_or_later():
    today = timezone.localdate()
    venues = _venues(STOPS, today, language="kk")
    assert statuses(venues, today) == [
        Status.BEEN,
        Status.NOW,
        Status.NEXT,
        Status.LATER,
    ]
    assert statuses(venues, today + timedelta(days=200)) == [Status.BEEN] * 4


def test_the_map_frames_the_stops_in_landscape():
    frame = frame_around([(65.5, 44.8), (68.3, 43.3), (77.0, 52.3)])
    assert frame.west <= 62 and frame.east >= 80
    assert frame.south <= 40 and frame.north >= 55
    assert frame.height < 640
    for lon, lat in [(65.5, 44.8), (77.0, 52.3)]:
        x, y = frame.project(lon, lat)
        assert 0 < x < 640 and 0 < y < frame.height


def test_the_travelling_filter_says_when_there_is_none(client, site_tree):
    exhibition = make_exhibition(site_tree["home"], title="Бір залдағы көрме")
    translate_page(
        exhibition.get_parent(),
        site_tree["locales"]["ru"],
        title="Виртуальные выставки",
    )
    index = "/exhibitions/?show=travelling"
    for prefix, empty in (
        ("", "Көшпелі көрмелер әзірге жоқ."),
        ("/ru", "Передвижных выставок пока нет."),
    ):
        html = client.get(prefix + index).content.decode()
        assert empty in html
        assert "Бір залдағы көрме" not in html
