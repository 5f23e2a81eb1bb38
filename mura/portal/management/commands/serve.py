import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from mura.portal.addresses import site_sync
from mura.portal.gunicorn import gunicorn_command
from mura.portal.worker import WorkerSupervisor

#: How often the worker process is looked at while gunicorn serves.
SUPERVISE_SECONDS = 1.0


def served_url(address: str) -> str:
    """The address readers reach ``host:port`` at (a wildcard host means this machine)."""
    host, _sep, port = address.rpartition(":")
    if host in {"0.0.0.0", "::", "[::]", ""}:  # noqa: S104 - a comparison, not a bind
        host = "127.0.0.1"
    return f"http://{host}:{port}"


class Command(BaseCommand):
    help = "Serve the portal with gunicorn and whitenoise, and run the background task worker."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=3)
        parser.add_argument(
            "--no-worker", action="store_true", help="Do not start the task worker."
        )

    def handle(self, *args, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        address = f"{options['host']}:{options['port']}"
        # Links made without a request (e-mails from the worker) use the address served
        # here, unless MURA_SITE_URL names the public one (behind a proxy).
        site_url = os.environ.get("MURA_SITE_URL", "").rstrip("/") or served_url(
            address
        )
        os.environ["MURA_SITE_URL"] = site_url
        site_sync(site_url)
        worker = None
        if not options["no_worker"]:
            worker = WorkerSupervisor(
                command=[sys.executable, "-m", "mura.cli", "worker"],
                log=lambda line: self.stderr.write(line),
            )
            worker.check()
        self.stdout.write(
            f"Mura is serving at http://{address}/, its address is {site_url}/ "
            "(Ctrl+C stops it)"
        )
        server = subprocess.Popen(  # noqa: S603
            gunicorn_command(
                address,
                options["workers"],
                # As JSON, Django logs each request itself (portal/request_log.py).
                access_log=settings.MURA_LOG_FORMAT != "json",
            )
        )
        stopping = False

        def stop(signum, frame):
            # A `kill` of this command must not leave gunicorn or the worker behind.
            nonlocal stopping
            stopping = True
            if server.poll() is None:
                server.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping:
                try:
                    server.wait(timeout=SUPERVISE_SECONDS)
                    break
                except subprocess.TimeoutExpired:
                    if worker is not None:
                        worker.check()
        except KeyboardInterrupt:
            pass
        finally:
            stop(signal.SIGTERM, None)
            if worker is not None:
                worker.stop()
            server.wait()
