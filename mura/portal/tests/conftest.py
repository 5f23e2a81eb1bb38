"""The S3 stand-in (moto's server) and the PostgreSQL standby the media, replica and
two-server tests use."""

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import boto3
import psycopg
import pytest

from mura.conftest import require

#: Ports this suite's servers take (the S3 stand-in, nginx, the servers, the standby).
PORTS = range(8190, 8200)
S3_REGION = "us-east-1"
# moto takes any credentials; boto3 wants some.
S3_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "mura-test",
    "AWS_SECRET_ACCESS_KEY": "mura-test",
}


def free_port(taken: set[int] = frozenset()) -> int:
    for port in PORTS:
        if port in taken:
            continue
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.fail(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own test server
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer in {seconds} s")


@pytest.fixture(scope="session")
def s3_endpoint():
    """The address of a running moto S3 server."""
    require(
        importlib.util.find_spec("moto") is not None,
        "moto's S3 server is not installed (the dev group of pyproject.toml)",
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(endpoint)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def s3_client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=S3_REGION,
        aws_access_key_id=S3_CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )


def s3_bucket(endpoint: str) -> str:
    """A new private bucket's name."""
    name = f"mura-{uuid.uuid4().hex[:12]}"
    s3_client(endpoint).create_bucket(Bucket=name)
    return name


@dataclass
class Standby:
    """A hot standby of the test run's PostgreSQL, streaming from it."""

    primary: dict  #: the primary's connection parameters (host, port, user, password)
    port: int

    def url(self, database: str) -> str:
        user, password = self.primary["user"], self.primary.get("password")
        login = f"{user}:{password}" if password else user
        return f"postgres://{login}@127.0.0.1:{self.port}/{database}"

    def _query(self, sql: str, **where):
        with psycopg.connect(**{**self.primary, "dbname": "postgres", **where}) as db:
            return db.execute(sql).fetchone()

    def replay_pause(self) -> None:
        self._query("SELECT pg_wal_replay_pause()", host="127.0.0.1", port=self.port)

    def replay_resume(self) -> None:
        self._query("SELECT pg_wal_replay_resume()", host="127.0.0.1", port=self.port)

    def catch_up(self, seconds: float = 30) -> None:
        """Wait until the standby has replayed everything the primary has written."""
        (target,) = self._query("SELECT pg_current_wal_lsn()::text")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            (replayed,) = self._query(
                f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn",
                host="127.0.0.1",
                port=self.port,
            )
            if replayed:
                return
            time.sleep(0.05)
        pytest.fail(f"the standby did not replay up to {target} in {seconds} s")


def _as(user: str | None, command: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *command] if user else command


@pytest.fixture(scope="session")
def standby(tmp_path_factory):
    """A hot standby made with pg_basebackup from the PostgreSQL at DATABASE_URL, started
    with pg_ctl on a port of this suite's own (as the postgres user when run as root)."""
    url = os.environ.get("DATABASE_URL", "")
    require(url.startswith("postgres"), "the standby needs PostgreSQL at DATABASE_URL")
    address = urllib.parse.urlsplit(url)
    primary = {
        "host": address.hostname or "127.0.0.1",
        "port": address.port or 5432,
        "user": urllib.parse.unquote(address.username or "postgres"),
    }
    if address.password:
        primary["password"] = urllib.parse.unquote(address.password)
    with psycopg.connect(**primary, dbname="postgres") as db:
        (version,) = db.execute("SHOW server_version_num").fetchone()
    bindir = Path(f"/usr/lib/postgresql/{int(version) // 10000}/bin")
    require(
        (bindir / "pg_basebackup").exists() and (bindir / "pg_ctl").exists(),
        f"pg_basebackup and pg_ctl are not installed in {bindir}",
    )
    user = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="multiserver-standby-"))
    if user:
        shutil.chown(folder, user)
    data, port = folder / "data", free_port()
    conninfo = " ".join(f"{key}={value}" for key, value in primary.items())
    subprocess.run(
        _as(user, [str(bindir / "pg_basebackup"), "-d", conninfo, "-D", str(data)])
        + ["-R", "-X", "stream", "--checkpoint=fast", "--no-sync"],
        check=True,
        timeout=300,
    )
    config = folder / "standby.conf"
    (folder / "hba.conf").write_text("host all all 127.0.0.1/32 trust\n")
    (folder / "ident.conf").write_text("")
    config.write_text(
        f"port = {port}\nlisten_addresses = '127.0.0.1'\n"
        f"unix_socket_directories = '{folder}'\nhba_file = '{folder / 'hba.conf'}'\n"
        f"ident_file = '{folder / 'ident.conf'}'\n"
        "hot_standby = on\nfsync = off\n"
    )
    # A hot standby opens once the primary logs a moment without a transaction whose
    # subtransactions overflowed (every 15 s): a long one elsewhere on the cluster delays it.
    pg_ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-w", "-t", "300"]
    options = f"-c config_file={config}"
    try:
        subprocess.run(
            _as(user, [*pg_ctl, "-o", options, "-l", str(folder / "log"), "start"]),
            check=True,
            timeout=360,
            stdout=subprocess.DEVNULL,
        )
        yield Standby(primary, port)
    finally:
        subprocess.run(_as(user, [*pg_ctl, "-m", "immediate", "stop"]), timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
