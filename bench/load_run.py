"""The reader mix of bench/load_mix.py against `mura serve`: stepped, or as a soak.

Gunicorn and the task worker are started on 127.0.0.1 as `mura serve` starts them
(gunicorn without its access log), with the environment's
DATABASE_URL, CACHE_URL and MURA_DATA_DIR (the demo loaded, static files collected).
Then:

- ``--steps 8,16,32``: locust runs the mix at each number of readers for
  ``--step-seconds``, and after each step wrk measures a static file from the same
  server, so every step has the machine's static-file rate of that moment beside it;
  the report gives throughput, p50/p95/p99 and failures per step and, per kind of
  request, for the busiest step whose p95 stayed under ``--p95-ms``.
- ``--soak-minutes 30 --users 12``: locust runs the mix that long while each gunicorn
  worker's resident memory is read every ``--sample-seconds``; the report gives the
  samples, each worker's growth after ``--warmup-minutes``, the static-file rate
  before and after, and the figures per kind of request.

See docs/PERFORMANCE.md ("The reader mix: steps and a soak") for the commands and figures.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from bench.page_speed import STATIC, locust, wait_ready, wrk
from mura.portal.gunicorn import gunicorn_command

ROOT = Path(__file__).resolve().parents[1]
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def serve(port: int, workers: int) -> subprocess.Popen:
    """Gunicorn as `mura serve` runs it (its settings and worker count), without the
    access log and the task worker, on static files collected beforehand."""
    return subprocess.Popen(
        gunicorn_command(f"127.0.0.1:{port}", workers, access_log=False),
        cwd=ROOT,
        # As behind nginx: each reader's address comes in X-Forwarded-For (load_mix.py).
        env={**os.environ, "PYTHONPATH": str(ROOT), "MURA_PROXY_COUNT": "1"},
        stdout=subprocess.DEVNULL,
    )


def warm(url: str) -> None:
    """A page read once, however long a new worker takes to import and read what it
    keeps (a minute at a load average of 18)."""
    with urllib.request.urlopen(url, timeout=600) as answer:  # noqa: S310 - 127.0.0.1
        answer.read()


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except FileNotFoundError:
            pass
    return found


def rss_mib(pid: int) -> float | None:
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except FileNotFoundError:
        return None
    return pages * PAGE_SIZE / 2**20


def read_rows(path: str) -> list[dict[str, str]]:
    with open(path, newline="") as rows:
        return list(csv.DictReader(rows))


def summary(prefix: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    return read_rows(f"{prefix}_stats.csv"), read_rows(f"{prefix}_failures.csv")


def kinds_table(rows: list[dict[str, str]]) -> list[str]:
    lines = [
        "| request kind | requests | failures | requests/s | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} "
            f"| {float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} "
            f"| {row['99%']} |"
        )
    return lines


def failures_lines(failures: list[dict[str, str]]) -> list[str]:
    return [
        f"- {row['Method']} {row['Name']}: {row['Occurrences']} × {row['Error']}"
        for row in failures
    ]


def static_rate(host: str, seconds: int) -> dict[str, float]:
    return wrk(host + STATIC, seconds, 8)


def load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def steps(args, host: str, folder: Path) -> list[str]:
    lines = [
        "| readers | requests | failures | requests/s | p50 ms | p95 ms | p99 ms "
        "| static file req/s after | load average (1, 5, 15 min) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    best = None
    for users in args.steps:
        prefix = folder / f"step{users}"
        locust(host, users, args.step_seconds, prefix)
        rows, failures = summary(prefix)
        total = rows[-1]
        static = static_rate(host, args.static_seconds)
        lines.append(
            f"| {users} | {total['Request Count']} | {total['Failure Count']} "
            f"| {float(total['Requests/s']):.1f} | {total['50%']} | {total['95%']} "
            f"| {total['99%']} | {static['rate']:,.0f} | {load()} |"
        )
        print(lines[-1], flush=True)
        if float(total["95%"]) < args.p95_ms:
            best = (users, rows, failures)
    if best:
        users, rows, failures = best
        lines += ["", f"Per kind at {users} readers:", "", *kinds_table(rows)]
        lines += failures_lines(failures)
    return lines


def soak(args, host: str, folder: Path, master: int) -> list[str]:
    samples: list[tuple[float, dict[int, float | None]]] = []
    done = threading.Event()
    start = time.monotonic()

    def sample():
        while True:
            pids = sorted(children(master))
            samples.append(
                ((time.monotonic() - start) / 60, {pid: rss_mib(pid) for pid in pids})
            )
            print(
                f"{samples[-1][0]:5.1f} min  load {load()}  {samples[-1][1]}",
                flush=True,
            )
            if done.wait(args.sample_seconds):
                return

    before = static_rate(host, args.static_seconds)
    start = time.monotonic()
    sampler = threading.Thread(target=sample)
    sampler.start()
    prefix = folder / "soak"
    locust(host, args.users, int(args.soak_minutes * 60), prefix)
    done.set()
    sampler.join()
    after = static_rate(host, args.static_seconds)
    rows, failures = summary(prefix)

    pids = sorted({pid for _minute, rss in samples for pid in rss})
    lines = [
        "| minute | " + " | ".join(f"worker {pid} MiB" for pid in pids) + " |",
        "|---" * (len(pids) + 1) + "|",
    ]
    for minute, rss in samples:
        cells = [f"{rss[pid]:.1f}" if rss.get(pid) else "—" for pid in pids]
        lines.append(f"| {minute:.1f} | " + " | ".join(cells) + " |")
    warm = [rss for minute, rss in samples if minute >= args.warmup_minutes]
    lines.append("")
    for pid in pids:
        values = [rss[pid] for rss in warm if rss.get(pid)]
        if len(values) >= 2:
            lines.append(
                f"- worker {pid}: {values[0]:.1f} MiB at minute {args.warmup_minutes:g}, "
                f"{values[-1]:.1f} at the end, highest {max(values):.1f}: growth "
                f"**{(values[-1] / values[0] - 1) * 100:+.1f} %** "
                f"(to the highest {(max(values) / values[0] - 1) * 100:+.1f} %)"
            )
    lines += [
        f"- static file: {before['rate']:,.0f} req/s before, {after['rate']:,.0f} after; "
        f"load average at the end {load()}",
        "",
        *kinds_table(rows),
        *failures_lines(failures),
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8106)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--steps",
        type=lambda text: [int(users) for users in text.split(",")],
        help="numbers of readers, one step each",
    )
    parser.add_argument("--step-seconds", type=int, default=40)
    parser.add_argument("--p95-ms", type=float, default=200)
    parser.add_argument("--static-seconds", type=int, default=4)
    parser.add_argument("--soak-minutes", type=float, default=0)
    parser.add_argument("--users", type=int, default=12, help="readers in the soak")
    parser.add_argument("--sample-seconds", type=int, default=60)
    parser.add_argument("--warmup-minutes", type=float, default=5)
    args = parser.parse_args()
    if not args.steps and not args.soak_minutes:
        parser.error("give --steps or --soak-minutes")

    host = f"http://127.0.0.1:{args.port}"
    server = serve(args.port, args.workers)
    # The task worker `mura serve` runs beside gunicorn (e-mails of registrations).
    worker = subprocess.Popen(
        [sys.executable, "-m", "mura.cli", "worker"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_ready(host + STATIC)
        for path in ("/", "/ru/", "/news/", "/search/?q=%D0%90%D0%B1%D0%B0%D0%B9"):
            warm(host + path)
        wrk(host + "/", 2, 3)  # every worker has read its frame and facets
        with tempfile.TemporaryDirectory() as folder:
            lines = [f"load average at the start {load()}", ""]
            if args.steps:
                lines += steps(args, host, Path(folder))
            if args.soak_minutes:
                lines += soak(args, host, Path(folder), server.pid)
        print("\n".join(lines))
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
