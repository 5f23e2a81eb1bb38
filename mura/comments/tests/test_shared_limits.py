"""The comment rate limit holds across separate server processes: each runs with the
installation's own settings (a database cache without CACHE_URL, Redis with it) and the
requests alternate between them, as a load balancer or gunicorn's workers spread them."""

import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
import redis

from mura.conftest import require

MURA = [sys.executable, "-m", "mura.cli"]
ARTICLE = "/news/elbasy-library-information-resources-session/"
PORTS = range(8140, 8150)  # this suite's own ports
REDIS_URL = "redis://127.0.0.1:6379/13"
LOAD_DEMO = (
    "import io, importlib\n"
    "for app in ('institutions', 'portal', 'news'):\n"
    "    importlib.import_module(f'mura.{app}.demo').load(stdout=io.StringIO())\n"
)

pytestmark = pytest.mark.slow


def free_ports(count: int) -> list[int]:
    ports = []
    for port in PORTS:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                ports.append(port)
        if len(ports) == count:
            return ports
    pytest.fail("no free port in 8140-8149")


def redis_available() -> bool:
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except Exception:  # any failure means "not here"
        return False
    return True


class Reader:
    """A browser's cookie jar and the form as a reader fills it in."""

    def __init__(self, query, address: str):
        self.query = query
        self.address = address  # as the reverse proxy in front reports it
        self.body = f"Рахмет! ({address}, {os.getpid()}, {time.time()})"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect(),
        )

    def form(self, base: str) -> dict[str, str]:
        request = urllib.request.Request(  # noqa: S310 - our own test server
            base + ARTICLE, headers={"X-Forwarded-For": self.address}
        )
        html = self.opener.open(request, timeout=30).read().decode()
        fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', html))
        del fields["question_ask"]  # the button that asks for a question instead
        (answer,) = self.query(
            "SELECT response FROM captcha_captchastore WHERE hashkey = %s",
            [fields["captcha_0"]],
        )
        return {
            **fields,
            "name": "Айгүл",
            "email": "aigul@example.org",
            "body": self.body,
            "website": "",
            "captcha_1": answer,
        }

    def post(self, base: str, data: dict[str, str]) -> int:
        request = urllib.request.Request(  # noqa: S310 - our own test server
            base + "/comments/post/",
            data=urllib.parse.urlencode(data).encode(),
            headers={"X-Forwarded-For": self.address},
        )
        try:
            return self.opener.open(request, timeout=60).status
        except urllib.error.HTTPError as error:
            return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sqlite_query(path: Path):
    def query(sql: str, params: list) -> tuple:
        with sqlite3.connect(path) as db:
            return db.execute(sql.replace("%s", "?"), params).fetchone()

    return query


def postgres_query(url: str):
    def query(sql: str, params: list) -> tuple:
        with psycopg.connect(url) as db:
            return db.execute(sql, params).fetchone()

    return query


def postgres_database(url: str, *, drop_only: bool = False) -> str:
    """A fresh database beside the test run's own (its name + "_processes")."""
    base, name = url.rsplit("/", 1)
    fresh = f"{name}_processes"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')
        if not drop_only:
            db.execute(f'CREATE DATABASE "{fresh}"')
    return f"{base}/{fresh}"


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """One migrated installation with the demo articles, shared by the servers below,
    on the database of this run (SQLite, or PostgreSQL when the suite runs on it)."""
    data = tmp_path_factory.mktemp("shared-limits")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "CACHE_URL"}
    }
    env.update(MURA_DATA_DIR=str(data), MURA_DEMO="1", DEBUG="0", MURA_PROXY_COUNT="1")
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        env["DATABASE_URL"] = postgres_database(url)
        query = postgres_query(env["DATABASE_URL"])
    else:
        query = sqlite_query(data / "mura.sqlite3")
    subprocess.run([*MURA, "migrate", "-v0"], env=env, check=True, timeout=600)
    subprocess.run([*MURA, "shell", "-c", LOAD_DEMO], env=env, check=True, timeout=600)
    subprocess.run(
        [*MURA, "collectstatic", "--noinput", "-v0"], env=env, check=True, timeout=600
    )
    yield {"env": env, "query": query}
    if url.startswith("postgres"):
        postgres_database(url, drop_only=True)


@pytest.fixture(scope="module", params=["database", "redis"])
def servers(request, installation):
    """Two separate gunicorn processes over the installation, sharing the database
    cache (no CACHE_URL) or Redis; yields their addresses."""
    env = dict(installation["env"])
    if request.param == "redis":
        require(redis_available(), f"Redis is not running at {REDIS_URL}")

        redis.Redis.from_url(REDIS_URL).flushdb()
        env["CACHE_URL"] = REDIS_URL
    processes, bases = [], []
    for port in free_ports(2):
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "mura.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base in bases:
            for _ in range(120):
                try:
                    urllib.request.urlopen(base + "/robots.txt", timeout=2)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.5)
            else:
                pytest.fail(f"{base} did not answer")
        yield bases
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        if request.param == "redis":
            redis.Redis.from_url(REDIS_URL).flushdb()


def stored_comments(reader: Reader) -> int:
    return reader.query(
        "SELECT count(*) FROM comments_comment WHERE body = %s", [reader.body]
    )[0]


def test_five_comments_a_minute_in_all_across_two_server_processes(
    servers, installation
):
    reader = Reader(installation["query"], "198.51.100.1")
    bases = servers
    # Each form is shown by one process and sent to the other: the CAPTCHA store is
    # shared too.
    forms = [reader.form(bases[number % 2]) for number in range(12)]
    statuses = [
        reader.post(bases[(number + 1) % 2], data) for number, data in enumerate(forms)
    ]
    assert statuses.count(302) == 5, statuses
    assert statuses.count(429) == 7, statuses
    assert stored_comments(reader) == 5


def test_comments_sent_at_the_same_moment_lose_no_count(servers, installation):
    reader = Reader(installation["query"], "198.51.100.2")
    bases = servers
    forms = [reader.form(bases[number % 2]) for number in range(12)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(
            pool.map(
                lambda item: reader.post(bases[(item[0] + 1) % 2], item[1]),
                enumerate(forms),
            )
        )
    assert statuses.count(302) == 5, statuses
    assert stored_comments(reader) == 5
