"""The `mura` command as an operator uses it, in real subprocesses."""

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

MURA = [sys.executable, "-m", "mura.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "MURA_SITE_URL"}
    }
    env.update(extra)
    return env


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path: Path):
    env = clean_env(MURA_DATA_DIR=str(tmp_path))
    env.pop("SECRET_KEY", None)
    env.pop("MURA_DEMO", None)
    result = subprocess.run(
        [*MURA, "check"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_variable_set_to_an_empty_string_keeps_its_default(tmp_path: Path):
    """`MURA_HTTPS=` in a compose file or an env file means "not set", never "off"."""
    empty = ["MURA_HTTPS", "SECURE_SSL_REDIRECT", "DEBUG", "ALLOWED_HOSTS"]
    empty += ["DATABASE_URL", "EMAIL_URL", "CACHE_URL", "MURA_PROXY_COUNT"]
    env = clean_env(MURA_DATA_DIR=str(tmp_path), SECRET_KEY="x" * 50)
    env.pop("MURA_DEMO", None)
    env.update(dict.fromkeys(empty, ""))
    code = (
        "import json, mura.settings as s; print(json.dumps([s.HTTPS, "
        "s.SECURE_SSL_REDIRECT, s.DEBUG, s.ALLOWED_HOSTS, s.EMAIL_BACKEND, "
        "s.CACHES['default']['BACKEND'], s.MURA_PROXY_COUNT, "
        "s.DATABASES['default']['NAME']]))"
    )
    output = subprocess.check_output(
        [sys.executable, "-c", code], env=env, text=True, timeout=60
    )
    assert json.loads(output) == [
        True,
        True,
        False,
        ["127.0.0.1", "localhost", "[::1]"],
        "django.core.mail.backends.console.EmailBackend",
        "mura.portal.cache.AtomicDatabaseCache",
        0,
        str(tmp_path / "mura.sqlite3"),
    ]


def test_a_new_data_folder_is_made_for_the_database(tmp_path: Path):
    data = tmp_path / "not" / "there" / "yet"
    env = clean_env(MURA_DATA_DIR=str(data), SECRET_KEY="x" * 50)
    env.pop("MURA_DEMO", None)
    result = subprocess.run(
        [*MURA, "showmigrations", "mura_search"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (data / "mura.sqlite3").exists()


@pytest.mark.slow
def test_serve_runs_gunicorn_with_whitenoise(tmp_path: Path):
    env = clean_env(MURA_DATA_DIR=str(tmp_path), MURA_DEMO="1")
    subprocess.run([*MURA, "migrate", "-v0"], env=env, check=True, timeout=300)
    port = free_port()
    server = subprocess.Popen(
        [*MURA, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as response:  # noqa: S310
                    assert response.status == 200
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the server did not answer /healthz")
        with urllib.request.urlopen(base + "/robots.txt") as response:  # noqa: S310
            assert response.headers["Server"].startswith("gunicorn")
        html = urllib.request.urlopen(base + "/admin/login/").read().decode()  # noqa: S310
        css = next(
            part.split('"')[0]
            for part in html.split('href="')
            if part.startswith("/static/") and ".css" in part.split('"')[0]
        )
        with urllib.request.urlopen(base + css) as response:  # noqa: S310
            assert response.status == 200
            assert (
                "max-age" in response.headers["Cache-Control"]
            )  # whitenoise, hashed names
    finally:
        server.terminate()
        server.wait(timeout=30)
    # stopping the command stops gunicorn with it
    time.sleep(1)
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310
    # It said where it serves, and Wagtail's Site (its full addresses) says the same.
    assert f"its address is {base}/" in server.stdout.read()
    site = subprocess.check_output(
        [*MURA, "shell", "-c", SHOW_SITE], env=env, text=True, timeout=60
    )
    assert site.splitlines()[-1].split() == ["127.0.0.1", str(port)]


SHOW_SITE = (
    "from wagtail.models import Site; s = Site.objects.get(is_default_site=True); "
    "print(s.hostname, s.port)"
)


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_serves_and_prints_the_port_it_is_given():
    """`make demo PORT=8080` serves on 8080 and gives that address to the demo, whose
    administrator login line names it; `make help` shows the values it would use."""
    root = Path(__file__).resolve().parents[3]
    run = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", "demo", "PORT=8080"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    commands = run.stdout.splitlines()
    demo = next(line for line in commands if line.endswith("mura demo"))
    serve = next(line for line in commands if "mura serve" in line)
    assert "MURA_SITE_URL=http://127.0.0.1:8080 " in demo
    assert serve.endswith("--host 127.0.0.1 --port 8080")
    helped = subprocess.run(
        ["make", "help", "PORT=8080"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "http://127.0.0.1:8080" in helped
    assert "$(" not in helped


def test_createadmin_prints_the_admin_address_at_the_site_url(db, settings):
    settings.MURA_SITE_URL = "http://127.0.0.1:8080"
    out = io.StringIO()
    call_command("createadmin", stdout=out)
    assert out.getvalue().rstrip().endswith("->  http://127.0.0.1:8080/admin/")
