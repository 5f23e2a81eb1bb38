"""A travelling exhibition's route: each stop's place in time (been, on show now, next,
later) and the map of the stops, drawn as SVG on the server from the Natural Earth
country shapes of the npm package world-atlas. No tile server is asked; without the
package the page lists the stops only."""

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache

from mura.portal.topojson import shapes

if TYPE_CHECKING:
    from mura.exhibitions.models import ExhibitionVenue

#: The map's width in SVG units; its height follows the stops' extent.
WIDTH = 640
#: Degrees of land and sea shown round the stops, and the smallest span shown.
MARGIN = 3
MIN_SPAN = 12
#: The map is at least this much wider than high, so it fits beside the list of stops.
ASPECT = 4 / 3
#: How far outside the window (SVG units) shapes are drawn before being cut off.
BLEED = 12


class Status(StrEnum):
    BEEN = "been"
    NOW = "now"
    NEXT = "next"
    LATER = "later"


@dataclass(frozen=True)
class Frame:
    """The map's window in whole degrees, so nearby routes share one drawn outline."""

    west: int
    south: int
    east: int
    north: int

    @property
    def x_scale(self) -> float:
        return math.cos(math.radians((self.north + self.south) / 2))

    @property
    def height(self) -> int:
        span = (self.east - self.west) * self.x_scale
        return round(WIDTH * (self.north - self.south) / span)

    def project(self, longitude: float, latitude: float) -> tuple[float, float]:
        """An equirectangular projection scaled for the window's middle latitude."""
        unit = WIDTH / (self.east - self.west)
        return (
            round((longitude - self.west) * unit, 1),
            round((self.north - latitude) * unit / self.x_scale, 1),
        )


@dataclass(frozen=True)
class Stop:
    venue: "ExhibitionVenue"
    number: int
    status: Status
    x: float | None = None
    y: float | None = None

    @property
    def label_before(self) -> bool:
        """Near the map's right edge the place's name is written left of its mark."""
        return self.x is not None and self.x > WIDTH * 0.6


def _span(values: list[float]) -> tuple[float, float]:
    """The values' range with a margin, widened to at least MIN_SPAN."""
    low, high = min(values) - MARGIN, max(values) + MARGIN
    grow = max(0.0, MIN_SPAN - (high - low)) / 2
    return low - grow, high + grow


def frame_around(points: Sequence[tuple[float, float]]) -> Frame:
    """A window round (longitude, latitude) points, landscape."""
    west, east = _span([lon for lon, _ in points])
    south, north = _span([lat for _, lat in points])
    scale = math.cos(math.radians((north + south) / 2))
    grow = max(0.0, ASPECT * (north - south) / scale - (east - west)) / 2
    return Frame(
        math.floor(west - grow),
        max(-89, math.floor(south)),
        math.ceil(east + grow),
        min(89, math.ceil(north)),
    )


def statuses(venues: Sequence["ExhibitionVenue"], today: date) -> list[Status]:
    """Where each stop stands on `today`: the first stop still to open is the next."""
    found = []
    next_seen = False
    for venue in venues:
        if venue.end_date and venue.end_date < today:
            status = Status.BEEN
        elif venue.start_date is None or venue.start_date <= today:
            status = Status.NOW
        elif next_seen:
            status = Status.LATER
        else:
            status, next_seen = Status.NEXT, True
        found.append(status)
    return found


@lru_cache(maxsize=1)
def _countries(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Every country's rings (outer and holes), read once per process."""
    topology = json.loads(path.read_text(encoding="utf-8"))
    return [
        [ring for polygon in shape.polygons for ring in polygon]
        for shape in shapes(topology, "countries")
    ]


def _overlaps(ring: list[tuple[float, float]], frame: Frame) -> bool:
    return not (
        max(lon for lon, _ in ring) < frame.west
        or min(lon for lon, _ in ring) > frame.east
        or max(lat for _, lat in ring) < frame.south
        or min(lat for _, lat in ring) > frame.north
    )


def _clamped(
    ring: list[tuple[float, float]], frame: Frame
) -> list[tuple[float, float]]:
    """The ring projected, with what lies outside the window pressed onto a box just
    round it: the inside keeps its shape and the far coasts cost no bytes."""
    low_x = low_y = -BLEED
    high_x, high_y = WIDTH + BLEED, frame.height + BLEED
    points: list[tuple[float, float]] = []
    for lon, lat in ring:
        x, y = frame.project(lon, lat)
        point = (min(max(x, low_x), high_x), min(max(y, low_y), high_y))
        if points and point == points[-1]:
            continue
        if len(points) > 1:
            (ax, ay), (bx, by) = points[-2], points[-1]
            on_edge = (ax == bx == point[0] and ax in (low_x, high_x)) or (
                ay == by == point[1] and ay in (low_y, high_y)
            )
            if on_edge:
                points[-1] = point
                continue
        points.append(point)
    return points


def outline(frame: Frame, path: Path) -> list[tuple[int, str]]:
    """(country, SVG path data) of each country that reaches into the window."""
    drawn = []
    for country, rings in enumerate(_countries(path)):
        parts = [
            "M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z"
            for ring in rings
            if _overlaps(ring, frame) and len(points := _clamped(ring, frame)) > 2
        ]
        if parts:
            drawn.append((country, "".join(parts)))
    return drawn


def point_in_ring(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    """Whether the point is inside the ring (even-odd rule)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def hosts(points: Sequence[tuple[float, float]], path: Path) -> set[int]:
    """The countries the stops are in, shown stronger on the map."""
    countries = _countries(path)
    return {
        country
        for country, rings in enumerate(countries)
        if any(point_in_ring(point, ring) for point in points for ring in rings)
    }


def shapes_drawn(
    frame: Frame, points: Sequence[tuple[float, float]], path: Path
) -> list[tuple[str, bool]]:
    """Each country's path data and whether a stop is in it, drawn once per window and
    stops and kept in the shared cache (a new file of shapes draws anew)."""
    key = (
        "mura:route-map:"
        + hashlib.sha256(
            repr((frame, list(points), str(path), path.stat().st_mtime_ns)).encode()
        ).hexdigest()
    )

    def draw() -> list[tuple[str, bool]]:
        home = hosts(points, path)
        return [(shape, country in home) for country, shape in outline(frame, path)]

    return cache.get_or_set(key, draw, None)


def route(venues: Sequence["ExhibitionVenue"], today: date) -> dict | None:
    """The stops in order with their status and, when at least one stop has coordinates
    and the country shapes are installed, the map: window, outline and route line."""
    if not venues:
        return None
    stops = [
        Stop(venue=venue, number=number, status=status)
        for number, (venue, status) in enumerate(
            zip(venues, statuses(venues, today), strict=True), start=1
        )
    ]
    context = {"stops": stops, "map": None}
    placed = [
        (float(stop.venue.longitude), float(stop.venue.latitude))
        for stop in stops
        if stop.venue.on_map
    ]
    atlas = Path(settings.MURA_WORLD_ATLAS)
    if not placed or not atlas.is_file():
        return context
    frame = frame_around(placed)
    points = iter(frame.project(lon, lat) for lon, lat in placed)
    on_map = [
        Stop(stop.venue, stop.number, stop.status, *next(points))
        for stop in stops
        if stop.venue.on_map
    ]
    context["map"] = {
        "width": WIDTH,
        "height": frame.height,
        "countries": shapes_drawn(frame, placed, atlas),
        "stops": on_map,
        "line": " ".join(f"{stop.x:g},{stop.y:g}" for stop in on_map),
    }
    return context
