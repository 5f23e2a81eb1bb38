"""The systemd units and the nginx site in deploy/ are valid for the tools that read
them, and nginx with the site passes requests on the way Mura expects."""

import json
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.conf import settings

from mura.conftest import require

DEPLOY = Path(settings.BASE_DIR) / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def test_the_systemd_units_verify(tmp_path):
    require(bool(shutil.which("systemd-analyze")), "systemd-analyze is not installed")
    units = []
    for unit in sorted((DEPLOY / "systemd").iterdir()):
        # The checkout stands in for /srv/mura, so ExecStart names a real program.
        text = unit.read_text().replace("/srv/mura", str(settings.BASE_DIR))
        (tmp_path / unit.name).write_text(text)
        units.append(str(tmp_path / unit.name))
    assert {Path(unit).name for unit in units} == {
        "mura-backup.service",
        "mura-backup.timer",
        "mura-web.service",
        "mura-worker.service",
    }
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *units],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # an unknown key is only a warning


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Echo(BaseHTTPRequestHandler):
    """Answers with the headers it was sent, as the Mura server behind nginx sees them."""

    def do_GET(self):
        body = json.dumps(dict(self.headers.items())).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def nginx_site(tmp_path):
    """The site config served by nginx on free ports, in front of `Echo`."""
    require(Path(NGINX).exists(), "nginx is not installed")
    require(bool(shutil.which("openssl")), "openssl is not installed")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=mura.example.kz", "-keyout", str(tmp_path / "key.pem")]
        + ["-out", str(tmp_path / "cert.pem")],
        check=True,
        capture_output=True,
    )
    backend = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    http_port, https_port = free_port(), free_port()
    # nginx's workers read static files as an unprivileged user (www-data on Debian).
    static = Path(tempfile.mkdtemp(prefix="mura-static-"))
    static.chmod(0o755)
    live = "/etc/letsencrypt/live/mura.example.kz/"
    site = (
        (DEPLOY / "nginx" / "mura.conf")
        .read_text()
        .replace(live + "fullchain.pem", str(tmp_path / "cert.pem"))
        .replace(live + "privkey.pem", str(tmp_path / "key.pem"))
        .replace("/var/log/nginx/", f"{tmp_path}/")
        .replace("/var/lib/mura/static/", f"{static}/")
        .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{backend.server_port};")
        .replace("listen [::]:80;", "")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    )
    (static / "site.css").write_text("body{}")
    (static / "site.css").chmod(0o644)
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    )
    command = [NGINX, "-p", str(tmp_path), "-e", str(tmp_path / "error.log")]
    command += ["-c", str(tmp_path / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([*command, "-g", "daemon off;"])
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)
    yield http_port, https_port
    server.terminate()
    server.wait(timeout=10)
    backend.shutdown()
    shutil.rmtree(static)


def fetch(url: str) -> tuple[int, dict, bytes]:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), NoRedirect
    )
    request = urllib.request.Request(url, headers={"Host": "mura.example.kz"})  # noqa: S310
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_nginx_sends_readers_to_https_and_tells_mura_how_they_came(nginx_site):
    http_port, https_port = nginx_site
    status, headers, _body = fetch(f"http://127.0.0.1:{http_port}/news/?page=2")
    assert status == 301
    assert headers["Location"] == "https://mura.example.kz/news/?page=2"

    status, _headers, body = fetch(f"https://127.0.0.1:{https_port}/news/")
    seen = json.loads(body)
    assert status == 200
    assert seen["Host"] == "mura.example.kz"
    assert seen["X-Forwarded-Proto"] == "https"
    assert seen["X-Forwarded-For"] == "127.0.0.1"
    assert len(seen["X-Request-ID"]) == 32

    status, headers, body = fetch(f"https://127.0.0.1:{https_port}/static/site.css")
    assert (status, body) == (200, b"body{}")
    assert headers["Content-Type"] == "text/css"
