"""Acceptance benchmark of issue 12: an import of N records on SQLite while the site
serves. Readers' pages and comments must keep answering within a second, the task
worker must be alive afterwards and every queued task must have run.

    .venv/bin/python bench/import_while_serving.py --records 10000 --port 8150

It makes a fresh SQLite data folder (or uses --data-dir), loads the demo content
(`mura demo`), starts `mura serve` with MURA_RATELIMITS=off, writes N generated CSV
records and runs `mura import` on them while threads read the home page, a news
article, a search and a catalogue item and post comments (the CAPTCHA answer read
from the database). Then it waits for the task queue to drain. It prints a JSON
summary and exits 1 when a check failed. `--no-demo` (with a migrated --data-dir)
skips the demo content: pages then come from the imported records and no comment is
posted, which is what the test suite's short version does."""

import argparse
import csv
import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MURA = [sys.executable, "-m", "mura.cli"]
INSTITUTION = "bench-import-library"
LIMIT_SECONDS = 1.0
SURNAMES = "Әуезов Тәжібаев Торайғыров Сейфуллин Мүсірепов Жансүгіров Дулатов Ахметов Сәтбаев Марғұлан Иванов Потанин Васильев".split()
GIVEN = "Мұхтар Әбділда Сұлтанмахмұт Сәкен Ғабит Ілияс Міржақып Әлкей Қаныш Павел Григорий Айгүл Гүлнар".split()
WORDS = "Сыр бойы дала өлке тарих жыр ел ұрпақ мұра кітап шежіре әдебиет өнер халық тіл сөз".split()
SUBJECTS = "Тарих;Әдебиет;Өлкетану;Этнография;Археология;Поэзия;Білім беру;Музей ісі;Кітапхана ісі;Мәдениет".split(
    ";"
)
CREATE_INSTITUTION = f"""
import django
django.setup()
from mura.institutions.models import Institution
Institution.objects.update_or_create(
    slug="{INSTITUTION}", defaults={{"kind": "library", "name_kk": "Бенчмарк кітапханасы"}}
)
"""


def records_write(path: Path, count: int, seed: int = 12) -> None:
    """N book records by N/25 authors (authors recur, as in a library's real export)
    on seventy subjects; each new authority is a Wagtail search task for the worker."""
    rng = random.Random(seed)
    authors = [
        f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)} {n}"
        for n in range(max(2, count // 25))
    ]
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "title", "author", "year", "publisher", "subjects"])
        for number in range(1, count + 1):
            author = rng.choice(authors)
            title = " ".join(rng.choices(WORDS, k=rng.randint(2, 6))).capitalize()
            subjects = ";".join(
                f"{subject} {number % 7}" for subject in rng.sample(SUBJECTS, 2)
            )
            writer.writerow(
                [
                    f"bench-{number}",
                    title,
                    author,
                    rng.randint(1900, 2025),
                    "Фолиант",
                    subjects,
                ]
            )


class Samples:
    """Answer times per page kind, kept apart per phase (before / during the import)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.phase = "during"
        self.latency: dict[tuple[str, str], list[float]] = {}
        self.errors: dict[tuple[str, str], list[str]] = {}

    def add(self, kind: str, seconds: float, error: str = "") -> None:
        with self.lock:
            key = (self.phase, kind)
            self.latency.setdefault(key, []).append(seconds)
            if error:
                self.errors.setdefault(key, []).append(error)

    def summary(self, phase: str) -> dict:
        result = {}
        for (of_phase, kind), values in sorted(self.latency.items()):
            if of_phase != phase:
                continue
            ordered = sorted(values)
            errors = self.errors.get((phase, kind), [])
            result[kind] = {
                "count": len(values),
                "p50_ms": round(statistics.median(ordered) * 1000),
                "p95_ms": round(
                    ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000
                ),
                "max_ms": round(ordered[-1] * 1000),
                "errors": errors[:5],
                "error_count": len(errors),
            }
        return result


def fetch(opener, url: str, data: bytes | None = None) -> tuple[int, str]:
    try:
        with opener.open(url, data=data, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def read_pages(
    base: str, pages: dict[str, str], samples: Samples, stop: threading.Event
) -> None:
    opener = urllib.request.build_opener()
    while not stop.is_set():
        for kind, path in list(pages.items()):
            started = time.perf_counter()
            try:
                status, _body = fetch(opener, base + path)
                error = "" if status == 200 else f"HTTP {status}"
            except OSError as exc:
                error = f"{type(exc).__name__}: {exc}"
            samples.add(kind, time.perf_counter() - started, error)
        time.sleep(0.05)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post_comments(
    base: str, article: str, database: Path, samples: Samples, stop: threading.Event
) -> None:
    """A reader's comment every second: the form page, then the POST with the CAPTCHA
    answer the database holds for the form's key."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), NoRedirect
    )
    number = 0
    while not stop.is_set():
        number += 1
        _status, page = fetch(opener, base + article)
        form = page[page.find('id="comment-form"') :]
        fields = dict(
            re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
        )
        key = re.search(
            r'name="captcha_0"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="captcha_0"',
            form,
        )
        hashkey = next(group for group in key.groups() if group) if key else ""
        with sqlite3.connect(database, timeout=30) as db:
            row = db.execute(
                "SELECT response FROM captcha_captchastore WHERE hashkey = ?", [hashkey]
            ).fetchone()
        fields.update(
            name=f"Оқырман {number}",
            email=f"reader{number}@example.org",
            body=f"Рақмет, өте қызықты жаңалық! ({number})",
            website="",
            captcha_0=hashkey,
            captcha_1=row[0] if row else "",
        )
        started = time.perf_counter()
        try:
            status, body = fetch(
                opener,
                base + "/comments/post/",
                urllib.parse.urlencode(fields).encode(),
            )
            error = "" if status == 302 else f"HTTP {status}"
        except OSError as exc:
            error = f"{type(exc).__name__}: {exc}"
        samples.add("comment_post", time.perf_counter() - started, error)
        stop.wait(1.0)


def health(base: str) -> tuple[int, dict]:
    try:
        status, body = fetch(urllib.request.build_opener(), base + "/healthz")
        return status, json.loads(body)
    except (OSError, ValueError):
        return 0, {}


def task_statuses(database: Path) -> dict[str, int]:
    with sqlite3.connect(database, timeout=30) as db:
        return dict(
            db.execute(
                "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
            )
        )


def first(database: Path, sql: str):
    with sqlite3.connect(database, timeout=30) as db:
        row = db.execute(sql).fetchone()
    return row[0] if row else None


def run(
    *,
    records: int,
    port: int,
    data_dir: Path,
    demo: bool,
    drain_seconds: float,
    baseline_seconds: float,
) -> dict:
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
        },
        "MURA_DATA_DIR": str(data_dir),
        "MURA_DEMO": "1",
        "MURA_RATELIMITS": "off",
    }
    database = data_dir / "mura.sqlite3"
    if demo:
        subprocess.run(
            [*MURA, "demo", "--no-admin"],
            env=env,
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
    else:
        subprocess.run([*MURA, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run(
        [sys.executable, "-c", CREATE_INSTITUTION],
        env={**env, "DJANGO_SETTINGS_MODULE": "mura.settings"},
        check=True,
        cwd=ROOT,
    )
    csv_path = data_dir / "bench-records.csv"
    records_write(csv_path, records)
    base = f"http://127.0.0.1:{port}"
    # A file, not a pipe: a pipe nobody reads fills up and blocks the server.
    log_path = data_dir / "serve.log"
    log = log_path.open("w")
    server = subprocess.Popen(
        [*MURA, "serve", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    samples = Samples()
    stop = threading.Event()
    threads: list[threading.Thread] = []
    try:
        deadline = time.monotonic() + 120
        while health(base)[0] != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"the server did not become healthy: {health(base)}")
            time.sleep(0.5)
        pages = {
            "search": "/search/?q=%D0%BA%D1%96%D1%82%D0%B0%D0%BF",
            "healthz": "/healthz",
        }
        article = None
        if demo:
            pages["home"] = "/"
            article = first(
                database,
                "SELECT p.url_path FROM wagtailcore_page p JOIN news_newsarticlepage n ON n.page_ptr_id = p.id "
                "JOIN wagtailcore_locale l ON l.id = p.locale_id WHERE l.language_code = 'kk' AND p.live LIMIT 1",
            )
            article = "/" + article.strip("/").split("/", 1)[1] + "/"
            pages["news_article"] = article
            item = first(
                database,
                "SELECT public_id FROM catalog_resource WHERE access = 'public' LIMIT 1",
            )
            pages["catalogue_item"] = f"/catalog/items/{item}/"
        threads = [
            threading.Thread(target=read_pages, args=(base, pages, samples, stop))
            for _ in range(2)
        ]
        if article:
            threads.append(
                threading.Thread(
                    target=post_comments, args=(base, article, database, samples, stop)
                )
            )
        samples.phase = "before"
        for thread in threads:
            thread.start()
        time.sleep(baseline_seconds)
        samples.phase = "during"
        started = time.perf_counter()
        imported = subprocess.run(
            [
                *MURA,
                "import",
                str(csv_path),
                "--format",
                "csv",
                "--institution",
                INSTITUTION,
                "--language",
                "en",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        import_seconds = time.perf_counter() - started
        if not demo:  # a catalogue item once there are some
            item = first(
                database,
                "SELECT public_id FROM catalog_resource WHERE source_id = 'bench-1'",
            )
            pages["catalogue_item"] = f"/catalog/items/{item}/"
            time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join()
        drained_at = time.perf_counter()
        deadline = time.monotonic() + drain_seconds
        while True:
            statuses = task_statuses(database)
            if (
                not (statuses.get("READY") or statuses.get("RUNNING"))
                or time.monotonic() > deadline
            ):
                break
            time.sleep(1)
        drain_seconds_taken = time.perf_counter() - drained_at
        worker_health = health(base)
        worker_alive = (
            server.poll() is None and worker_health[1].get("worker") == "running"
        )
    finally:
        stop.set()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    server_log = log_path.read_text()
    latency = samples.summary("during")
    comments_stored = first(database, "SELECT COUNT(*) FROM comments_comment")
    summary = {
        "records": records,
        "import_seconds": round(import_seconds, 1),
        "import_exit_code": imported.returncode,
        "import_report": imported.stdout.strip().splitlines()[-1:]
        + imported.stderr.strip().splitlines()[-3:],
        "latency_before_import": samples.summary("before"),
        "latency": latency,
        "tasks": statuses,
        "drain_seconds": round(drain_seconds_taken, 1),
        "health_after": worker_health,
        "comments_stored": comments_stored,
        "worker_restarts": server_log.count("The task worker stopped"),
    }
    failures = []
    if imported.returncode != 0:
        failures.append("the import failed")
    for kind, figures in latency.items():
        if figures["max_ms"] > LIMIT_SECONDS * 1000:
            failures.append(f"{kind}: slowest answer {figures['max_ms']} ms")
        if figures["error_count"]:
            failures.append(f"{kind}: {figures['error_count']} errors")
    if not worker_alive:
        failures.append(f"worker not alive afterwards: {worker_health}")
    if set(statuses) - {"SUCCESSFUL"}:
        failures.append(f"not every task ran successfully: {statuses}")
    if summary["worker_restarts"]:
        failures.append("the worker had to be restarted")
    summary["failures"] = failures
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=8150)
    parser.add_argument("--data-dir", type=Path, help="default: a new temporary folder")
    parser.add_argument("--no-demo", action="store_true")
    parser.add_argument("--drain-seconds", type=float, default=600)
    parser.add_argument(
        "--baseline-seconds",
        type=float,
        default=30,
        help="pages are sampled this long before the import starts, for comparison",
    )
    options = parser.parse_args()
    scratch = None
    if options.data_dir is None:
        scratch = tempfile.mkdtemp(prefix="mura-import-bench-")
        options.data_dir = Path(scratch)
    try:
        summary = run(
            records=options.records,
            port=options.port,
            data_dir=options.data_dir,
            demo=not options.no_demo,
            drain_seconds=options.drain_seconds,
            baseline_seconds=options.baseline_seconds,
        )
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    sys.exit(1 if summary["failures"] else 0)


if __name__ == "__main__":
    main()
