import json
import os
import subprocess
import sys


def test_healthz_reports_database_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_database_is_unreachable():
    """A load balancer must take the node out when the database is gone: here a real
    PostgreSQL address where nothing listens."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mura.settings",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nowhere",
        "SECRET_KEY": "test",
        "ALLOWED_HOSTS": "testserver",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {
        "status": 503,
        "body": {"status": "error", "database": "unavailable"},
    }


def test_uploaded_media_are_served_without_debug(client, settings, tmp_path):
    """Scans and photos in local storage reach readers on the embedded setup (DEBUG off)."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "scan.jpg").write_bytes(b"\xff\xd8\xff jpeg")
    response = client.get("/media/original_images/scan.jpg")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8\xff jpeg"
    assert client.get("/media/../settings.py").status_code in {400, 404}
