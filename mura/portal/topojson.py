"""TopoJSON read into plain polygons: the format of the Natural Earth country shapes the
portal's maps are drawn from (https://github.com/topojson/topojson-specification)."""

from collections.abc import Iterator
from dataclasses import dataclass

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Shape:
    """One geometry of a topology's object: its id, properties and polygons, each a list
    of rings (the outer ring, then its holes) in longitude, latitude."""

    id: str
    properties: dict
    polygons: list[list[Ring]]


def _arcs(topology: dict) -> list[Ring]:
    """Every arc in absolute coordinates; a quantized topology stores deltas."""
    transform = topology.get("transform")
    if transform is None:
        return [[(x, y) for x, y, *_ in arc] for arc in topology["arcs"]]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    """A closed ring from its arcs; a negative index ~i is arc i walked backwards, and
    each arc after the first starts where the one before ended."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def shapes(topology: dict, name: str) -> Iterator[Shape]:
    """The polygons of the object `name` (a GeometryCollection or one geometry)."""
    arcs = _arcs(topology)
    root = topology["objects"][name]
    for geometry in root.get("geometries", [root]):
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        yield Shape(
            id=str(geometry.get("id", "")),
            properties=geometry.get("properties", {}),
            polygons=[[_ring(ring, arcs) for ring in polygon] for polygon in polygons],
        )
