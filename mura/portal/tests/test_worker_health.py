from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mura.news.tasks import visits_prune_task
from mura.portal.worker import heartbeat_write

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks(settings, db):
    """Tasks wait in the database for a worker, as in a real installation."""
    settings.TASKS = DATABASE_TASKS
    cache.clear()


def test_healthz_is_503_when_no_worker_is_alive(client, database_tasks):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "worker": "stopped",
        "queue": {"ready": 0, "oldest_seconds": 0},
    }


def test_healthz_is_ok_while_a_worker_beats(client, database_tasks):
    heartbeat_write()
    visits_prune_task.enqueue("2026-12-07")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "worker": "running",
        "queue": {"ready": 1, "oldest_seconds": 0},
    }


def test_healthz_is_503_when_the_queue_does_not_move(client, database_tasks):
    """A worker that beats but takes no task (stuck on one, or on another queue)."""
    heartbeat_write()
    visits_prune_task.enqueue("2026-12-07")
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    visits_prune_task.enqueue("2026-12-08")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "worker": "running",
        "queue": {"ready": 2, "oldest_seconds": 600},
    }


def test_a_task_due_later_is_not_a_stuck_queue(client, database_tasks):
    heartbeat_write()
    visits_prune_task.using(run_after=timezone.now() + timedelta(hours=1)).enqueue(
        "2026-12-07"
    )
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["queue"] == {"ready": 0, "oldest_seconds": 0}
