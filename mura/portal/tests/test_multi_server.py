"""More than one server: two `mura serve` instances on data folders of their own behind
nginx, sharing PostgreSQL (with a hot standby made by pg_basebackup for readers' reads),
Redis and media in S3 (moto's server). What one server does, the other shows at once;
stopping one under load costs no more than the requests it was serving.

The first tests drive the database router in this process against the same standby."""

import http.client
import http.cookiejar
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import psycopg
import pytest
import redis
from django.contrib.auth.models import User
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.http import JsonResponse
from PIL import Image as PILImage

from mura.comments.tests.test_shared_limits import ARTICLE, Reader, postgres_query
from mura.conftest import require
from mura.institutions.tests.factories import InstitutionFactory
from mura.interop.tests.test_import_runs import marc_file
from mura.portal import replica as router
from mura.portal.replica import PIN_COOKIE, REPLICA, ReplicaMiddleware
from mura.portal.tests.conftest import (
    S3_CREDENTIALS,
    S3_REGION,
    free_port,
    s3_bucket,
    s3_client,
    wait_for,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.multiserver,
    # The servers' database is a copy of the test database (its migrated template).
    pytest.mark.django_db,
]

MURA = [sys.executable, "-m", "mura.cli"]
NGINX = "/usr/sbin/nginx"
REDIS_URL = "redis://127.0.0.1:6379/6"
OTHER_ARTICLE = "/news/international-forum-toraighyrov-library-125/"
LIBRARY = urllib.parse.quote("кітапхана")
SETUP = """
import io, importlib
from django.contrib.auth.models import User
for app in ("institutions", "portal", "news"):
    importlib.import_module(f"mura.{app}.demo").load(stdout=io.StringIO())
User.objects.create_superuser("editor", "editor@example.org", "two-servers")
"""


# The router in this process, reading from the standby ---------------------------------


@pytest.fixture(scope="module")
def replica_alias(standby, django_db_setup):
    """The standby as this process's "replica" database: it holds the test database,
    replicated (a mirror of "default" to the test framework, which flushes only that)."""
    default = connections.settings[DEFAULT_DB_ALIAS]
    connections.settings[REPLICA] = {
        **default,
        "HOST": "127.0.0.1",
        "PORT": str(standby.port),
        "TEST": {**default["TEST"], "MIRROR": DEFAULT_DB_ALIAS},
    }
    yield
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def replica(replica_alias, standby, settings, monkeypatch):
    """Readers' reads routed to the standby; its replay is resumed afterwards."""
    settings.DATABASES = {**settings.DATABASES, REPLICA: connections.settings[REPLICA]}
    monkeypatch.setattr(
        router, "_standby", {"replayed": -1, "checked_at": -60.0, "answers": False}
    )
    yield standby
    standby.replay_resume()
    connections[REPLICA].close()


in_process = pytest.mark.django_db(
    transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA]
)


def users_seen(request) -> JsonResponse:
    """Which accounts the request sees: first, inside a transaction, after it, and
    after writing one (when asked to write)."""

    def names() -> list[str]:
        return sorted(User.objects.values_list("username", flat=True))

    seen = {"first": names()}
    with transaction.atomic():
        seen["in a transaction"] = names()
    seen["after the transaction"] = names()
    if request.GET.get("write"):
        User.objects.create(username="written-by-the-request")
        seen["after its write"] = names()
    return JsonResponse(seen)


def ask(rf, method: str = "get", path: str = "/", **cookies) -> tuple[dict, object]:
    request = getattr(rf, method)(path)
    request.COOKIES.update(cookies)
    response = ReplicaMiddleware(users_seen)(request)
    return json.loads(response.content), response


@in_process
def test_a_reader_reads_the_standby_and_a_write_or_a_transaction_the_primary(
    replica, rf
):
    User.objects.create(username="replayed")
    replica.catch_up()
    replica.replay_pause()
    User.objects.create(username="not-replayed")

    seen, _ = ask(rf, path="/?write=1")
    assert seen["first"] == ["replayed"]
    assert "not-replayed" in seen["in a transaction"]
    assert seen["after the transaction"] == ["replayed"]
    assert seen["after its write"] == [
        "not-replayed",
        "replayed",
        "written-by-the-request",
    ]


@in_process
def test_a_reader_who_posted_or_signed_in_reads_the_primary(replica, rf, settings):
    replica.catch_up()
    replica.replay_pause()
    User.objects.create(username="not-replayed")

    seen, response = ask(rf, "post")
    assert "not-replayed" in seen["first"]
    assert response.cookies[PIN_COOKIE]["max-age"] == router.PIN_SECONDS
    assert "not-replayed" in ask(rf, **{PIN_COOKIE: "1"})[0]["first"]
    assert "not-replayed" in ask(rf, **{settings.SESSION_COOKIE_NAME: "x"})[0]["first"]
    assert "not-replayed" not in ask(rf)[0]["first"]


@in_process
def test_after_a_change_readers_read_the_primary_until_the_standby_replays_it(
    replica, rf
):
    replica.catch_up()
    replica.replay_pause()
    User.objects.create(username="before-the-change")
    assert ask(rf)[0]["first"] == []

    InstitutionFactory()  # a change readers see: its WAL position is recorded
    assert ask(rf)[0]["first"] == ["before-the-change"]

    replica.replay_resume()
    replica.catch_up()
    replica.replay_pause()
    User.objects.create(username="after-the-change")
    assert ask(rf)[0]["first"] == ["before-the-change"]


@in_process
def test_a_standby_that_does_not_answer_leaves_reads_on_the_primary(
    replica, rf, monkeypatch
):
    monkeypatch.setitem(connections.settings[REPLICA], "PORT", str(free_port()))
    User.objects.create(username="on-the-primary")
    seen, response = ask(rf)
    assert response.status_code == 200
    assert seen["first"] == ["on-the-primary"]


# Two servers behind nginx --------------------------------------------------------------


class Browser:
    """One person's cookies, talking to one server or another."""

    def __init__(self, address: str = "198.51.100.20"):
        self.address = address  # as the reverse proxy in front reports it
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect(),
        )

    def open(self, url: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(  # noqa: S310 - our own test servers
            url, data=data, headers={"X-Forwarded-For": self.address, **(headers or {})}
        )
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            return response.status, response.read(), response.headers

    def form(self, url: str) -> dict[str, str]:
        status, body, _ = self.open(url)
        assert status == 200, (url, status)
        return {"csrfmiddlewaretoken": _csrf(body)}

    def post(self, url: str, fields: dict[str, str]):
        return self.open(url, urllib.parse.urlencode(fields).encode())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _csrf(html: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1].decode()


def _multipart(
    fields: dict[str, str],
    name: str,
    filename: str,
    content: bytes,
    content_type: str = "image/png",
):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
        f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def _until(check, seconds: float) -> float:
    """Seconds until ``check()`` holds (fails after ``seconds``)."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > seconds:
            pytest.fail(f"not so after {seconds} s")
        time.sleep(0.05)
    return time.monotonic() - started


@pytest.fixture(scope="module")
def installation(
    standby, s3_endpoint, django_db_setup, django_db_blocker, tmp_path_factory
):
    """A copy of the run's migrated test database with the demo's institutions, home
    and news and an editor, and the settings both servers share."""
    require(os.path.exists(NGINX), f"nginx is not installed at {NGINX}")
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError:
        require(False, f"Redis is not running at {REDIS_URL}")
    with django_db_blocker.unblock():
        template = connection.settings_dict["NAME"]
        connections.close_all()
    name = f"{template}_multi"
    with psycopg.connect(**standby.primary, dbname="postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    primary_url = standby.url(name).replace(
        f":{standby.port}/", f":{standby.primary['port']}/"
    )
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "CACHE_URL",
            "MURA_DEMO",
            "DEBUG",
        }
    }
    env.update(
        S3_CREDENTIALS,
        SECRET_KEY=uuid.uuid4().hex * 2,  # the same on every server
        MURA_HTTPS="off",
        DATABASE_URL=primary_url,
        DATABASE_REPLICA_URL=standby.url(name),
        CACHE_URL=REDIS_URL,
        MEDIA_STORAGE="s3",
        MEDIA_S3_BUCKET=s3_bucket(s3_endpoint),
        MEDIA_S3_ENDPOINT_URL=s3_endpoint,
        MEDIA_S3_REGION=S3_REGION,
        MURA_PROXY_COUNT="1",
        MURA_DATA_DIR=str(tmp_path_factory.mktemp("multi-setup")),
    )
    subprocess.run([*MURA, "shell", "-c", SETUP], env=env, check=True, timeout=300)
    yield {"env": env, "url": primary_url, "query": postgres_query(primary_url)}
    redis.Redis.from_url(REDIS_URL).flushdb()
    with psycopg.connect(**standby.primary, dbname="postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def servers(installation, tmp_path_factory):
    """Two `mura serve` instances (each with its task worker) and nginx in front;
    yields their addresses and processes."""
    nginx_port = free_port()
    ports = [free_port({nginx_port})]
    ports.append(free_port({nginx_port, *ports}))
    folder = tmp_path_factory.mktemp("multi-nginx")
    upstreams = "".join(
        f"server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in ports
    )
    temp_paths = "".join(
        f"{kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"daemon off; worker_processes 1; pid {folder / 'nginx.pid'};"
        f"error_log {folder / 'error.log'};"
        "events { worker_connections 512; }"
        f"http {{ access_log off; {temp_paths}"
        f"upstream mura {{ {upstreams} }}"
        f"server {{ listen 127.0.0.1:{nginx_port};"
        "location / { proxy_pass http://mura; proxy_set_header Host $http_host;"
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"
        "proxy_next_upstream error timeout http_502; proxy_connect_timeout 2s; } } }"
    )
    site = f"http://127.0.0.1:{nginx_port}"
    processes = {}
    for label, port in zip("ab", ports, strict=True):
        data = tmp_path_factory.mktemp(f"multi-{label}")
        env = {**installation["env"], "MURA_DATA_DIR": str(data), "MURA_SITE_URL": site}
        with (data / "serve.log").open("wb") as log:
            processes[label] = subprocess.Popen(
                [*MURA, "serve", "--port", str(port), "--workers", "2"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
    processes["nginx"] = subprocess.Popen(
        [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")],
        stderr=subprocess.DEVNULL,
    )
    bases = {"a": f"http://127.0.0.1:{ports[0]}", "b": f"http://127.0.0.1:{ports[1]}"}
    try:
        for base in [*bases.values(), site]:
            wait_for(base + "/healthz", 600)
        yield {**bases, "site": site, "processes": processes}
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes.values():
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def editor(servers) -> Browser:
    """The editor, signed in through server A."""
    browser = Browser()
    fields = browser.form(servers["a"] + "/admin/login/")
    status, _, headers = browser.post(
        servers["a"] + "/admin/login/",
        {**fields, "username": "editor", "password": "two-servers", "next": "/admin/"},
    )
    assert (status, headers["Location"]) == (302, "/admin/")
    return browser


def test_signed_in_through_one_server_stays_signed_in_through_the_other(
    servers, editor
):
    status, body, _ = editor.open(servers["b"] + "/admin/")
    assert status == 200
    assert b'name="logout"' in body or b"/admin/logout/" in body
    assert Browser().open(servers["b"] + "/admin/")[0] == 302


def _page_id(installation, path: str) -> int:
    (page_id,) = installation["query"](
        "SELECT p.id FROM wagtailcore_page p JOIN wagtailcore_locale l"
        " ON l.id = p.locale_id WHERE p.slug = %s AND l.language_code = 'kk'",
        [path.strip("/").rsplit("/", 1)[-1]],
    )
    return page_id


def test_a_page_unpublished_on_one_server_is_gone_from_the_other_at_once(
    servers, installation, editor
):
    reader, page = Browser(), _page_id(installation, OTHER_ARTICLE)
    # The first answer sets the reader's CSRF cookie, and one that sets a cookie is not
    # kept: the second is kept, the third served from the shared cache.
    answers = [reader.open(servers["b"] + OTHER_ARTICLE) for _ in range(3)]
    assert [status for status, _, _ in answers] == [200] * 3
    assert answers[-1][2]["X-Mura-Page-Cache"] == "hit"

    address = f"{servers['a']}/admin/pages/{page}/unpublish/"
    assert editor.post(address, editor.form(address))[0] == 302
    gone = _until(lambda: reader.open(servers["b"] + OTHER_ARTICLE)[0] == 404, 3)

    # Published again through the other server, with the session made on the first.
    address = f"{servers['b']}/admin/bulk/wagtailcore/page/publish/?id={page}"
    assert editor.post(address, editor.form(address))[0] == 302
    back = _until(lambda: reader.open(servers["a"] + OTHER_ARTICLE)[0] == 200, 3)
    assert max(gone, back) < 2


def _institution_names(base: str) -> set[str]:
    status, body, _ = Browser().open(base + "/api/v1/institutions")
    assert status == 200
    return {row["name_kk"] for row in json.loads(body)["results"]}


def test_readers_read_the_standby_but_never_older_than_a_published_change(
    servers, installation, standby, editor
):
    (slug, name) = installation["query"](
        "SELECT slug, name_kk FROM institutions_institution ORDER BY id LIMIT 1", []
    )
    standby.catch_up()
    standby.replay_pause()
    try:
        # Written behind Mura's back: no server knows to wait for it.
        with psycopg.connect(installation["url"], autocommit=True) as db:
            db.execute(
                "UPDATE institutions_institution SET name_kk = name_kk || ' (жаңа)'"
                " WHERE slug = %s",
                [slug],
            )
        assert name in _institution_names(servers["a"])
        assert name in _institution_names(servers["b"])

        # A page unpublished through Mura: readers see it at once, from the primary.
        page = _page_id(installation, OTHER_ARTICLE)
        address = f"{servers['a']}/admin/pages/{page}/unpublish/"
        assert editor.post(address, editor.form(address))[0] == 302
        _until(lambda: f"{name} (жаңа)" in _institution_names(servers["b"]), 3)
    finally:
        standby.replay_resume()
    address = f"{servers['b']}/admin/bulk/wagtailcore/page/publish/?id={page}"
    assert editor.post(address, editor.form(address))[0] == 302


def test_comment_limits_hold_across_the_servers(servers, installation):
    reader = Reader(installation["query"], "198.51.100.31")
    forms = [reader.form(servers["ab"[number % 2]]) for number in range(7)]
    statuses = [
        reader.post(servers["ab"[(number + 1) % 2]], data)
        for number, data in enumerate(forms)
    ]
    assert statuses == [302] * 5 + [429] * 2


def test_search_facets_agree(servers):
    answers = [
        json.loads(Browser().open(servers[label] + f"/api/v1/search?q={LIBRARY}")[1])
        for label in "ab"
    ]
    assert answers[0]["count"] >= 1
    assert answers[0]["facets"]
    assert answers[0]["facets"] == answers[1]["facets"]


def test_a_picture_uploaded_through_one_server_is_served_by_the_other(
    servers, editor, installation
):
    picture = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 40, 40)).save(picture, "PNG")
    address = servers["a"] + "/admin/images/add/"
    body, headers = _multipart(
        {**editor.form(address), "title": "Екі сервер"},
        "file",
        "two-servers.png",
        picture.getvalue(),
    )
    assert editor.open(address, body, headers)[0] == 302
    (name,) = installation["query"](
        "SELECT file FROM wagtailimages_image WHERE title = %s", ["Екі сервер"]
    )
    status, served, headers = Browser().open(f"{servers['b']}/media/{name}")
    assert (status, headers["Content-Type"]) == (200, "image/png")
    assert served == picture.getvalue()
    bucket = installation["env"]["MEDIA_S3_BUCKET"]
    endpoint = installation["env"]["MEDIA_S3_ENDPOINT_URL"]
    assert Browser().open(f"{endpoint}/{bucket}/{name}")[0] == 403


def _task_worker(serve: subprocess.Popen) -> int:
    """The pid of the task worker a `mura serve` process runs."""
    for task in os.listdir(f"/proc/{serve.pid}/task"):
        with open(f"/proc/{serve.pid}/task/{task}/children") as children:
            for pid in children.read().split():
                with open(f"/proc/{pid}/cmdline", "rb") as command:
                    if command.read().split(b"\0")[-2:-1] == [b"worker"]:
                        return int(pid)
    pytest.fail("no task worker under mura serve")


def test_a_file_uploaded_through_one_server_is_imported_by_the_others_worker(
    servers, editor, installation, tmp_path
):
    (institution,) = installation["query"](
        "SELECT id FROM institutions_institution ORDER BY id LIMIT 1", []
    )
    address = servers["a"] + "/admin/imports/"
    body, headers = _multipart(
        {
            **editor.form(address),
            "institution": institution,
            "format": "marc21",
            "encoding": "auto",
        },
        "file",
        "two-servers.mrc",
        marc_file(tmp_path / "books.mrc", count=3).read_bytes(),
        "application/marc",
    )
    worker_a = _task_worker(servers["processes"]["a"])
    os.kill(worker_a, signal.SIGSTOP)  # so server B's worker takes the import
    try:
        assert editor.open(address, body, headers)[0] == 302

        def run() -> tuple:
            return installation["query"](
                "SELECT status, created, path FROM interop_importrun"
                " WHERE file_name = %s",
                ["two-servers.mrc"],
            )

        _until(lambda: run()[0] in {"done", "failed"}, 30)
    finally:
        os.kill(worker_a, signal.SIGCONT)
    status, created, path = run()
    assert (status, created) == ("done", 3)
    bucket = installation["env"]["MEDIA_S3_BUCKET"]
    endpoint = installation["env"]["MEDIA_S3_ENDPOINT_URL"]
    listing = s3_client(endpoint).list_objects_v2(Bucket=bucket, Prefix="imports/")
    assert path.startswith("imports/")
    assert listing["KeyCount"] == 0  # deleted once imported


def test_the_task_workers_of_both_servers_run_each_task_once(servers, installation):
    subprocess.run(
        [
            *MURA,
            "shell",
            "-c",
            "from mura.portal.tests.multi_server_tasks import tally\n"
            "for number in range(40): tally.enqueue(number)",
        ],
        env=installation["env"],
        check=True,
        timeout=120,
    )

    def results():
        with psycopg.connect(installation["url"]) as db:
            return db.execute(
                "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult"
                " WHERE task_path LIKE '%%multi_server_tasks.tally'"
            ).fetchall()

    _until(lambda: [status for status, _ in results()] == ["SUCCESSFUL"] * 40, 60)
    workers = [ids for _, ids in results()]
    assert all(len(ids) == 1 for ids in workers)
    assert len({ids[0] for ids in workers}) == 2  # both servers' workers took part
    tallies = redis.Redis.from_url(REDIS_URL).mget(
        [f"default:1:mura-test:tally:{number}" for number in range(40)]
    )
    assert tallies == [b"1"] * 40


def test_stopping_one_server_under_load_costs_only_its_requests_in_flight(servers):
    paths = [ARTICLE, OTHER_ARTICLE, f"/search/?q={LIBRARY}", "/api/v1/news", "/ru/"]
    outcomes: list[tuple[float, int | str]] = []
    in_flight = [0]
    lock, stop = threading.Lock(), threading.Event()

    def read(number: int) -> None:
        while not stop.is_set():
            path = paths[number % len(paths)]
            number += 1
            with lock:
                in_flight[0] += 1
            try:
                address = servers["site"] + path
                with urllib.request.urlopen(address, timeout=30) as answer:  # noqa: S310
                    outcome = answer.status
            except urllib.error.HTTPError as error:
                outcome = error.code
            except (OSError, http.client.HTTPException) as error:
                outcome = type(error).__name__
            with lock:
                in_flight[0] -= 1
                outcomes.append((time.monotonic(), outcome))

    threads = [threading.Thread(target=read, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    with lock:
        serving = in_flight[0]
    servers["processes"]["a"].send_signal(signal.SIGTERM)
    servers["processes"]["a"].wait(timeout=30)
    stopped = time.monotonic()
    time.sleep(3)
    stop.set()
    for thread in threads:
        thread.join()

    errors = [outcome for _, outcome in outcomes if outcome != 200]
    after = [outcome for at, outcome in outcomes if at > stopped]
    figures = f"{len(outcomes)} requests, {serving} in flight at the stop: {errors}"
    assert len(errors) <= serving, figures
    assert after and set(after) == {200}
