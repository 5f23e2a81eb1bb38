"""Coordinates of institutions, places, events and exhibition venues: both or neither, in range."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from mura.catalog.tests.factories import PlaceFactory
from mura.institutions.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def errors_of(thing) -> dict[str, list[str]]:
    try:
        thing.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_a_latitude_beyond_the_pole_is_refused():
    institution = InstitutionFactory(latitude=Decimal("95"), longitude=Decimal("65.5"))
    assert set(errors_of(institution)) == {"latitude"}


def test_one_coordinate_without_the_other_is_refused_in_the_editors_language():
    place = PlaceFactory.build(longitude=None)
    with translation.override("kk"):
        assert errors_of(place) == {
            "longitude": [
                "Ендікті де, бойлықты да беріңіз немесе екеуін де бос қалдырыңыз."
            ]
        }
    with translation.override("ru"):
        assert "долготу" in errors_of(place)["longitude"][0]


def test_neither_coordinate_is_fine_and_leaves_no_map():
    institution = InstitutionFactory(latitude=None, longitude=None)
    assert "latitude" not in errors_of(institution)
    assert (institution.on_map, institution.map_url) == (False, "")


def test_a_point_on_the_equator_is_on_the_map():
    place = PlaceFactory(latitude=Decimal("0"), longitude=Decimal("-78.5"))
    place.refresh_from_db()
    assert place.on_map
    assert place.map_url == (
        "https://www.openstreetmap.org/?mlat=0.000000&mlon=-78.500000#map=17/0.000000/-78.500000"
    )
