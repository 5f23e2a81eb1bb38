"""With MURA_LOG_FORMAT=json each request writes one JSON line: its id, method, path,
status, duration and the staff member's id, never the reader's address or query."""

import json
import logging
import os
import subprocess
import sys

from django.urls import reverse

from mura.institutions.tests.factories import UserFactory

SCRIPT = """
import django
django.setup()
from django.test import Client
Client().get(
    "/healthz?q=secret",
    HTTP_HOST="127.0.0.1",
    HTTP_X_REQUEST_ID="nginx-42",
    REMOTE_ADDR="203.0.113.9",
)
"""


def test_a_request_writes_one_parseable_json_line(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mura.settings",
        "MURA_DEMO": "1",
        "MURA_DATA_DIR": str(tmp_path),
        "MURA_LOG_FORMAT": "json",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # Every line is JSON, Python's warnings too (the data folder has no static files).
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    requests = [line for line in lines if line["logger"] == "mura.requests"]
    assert len(requests) == 1
    (line,) = requests
    assert line["request_id"] == "nginx-42"
    assert line["method"] == "GET"
    assert line["path"] == "/healthz"
    assert line["status"] in {200, 503}
    assert line["duration_ms"] >= 0
    assert line["user_id"] is None
    assert line["level"] == "INFO" and line["time"]
    assert "203.0.113.9" not in result.stderr
    assert "secret" not in result.stderr


def test_the_line_names_the_staff_member_and_the_response_its_id(client, caplog, db):
    staff = UserFactory(is_superuser=True)
    client.force_login(staff)
    logging.getLogger("mura.requests").setLevel(logging.INFO)
    try:
        with caplog.at_level(logging.INFO, logger="mura.requests"):
            response = client.get(reverse("wagtailadmin_home"))
    finally:
        logging.getLogger("mura.requests").setLevel(logging.WARNING)
    (record,) = [r for r in caplog.records if r.name == "mura.requests"]
    assert record.user_id == staff.pk
    assert record.status == 200
    assert response.headers["X-Request-ID"] == record.request_id
    assert len(record.request_id) == 32  # made here: the client sent none
