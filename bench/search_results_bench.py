"""What one result per translated page and known items cost a search, in one run.

Builds the search benchmark's generated catalogue (``search_bench.corpus``) into a
fresh SQLite database, puts 1,000 of its documents into 500 groups of two (as
translated pages are), then runs the same queries (frequent and rare words) through
``SearchBackend.search`` with the collapse and the known items, with either, and with
neither, interleaved in random order:

    MURA_DEMO=1 .venv/bin/python bench/search_results_bench.py --size 20000

Not part of the test suite; figures in docs/PERFORMANCE.md.
"""

import argparse
import io
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# The benchmark next to this one (found through the path above).
import search_bench

CONFIGS = {
    "neither": (False, False),
    "collapse": (True, False),
    "known items": (False, True),
    "both": (True, True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000)
    parser.add_argument(
        "--data-dir", type=Path, default=Path("/tmp/mura-search-results-bench")
    )
    args = parser.parse_args()
    data_dir = args.data_dir / str(args.size)
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    search_bench.setup_django(data_dir)

    from mura.institutions import demo as institutions_demo  # noqa: PLC0415 - after setup
    from mura.institutions.models import Institution  # noqa: PLC0415
    from mura.search.backends import get_backend  # noqa: PLC0415
    from mura.search.backends.known import KnownItems  # noqa: PLC0415
    from mura.search.models import SearchDocument  # noqa: PLC0415
    from mura.search.query import parse  # noqa: PLC0415

    institutions_demo.load(stdout=io.StringIO())
    institutions = list(Institution.objects.values_list("pk", flat=True))
    search_bench.build_mura(list(search_bench.corpus(args.size)), institutions)
    rng = random.Random(3)
    ids = list(SearchDocument.objects.values_list("id", flat=True))
    for n, pk in enumerate(rng.sample(ids, 1000)):
        SearchDocument.objects.filter(pk=pk).update(group_key=f"page:{n // 2}")

    backend = get_backend()
    compiler = backend.compiler
    collapsed, known_items = compiler.collapsed, compiler.known_items
    vocabulary = sorted(backend.vocabulary().items(), key=lambda kv: -kv[1])
    words = [key[1:] for key, _ in vocabulary if key[:1] == "0" and key[1:].isalpha()]
    queries = rng.sample(words[:200], 40) + rng.sample(words[200:2000], 40)
    times: dict[str, list[float]] = {name: [] for name in CONFIGS}
    for query in queries * 3:
        for name in rng.sample(list(CONFIGS), len(CONFIGS)):
            collapse, known = CONFIGS[name]
            compiler.collapsed = collapsed if collapse else (lambda *a, **k: [])
            compiler.known_items = (
                known_items if known else (lambda *a, **k: KnownItems())
            )
            started = time.perf_counter()
            backend.search(parse(query), language="ru")
            times[name].append((time.perf_counter() - started) * 1000)
    for name, values in times.items():
        values.sort()
        print(
            f"{name:12} p50 {statistics.median(values):6.1f} ms"
            f"  p95 {values[int(0.95 * (len(values) - 1))]:6.1f} ms"
        )


if __name__ == "__main__":
    main()
