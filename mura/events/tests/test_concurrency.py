"""Places hold under real concurrency: threads with their own database connections."""

import threading

import pytest
from django.db import connection, connections

from mura.events.models import Registration
from mura.events.services import registration_cancel, registration_create
from mura.events.tests.factories import (
    make_event,
    registration_data,
    registration_status_counts,
)

REGISTRANTS = 200
PLACES = 50
# The shared PostgreSQL server allows 100 connections for everyone; 40 at once is plenty
# to make the transactions collide on the event's row lock.
AT_ONCE = 40


def run_in_threads(jobs) -> list[BaseException]:
    """Start every job together (a barrier), each in its own thread and connection."""
    barrier = threading.Barrier(len(jobs))
    gate = threading.BoundedSemaphore(AT_ONCE)
    errors: list[BaseException] = []

    def worker(job):
        barrier.wait()
        with gate:
            try:
                job()
            except BaseException as error:
                errors.append(error)
            finally:
                connections.close_all()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.postgres
def test_simultaneous_registrations_never_exceed_places_and_cancellations_promote_in_order(
    transactional_db, site_tree
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: the in-memory SQLite test database has no concurrent writers"
        )
    event = make_event(site_tree["home"], capacity=PLACES)

    def register(number):
        return lambda: registration_create(
            event=event, data=registration_data(number), sections=[]
        )

    errors = run_in_threads([register(n) for n in range(REGISTRANTS)])
    assert errors == []
    assert registration_status_counts(event) == {
        "confirmed": PLACES,
        "waitlisted": REGISTRANTS - PLACES,
        "cancelled": 0,
    }

    waiting_in_order = list(
        Registration.objects.waitlisted()
        .filter(event=event)
        .values_list("pk", flat=True)
    )
    leaving = list(Registration.objects.confirmed().filter(event=event)[:10])
    errors = run_in_threads(
        [lambda r=r: registration_cancel(registration=r) for r in leaving]
    )
    assert errors == []
    assert registration_status_counts(event) == {
        "confirmed": PLACES,
        "waitlisted": REGISTRANTS - PLACES - 10,
        "cancelled": 10,
    }
    promoted = set(
        Registration.objects.confirmed()
        .filter(event=event, pk__in=waiting_in_order)
        .values_list("pk", flat=True)
    )
    assert promoted == set(waiting_in_order[:10])
    remaining = list(
        Registration.objects.waitlisted()
        .filter(event=event)
        .values_list("pk", flat=True)
    )
    assert remaining == waiting_in_order[10:]
