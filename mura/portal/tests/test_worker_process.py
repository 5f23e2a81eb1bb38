"""The task worker as `mura serve` runs it: real processes on a real SQLite file."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from mura.portal.tests.test_cli import MURA, clean_env, free_port

ENQUEUE = """
import django, sys
django.setup()
from mura.news.tasks import visits_prune_task
for _ in range(int(sys.argv[1])):
    visits_prune_task.enqueue("2026-12-07")
"""
TASKS_TABLE = "django_tasks_database_dbtaskresult"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("migrated")
    env = clean_env(MURA_DATA_DIR=str(data), MURA_DEMO="1")
    subprocess.run([*MURA, "migrate", "-v0"], env=env, check=True, timeout=300)
    return data


@pytest.fixture
def data_dir(migrated, tmp_path) -> Path:
    shutil.copytree(migrated, tmp_path / "data")
    return tmp_path / "data"


def enqueue(env: dict[str, str], count: int = 1) -> None:
    subprocess.run(
        [sys.executable, "-c", ENQUEUE, str(count)],
        env={**env, "DJANGO_SETTINGS_MODULE": "mura.settings"},
        check=True,
        timeout=60,
    )


def statuses(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "mura.sqlite3") as db:
        return [row[0] for row in db.execute(f"SELECT status FROM {TASKS_TABLE}")]  # noqa: S608


def wait_for(condition, seconds: float, message: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    pytest.fail(message)


def health(base: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(base + "/healthz", timeout=5) as response:  # noqa: S310
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)
    except OSError:  # not listening yet
        return 0, {}


@pytest.mark.slow
def test_the_worker_waits_out_a_locked_database_and_runs_the_task(data_dir):
    """django-tasks-db's own worker exits on 'database is locked'; ours waits, then
    runs what was queued."""
    env = clean_env(
        MURA_DATA_DIR=str(data_dir), MURA_DEMO="1", MURA_SQLITE_TIMEOUT="0.2"
    )
    enqueue(env)
    lock = sqlite3.connect(data_dir / "mura.sqlite3", isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    log = (data_dir / "worker.log").open("w")
    worker = subprocess.Popen(
        [*MURA, "worker", "--no-startup-delay", "--interval", "0.2"],
        env=env,
        stderr=log,
    )
    try:
        # However slowly the worker starts on a busy machine, it must meet the lock,
        # say so and stay alive rather than exit.
        wait_for(
            lambda: "database is locked" in (data_dir / "worker.log").read_text(),
            90,
            "the worker never reported the locked database",
        )
        time.sleep(1)
        assert worker.poll() is None
        assert statuses(data_dir) == ["READY"]
        lock.execute("ROLLBACK")
        wait_for(
            lambda: statuses(data_dir) == ["SUCCESSFUL"],
            30,
            "the queued task did not run after the lock was released",
        )
        assert worker.poll() is None
    finally:
        lock.close()
        worker.terminate()
        worker.wait(timeout=30)
        log.close()


@pytest.mark.slow
def test_serve_restarts_a_worker_that_died(data_dir):
    env = clean_env(MURA_DATA_DIR=str(data_dir), MURA_DEMO="1")
    base = f"http://127.0.0.1:{free_port()}"
    log = (data_dir / "serve.log").open("w")  # a pipe nobody reads blocks the server
    server = subprocess.Popen(
        [*MURA, "serve", "--port", base.rsplit(":", 1)[1], "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        wait_for(lambda: health(base)[0] == 200, 90, "/healthz never said ok")
        worker = worker_process(server.pid)
        os.kill(worker, signal.SIGKILL)
        wait_for(
            lambda: (pid := worker_process(server.pid)) != worker and pid,
            30,
            "the worker was not started again",
        )
        enqueue(env, 3)
        wait_for(
            lambda: statuses(data_dir) == ["SUCCESSFUL"] * 3,
            30,
            "the restarted worker did not run the queue",
        )
        assert health(base) == (
            200,
            {
                "status": "ok",
                "database": "ok",
                "worker": "running",
                "queue": {"ready": 0, "oldest_seconds": 0},
            },
        )
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    assert (
        "The task worker stopped (exit code -9); restarting it in 1 s."
        in (data_dir / "serve.log").read_text()
    )


def worker_process(parent: int) -> int | None:
    """The pid of `mura worker` among the children of `mura serve`."""
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    for child in children:
        command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        if b"worker" in command:
            return int(child)
    return None


@pytest.mark.slow
def test_an_import_while_serving_leaves_the_worker_alive_and_the_queue_empty(
    data_dir,
):
    """The acceptance test of issue 12 in small (bench/import_while_serving.py runs
    it with 10,000 records and the demo content): 1,000 records imported while the
    site serves; every task the import queued (Wagtail's search updates of the new
    authors and subjects, a batch at a time) ran, and the worker is alive afterwards."""
    result = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve().parents[3] / "bench/import_while_serving.py"),
            "--records",
            "1000",
            "--no-demo",
            "--data-dir",
            str(data_dir),
            "--port",
            str(free_port()),
            "--drain-seconds",
            "120",
            "--baseline-seconds",
            "0",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = json.loads(result.stdout)
    assert summary["import_exit_code"] == 0
    assert summary["import_report"][0].startswith("1000 records created")
    assert set(summary["tasks"]) == {"SUCCESSFUL"}, summary["tasks"]
    # Wagtail's search updates of the new authors and subjects: one a batch and model.
    assert summary["tasks"]["SUCCESSFUL"] >= 2
    assert summary["worker_restarts"] == 0
    assert summary["health_after"][1]["worker"] == "running"
    assert all(not figures["error_count"] for figures in summary["latency"].values())


@pytest.mark.slow
def test_the_worker_does_not_log_a_line_per_task(data_dir):
    """Under `mura serve` the console e-mail backend prints e-mails in the same log: a
    few lines per task would bury them. `-v 2` shows the task lines again."""
    env = clean_env(MURA_DATA_DIR=str(data_dir), MURA_DEMO="1")
    enqueue(env, count=5)
    quiet = subprocess.run(
        [*MURA, "worker", "--batch", "--no-startup-delay"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert statuses(data_dir) == ["SUCCESSFUL"] * 5
    assert "Task id=" not in quiet.stdout + quiet.stderr
    enqueue(env, count=1)
    verbose = subprocess.run(
        [*MURA, "worker", "--batch", "--no-startup-delay", "-v", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Task id=" in verbose.stdout + verbose.stderr
