"""TopoJSON read into polygons: shared arcs, arcs walked backwards, holes, quantized
coordinates, and the Natural Earth countries the exhibitions' maps are drawn from."""

import json

from django.conf import settings

from mura.conftest import require
from mura.exhibitions.route import point_in_ring
from mura.portal.topojson import shapes

#: Two squares side by side sharing the arc x=1 (arc 0), the right one walking it
#: backwards (~0 == -1); a third object with a square hole in a square.
TOPOLOGY = {
    "type": "Topology",
    "arcs": [
        [[1, 0], [1, 1]],
        [[1, 1], [0, 1], [0, 0], [1, 0]],
        [[1, 0], [2, 0], [2, 1], [1, 1]],
        [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
        [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]],
    ],
    "objects": {
        "squares": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "L", "arcs": [[0, 1]]},
                {"type": "Polygon", "id": "R", "arcs": [[2, -1]]},
                {"type": "Point", "coordinates": [5, 5]},
            ],
        },
        "frame": {
            "type": "MultiPolygon",
            "properties": {"name": "frame"},
            "arcs": [[[3], [4]]],
        },
    },
}


def test_rings_follow_shared_arcs_both_ways():
    left, right = shapes(TOPOLOGY, "squares")
    assert (left.id, right.id) == ("L", "R")
    assert left.polygons == [[[(1, 0), (1, 1), (0, 1), (0, 0), (1, 0)]]]
    assert right.polygons == [[[(1, 0), (2, 0), (2, 1), (1, 1), (1, 0)]]]


def test_a_polygon_keeps_its_holes_and_a_lone_geometry_is_read():
    (frame,) = shapes(TOPOLOGY, "frame")
    assert frame.properties == {"name": "frame"}
    (polygon,) = frame.polygons
    outer, hole = polygon
    assert outer[0] == outer[-1] == (0, 0) and len(outer) == 5
    assert hole == [(1, 1), (1, 2), (2, 2), (2, 1), (1, 1)]


def test_quantized_arcs_are_deltas_scaled_and_translated():
    quantized = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [60, 40]},
        "arcs": [[[0, 0], [4, 0], [0, 8], [-4, 0], [0, -8]]],
        "objects": {"box": {"type": "Polygon", "arcs": [[0]]}},
    }
    (box,) = shapes(quantized, "box")
    assert box.polygons == [[[(60, 40), (62, 40), (62, 42), (60, 42), (60, 40)]]]


def test_the_natural_earth_countries_hold_their_cities():
    atlas = settings.MURA_WORLD_ATLAS
    require(atlas.is_file(), "npm world-atlas is not installed")
    countries = {
        shape.properties["name"]: shape
        for shape in shapes(json.loads(atlas.read_text()), "countries")
    }
    assert len(countries) > 200

    def holds(name: str, point: tuple[float, float]) -> bool:
        return any(
            point_in_ring(point, ring)
            for polygon in countries[name].polygons
            for ring in polygon[:1]
        )

    astana, kyzylorda, tashkent = (71.45, 51.17), (65.50, 44.84), (69.24, 41.30)
    assert holds("Kazakhstan", astana) and holds("Kazakhstan", kyzylorda)
    assert holds("Uzbekistan", tashkent) and not holds("Kazakhstan", tashkent)
