"""Mura's pages against baselines served in the same run by the same gunicorn settings.

Two phases, each with two servers on 127.0.0.1 (3 sync workers each, no access log):
Mura (``--port``) beside the stock Wagtail site of bench/stock_wagtail (``--stock-port``),
first with Mura's page cache, then without it (MURA_PAGE_CACHE_SECONDS=0). In each phase
wrk measures, in rounds so that the machine's noise falls on every figure alike, a static
file and robots.txt from Mura, the seed article from Mura and the stock Wagtail article.
Then locust runs the reader mix of bench/load_mix.py against the cached Mura.

Mura's database and cache come from the environment (DATABASE_URL, CACHE_URL,
MURA_DATA_DIR, with the demo loaded and static files collected); the stock site's from
STOCK_DATABASE_URL. See docs/PERFORMANCE.md for the commands and figures."""

import argparse
import csv
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "/news/elbasy-library-information-resources-session/"
STOCK_ARTICLE = "/elbasy-library-information-resources-session/"
STATIC = "/static/portal/css/portal.css"
ROBOTS = "/robots.txt"
WORKERS = "3"


def server(wsgi: str, port: int, env: dict[str, str], *config: str) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        wsgi,
        *config,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        WORKERS,
        "--graceful-timeout",
        "5",
    ]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_ready(url: str, seconds: float = 240) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310 - 127.0.0.1
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} did not answer")


def wrk(url: str, seconds: int, connections: int) -> dict[str, float]:
    result = subprocess.run(
        [  # noqa: S607 - wrk from the system's packages
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 bench",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)

    def percentile(label: str) -> float:
        value, unit = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {
        "rate": rate,
        "p50": percentile("50"),
        "p99": percentile("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(args, targets: dict[str, str]) -> dict[str, list[dict]]:
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    for _round in range(args.rounds):
        for name, url in targets.items():
            runs[name].append(wrk(url, args.seconds, args.connections))
    return runs


def locust(host: str, users: int, seconds: int, prefix: Path) -> None:
    """The reader mix of bench/load_mix.py, its figures written to ``prefix``_*.csv."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "bench/load_mix.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            host,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        check=False,
        stdout=subprocess.DEVNULL,
    )


def load_mix(args, host: str) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "mix"
        locust(host, args.users, args.mix_seconds, prefix)
        with open(f"{prefix}_stats.csv", newline="") as stats:
            return list(csv.DictReader(stats))


def report(runs: dict[str, list[dict]], mix: list[dict[str, str]]) -> str:
    lines = [
        "| what | requests/s (median of rounds) | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|",
    ]
    medians = {}
    for name, results in runs.items():
        medians[name] = statistics.median(run["rate"] for run in results)
        lines.append(
            f"| {name} | {medians[name]:,.0f} "
            f"({', '.join(format(run['rate'], ',.0f') for run in results)}) "
            f"| {statistics.median(run['p50'] for run in results):.1f} "
            f"| {statistics.median(run['p99'] for run in results):.1f} "
            f"| {sum(run['errors'] for run in results)} |"
        )
    uncached = medians["Mura article (uncached phase)"]
    cached = medians["Mura article (cached phase)"]
    lines += [
        "",
        f"- uncached article / stock Wagtail article: "
        f"**{uncached / medians['stock Wagtail article (uncached phase)']:.2f}×** "
        "(target ≥ 0.8)",
        f"- cached article / static file: "
        f"**{cached / medians['static file (cached phase)']:.2f}×** (target ≥ 0.5); "
        f"/ robots.txt: {cached / medians['robots.txt (cached phase)']:.2f}×",
    ]
    if mix:
        lines += [
            "",
            "| request kind | requests | failures | requests/s | p50 ms | p95 ms | p99 ms |",
            "|---|---|---|---|---|---|---|",
        ]
    for row in mix:
        lines.append(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} "
            f"| {float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} |"
        )
    return "\n".join(lines)


def phase(args, stock_env: dict[str, str], mura_env: dict[str, str], name: str):
    """Mura (with ``mura_env``) and the stock site served side by side; their figures,
    and the reader mix's when Mura keeps its page cache."""
    mura = f"http://127.0.0.1:{args.port}"
    processes = [
        server(
            "mura.wsgi:application",
            args.port,
            mura_env,
            "--config",
            "python:mura.portal.gunicorn",
        ),
        server("bench.stock_wagtail.wsgi:application", args.stock_port, stock_env),
    ]
    try:
        targets = {
            f"static file ({name})": mura + STATIC,
            f"robots.txt ({name})": mura + ROBOTS,
            f"Mura article ({name})": mura + ARTICLE,
            f"stock Wagtail article ({name})": f"http://127.0.0.1:{args.stock_port}"
            + STOCK_ARTICLE,
        }
        for url in targets.values():
            wait_ready(url)
            wrk(url, 1, 2)  # every worker warm
        runs = measure(args, targets)
        mix = load_mix(args, mura) if args.mix_seconds and not mura_env else []
        return runs, mix
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=6, help="per wrk run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--users", type=int, default=16, help="locust readers")
    parser.add_argument("--mix-seconds", type=int, default=30)
    parser.add_argument("--port", type=int, default=8106, help="Mura's")
    parser.add_argument("--stock-port", type=int, default=8107)
    args = parser.parse_args()

    stock_env = {
        "DJANGO_SETTINGS_MODULE": "bench.stock_wagtail.settings",
        "STOCK_DATA_DIR": os.environ.get("STOCK_DATA_DIR", "/tmp/stock-wagtail"),
    }
    subprocess.run(
        [sys.executable, "-m", "bench.stock_wagtail.load"],
        cwd=ROOT,
        env={**os.environ, **stock_env},
        check=True,
    )
    runs, mix = phase(args, stock_env, {}, "cached phase")
    uncached, _mix = phase(
        args, stock_env, {"MURA_PAGE_CACHE_SECONDS": "0"}, "uncached phase"
    )
    print(report({**runs, **uncached}, mix))


if __name__ == "__main__":
    main()
