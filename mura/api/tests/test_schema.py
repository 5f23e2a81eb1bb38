"""Schemathesis over the OpenAPI document: whatever a client sends, the API answers with a
documented status in a documented shape, and never with a 5xx."""

import itertools

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
)

from mura.api.urls import api
from mura.catalog.models import Work

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()
# A query string has no types: a facet value that schemathesis makes "invalid" by turning
# it into a number or `false` arrives as the text "1016483" or "false", which is a valid
# value. Search is still checked for server errors and its documented answers.
UNTYPED_LISTS = {"/api/v1/search"}
# A body of the documented shape may still answer a question the event does not have or
# name another event's section: the service's 400, documented, not a rejected shape.
CHECKED_BY_THE_SERVICE = {"/api/v1/events/{event_id}/registrations"}
# Generated ids would almost never name the seeded content, so every other valid case
# uses the real ones and reaches the serialisers and the registration service (taking
# turns rather than drawing keeps the run reproducible; a draw cannot be mixed with the
# document's own examples).
SEEDED_TURNS = itertools.cycle([True, False])
SEEDED_IDS = {
    "event_id": lambda content: content["event"].pk,
    "article_id": lambda content: content["article"].pk,
    "public_id": lambda content: content["resources"][0].public_id,
    "slug_or_id": lambda content: content["institution"].slug,
    "work_id": lambda content: (
        Work.objects.filter(editions__links__resource__in=content["resources"])
        .values_list("pk", flat=True)
        .first()
        or 1
    ),
}


@pytest.fixture
def connection_kept():
    """The WSGI app closes the database connection after each request, as a server must;
    inside a test's transaction that would end the test's data, so (as Django's own test
    client does) the connection is kept."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("connection_kept")
@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_keeps_its_contract(case, content, settings):
    settings.MURA_RATELIMITS = False  # or registrations stop at 429 after a few cases
    path_is_valid = case.meta is None or not case.meta.is_negative_at(
        ParameterLocation.PATH
    )
    if next(SEEDED_TURNS) and case.path_parameters and path_is_valid:
        case.path_parameters = {
            name: SEEDED_IDS[name](content) for name in case.path_parameters
        }
        if isinstance(case.body, dict) and not case.meta.is_negative_at(
            ParameterLocation.BODY
        ):
            # What a client reads in GET /events/{id}: the required answer, a real country.
            required = content["questions"]["yes_no"].pk
            case.body = {**case.body, "country": "KZ", "answers": {str(required): "no"}}
    excluded = [
        *([negative_data_rejection] if case.path in UNTYPED_LISTS else []),
        *([positive_data_acceptance] if case.path in CHECKED_BY_THE_SERVICE else []),
    ]
    case.call_and_validate(excluded_checks=excluded)
