"""Search benchmark: Mura's index against a raw FTS5 index and Wagtail's database backend.

For each size it builds a generated catalogue (Kazakh sentences of the KazNERD corpus,
Russian bibliographic phrases, persons, subjects, institutions, years), then measures
in one run:

- index build: Mura's (analysis of every field + SearchDocument rows and facet labels,
  the FTS5 tables filled by one 'rebuild') against a raw FTS5 table of the same text;
- 345 queries of mixed popularity through GET /api/v1/search (facets, snippets,
  highlighting and the query log included) against the engine's own ranked query alone
  (the same analysed MATCH, ORDER BY bm25 LIMIT 20) and against the raw FTS5 table;
- suggestions (GET /search/suggest/) for 300 prefixes of 2-4 letters in both scripts;
- Wagtail's stock database search backend on the same corpus (latency) and on the
  gold word pairs (recall and precision), beside Mura's figures on the same pairs.

    MURA_DEMO=1 .venv/bin/python bench/search_bench.py --sizes 10000 100000 --plot docs/search-scaling.svg

With ``--postgres URL`` the same runs on PostgreSQL (the database at URL is dropped and
created again for each size), beside a raw ``tsvector`` column with a GIN index of the
same text in that database instead of the raw FTS5 table. ``--remeasure`` runs the
queries and suggestions again on the indexes an earlier run left (on PostgreSQL, the
database at URL as the last size left it).

Each size gets a fresh SQLite database under --data-dir. Records are written straight to
the index (no catalogue rows): what is timed is the index build from already-read
records. Not part of the test suite.
"""

import argparse
import csv
import gc
import io
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The project's shared data folder; MURA_SHARED_DATA when it is not beside the checkout.
SHARED = Path(os.environ.get("MURA_SHARED_DATA", ROOT.parent / "shared" / "data"))
KAZAKH_SENTENCES = (
    SHARED / "realdata" / "kazakh" / "derived" / "kaznerd_test_sentences.txt"
)
GOLD = SHARED / "kk_search_gold.tsv"

RUSSIAN = (
    "история края летопись степи память народа казахская литература архивные документы "
    "фонды областного музея воспоминания о поэте сборник стихов рукописи и письма "
    "экспедиция по Сырдарье археологические находки культура кочевников библиотека "
    "краеведческий сборник материалы конференции переписка учёного фотографии города "
    "Кызылорда Павлодар Баянаул народные песни и легенды исследование традиции ремёсла "
    "декоративно-прикладное искусство ковры и войлок музыкальные инструменты домбра"
).split()
SURNAMES = [
    "Әуезов",
    "Тәжібаев",
    "Торайғыров",
    "Сейфуллин",
    "Мүсірепов",
    "Жансүгіров",
    "Дулатов",
    "Сәтбаев",
    "Марғұлан",
    "Бекежанов",
    "Иванов",
    "Потанин",
    "Васильев",
    "Құнанбайұлы",
    "Байтұрсынұлы",
    "Шоқай",
]
GIVEN = [
    "Мұхтар",
    "Әбділда",
    "Сұлтанмахмұт",
    "Сәкен",
    "Ғабит",
    "Ілияс",
    "Міржақып",
    "Қаныш",
    "Әлкей",
    "Нартай",
    "Павел",
    "Григорий",
    "Абай",
    "Ахмет",
    "Мұстафа",
    "Айгүл",
]
KINDS = (
    ["book"] * 55
    + ["periodical"] * 5
    + ["museum_object"] * 15
    + ["file"] * 12
    + ["photo"] * 8
    + ["news"] * 5
)
WORD = re.compile(r"[^\W\d_]+")
# Kazakh as typed on a Russian keyboard layout (the benchmark's own copy, so that it
# runs against code from before keyboard folding too).
KEYBOARD = str.maketrans("әғқңөұүһі", "агкноуухи")


def fresh_postgres(url: str) -> None:
    """Drop and create the database ``url`` names, so each size starts empty."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')


def setup_django(data_dir: Path, postgres: str = "", fresh: bool = True) -> None:
    if postgres:
        if fresh:
            fresh_postgres(postgres)
        os.environ["DATABASE_URL"] = postgres
    os.environ["MURA_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mura.settings_test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def corpus(count: int, seed: int = 5):
    """(object id, fields) for ``count`` generated records, the same for every run."""
    rng = random.Random(seed)
    sentences = [
        line.strip()
        for line in KAZAKH_SENTENCES.open(encoding="utf-8")
        if len(line.split()) > 5
    ]
    persons = [f"{s}, {g}" for s in SURNAMES for g in GIVEN]
    subjects = [
        f"{w.capitalize()}"
        for w in (
            "өлкетану",
            "тарих",
            "әдебиет",
            "мұрағат",
            "музей",
            "өнер",
            "этнография",
            "археология",
            "музыка",
            "поэзия",
            "краеведение",
            "история",
        )
    ]
    for number in range(1, count + 1):
        russian = rng.random() < 0.3
        if russian:
            title = " ".join(rng.sample(RUSSIAN, rng.randint(3, 7))).capitalize()
            body = ". ".join(
                " ".join(rng.sample(RUSSIAN, rng.randint(8, 16)))
                for _ in range(rng.randint(1, 3))
            )
        else:
            sentence = rng.choice(sentences).split()
            start = rng.randint(0, max(0, len(sentence) - 4))
            title = " ".join(sentence[start : start + rng.randint(3, 8)])
            body = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
        yield (
            number,
            {
                "kind": rng.choice(KINDS),
                "title": title[:300],
                "creators": rng.choice(persons),
                "body": body,
                "language": "ru" if russian else "kk",
                "year": rng.randint(1850, 2024),
                "subjects": rng.sample(subjects, rng.randint(0, 2)),
                "person": rng.randrange(len(persons)),
                "isbn": f"978601{number:07d}" if rng.random() < 0.3 else "",
            },
        )


def build_mura(records: list, institutions: list[int]) -> float:
    from django.contrib.contenttypes.models import ContentType

    from mura.catalog.models import Resource
    from mura.search.registry import Entry, FacetValue
    from mura.search.services import documents_write

    content_type = ContentType.objects.get_for_model(Resource)

    def entries():
        for number, record in records:
            yield (
                number,
                Entry(
                    kind=record["kind"],
                    title=record["title"],
                    url=f"/catalog/items/{number}/",
                    creators=record["creators"],
                    body=record["body"],
                    identifiers=[record["isbn"]] if record["isbn"] else [],
                    institution_id=institutions[number % len(institutions)],
                    language=record["language"],
                    year=record["year"],
                    facets=[
                        FacetValue("subject", s.lower(), s) for s in record["subjects"]
                    ]
                    + [FacetValue("person", str(record["person"]), record["creators"])],
                ),
            )

    from mura.search.backends import get_backend

    backend = get_backend()
    started = time.perf_counter()
    backend.rebuild_begin()  # as `mura reindex` does
    documents_write(pairs=entries(), content_type=content_type)
    backend.rebuild_end()
    return time.perf_counter() - started


def build_raw(records: list, path: Path) -> tuple[float, sqlite3.Connection]:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE VIRTUAL TABLE raw USING fts5(title, creators, body)")
    started = time.perf_counter()
    for i in range(0, len(records), 500):
        with db:
            db.executemany(
                "INSERT INTO raw(rowid, title, creators, body) VALUES (?, ?, ?, ?)",
                [
                    (n, r["title"], r["creators"], r["body"])
                    for n, r in records[i : i + 500]
                ],
            )
    return time.perf_counter() - started, db


RAW_TSVECTOR = (
    "setweight(to_tsvector('simple', title), 'A') || "
    "setweight(to_tsvector('simple', creators), 'B') || "
    "setweight(to_tsvector('simple', body), 'D')"
)


def build_raw_tsvector(records: list) -> float:
    """A plain table of the same text with a weighted 'simple' tsvector and its GIN
    index, in the benchmark's PostgreSQL database (filled first, indexed once)."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_raw (id integer PRIMARY KEY, title text, "
            f"creators text, body text, document tsvector GENERATED ALWAYS AS "
            f"({RAW_TSVECTOR}) STORED)"
        )
        for i in range(0, len(records), 500):
            cursor.executemany(
                "INSERT INTO bench_raw VALUES (%s, %s, %s, %s)",
                [
                    (n, r["title"], r["creators"], r["body"])
                    for n, r in records[i : i + 500]
                ],
            )
        cursor.execute("CREATE INDEX bench_raw_gin ON bench_raw USING gin (document)")
        cursor.execute("ANALYZE bench_raw")
    return time.perf_counter() - started


def raw_fts5_search(raw: sqlite3.Connection):
    def search(q: str) -> None:
        expression = (
            " AND ".join('"' + w.lower() + '"' for w in WORD.findall(q)) or '"978"'
        )
        raw.execute(
            "SELECT rowid FROM raw WHERE raw MATCH ? ORDER BY rank LIMIT 20",
            [expression],
        ).fetchall()

    return search


def raw_tsvector_search(q: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM bench_raw, plainto_tsquery('simple', %s) q "
            "WHERE document @@ q ORDER BY ts_rank(document, q) DESC LIMIT 20",
            [" ".join(WORD.findall(q)).lower() or "978"],
        )
        cursor.fetchall()


def make_queries(records: list, seed: int = 7) -> list[str]:
    """Mixed popularity: frequent words, middling ones, rare ones, pairs, Latin spellings,
    Kazakh typed without the Kazakh letters (words and pairs), ISBNs."""
    from mura.search.analysis.latin import cyrillic_skeleton

    rng = random.Random(seed)
    frequency: dict[str, int] = {}
    for _, record in records[:50000]:
        for word in WORD.findall(record["title"] + " " + record["body"]):
            if len(word) > 3:
                frequency[word.lower()] = frequency.get(word.lower(), 0) + 1
    ranked = sorted(frequency, key=frequency.get, reverse=True)
    top, middle, rare = ranked[:100], ranked[100:3000], ranked[3000:] or ranked[-100:]
    queries = [rng.choice(top) for _ in range(90)]
    queries += [rng.choice(middle) for _ in range(90)]
    queries += [rng.choice(rare) for _ in range(45)]
    queries += [f"{rng.choice(top)} {rng.choice(middle)}" for _ in range(30)]
    queries += [cyrillic_skeleton(rng.choice(middle)) for _ in range(30)]
    kazakh = [word for word in middle if word.translate(KEYBOARD) != word]
    queries += [rng.choice(kazakh).translate(KEYBOARD) for _ in range(30)]
    queries += [
        f"{rng.choice(top)} {rng.choice(kazakh)}".translate(KEYBOARD) for _ in range(15)
    ]
    isbns = [r["isbn"] for _, r in records if r["isbn"]]
    queries += [
        f"{i[:3]}-{i[3:6]}-{i[6:]}" for i in rng.sample(isbns, min(15, len(isbns)))
    ]
    rng.shuffle(queries)
    return queries


def percentiles(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {
        "p50": round(statistics.median(values), 1),
        "p95": round(values[int(len(values) * 0.95) - 1], 1),
        "max": round(values[-1], 1),
    }


def timed(function, items) -> list[float]:
    out = []
    for item in items:
        started = time.perf_counter()
        function(item)
        out.append((time.perf_counter() - started) * 1000)
    return out


def measure_queries(queries: list[str], raw_search, raw_name: str) -> dict:
    from django.db import connection
    from django.test import Client

    from mura.search.backends import get_backend
    from mura.search.query import parse

    client = Client(SERVER_NAME="localhost")
    backend = get_backend()
    counts = []

    def through_api(q: str) -> None:
        response = client.get("/api/v1/search", {"q": q})
        assert response.status_code == 200, response.content[:300]
        counts.append(response.json()["count"])

    def engine_alone(q: str) -> None:
        sql, params = backend.match_sql(parse(q))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id FROM ({sql}) m ORDER BY score LIMIT 20", params)
            cursor.fetchall()

    # The first search of a process reads every document's facet values (facet_store).
    resident = _resident_mb()
    first = timed(through_api, queries[:1])[0]
    store_mb = _resident_mb() - resident
    for q in queries[:20]:  # warm the caches once, as a running server would be
        through_api(q)
    counts.clear()
    api = timed(through_api, queries)
    return {
        "api": percentiles(api),
        "engine": percentiles(timed(engine_alone, queries)),
        raw_name: percentiles(timed(raw_search, queries)),
        "matches": {"median": statistics.median(counts), "max": max(counts)},
        "first_query": {"ms": round(first, 1), "memory_mb": round(store_mb, 1)},
    }


def _resident_mb() -> float:
    """This process's resident memory now (not its peak)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def suggestion_prefixes(records: list) -> list[str]:
    """300 beginnings of title words, 2-4 letters, a third of them in Latin letters."""
    from mura.search.analysis.latin import cyrillic_skeleton

    rng = random.Random(11)
    prefixes = []
    for _ in range(300):
        word = rng.choice(
            WORD.findall(rng.choice(records)[1]["title"]) or ["абай"]
        ).lower()
        prefix = word[: rng.randint(2, 4)]
        prefixes.append(cyrillic_skeleton(prefix) if rng.random() < 0.3 else prefix)
    return prefixes


def measure_suggestions(prefixes: list[str]) -> dict:
    from django.test import Client

    client = Client(SERVER_NAME="localhost")

    def suggest(prefix: str) -> None:
        assert client.get("/search/suggest/", {"q": prefix}).status_code == 200

    return percentiles(timed(suggest, prefixes))


def gold_pairs() -> list[tuple[str, str, bool]]:
    with GOLD.open(encoding="utf-8") as f:
        return [
            (r["query"], r["document_word"], r["should_match"] == "1")
            for r in csv.DictReader(f, delimiter="\t")
        ]


def scores(results: list[tuple[bool, bool]]) -> dict[str, float]:
    tp = sum(1 for expected, got in results if expected and got)
    fp = sum(1 for expected, got in results if not expected and got)
    positives = sum(1 for expected, _ in results if expected)
    return {
        "recall": round(tp / positives, 3),
        "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
    }


def measure_wagtail(sample: list, queries: list[str]) -> dict:
    """Wagtail's database backend over the same text (as Subject rows) and the gold pairs."""
    from wagtail.search.backends import get_search_backend

    from mura.catalog.models import Subject

    backend = get_search_backend()
    started = time.perf_counter()
    subjects = Subject.objects.bulk_create(
        [
            Subject(
                name_kk=r["title"][:300], name_ru=r["creators"], variant_names=r["body"]
            )
            for _, r in sample
        ],
        batch_size=1000,
    )
    for i in range(0, len(subjects), 1000):
        backend.add_bulk(Subject, subjects[i : i + 1000])
    build = time.perf_counter() - started

    def search(q: str) -> None:
        list(backend.search(q, Subject)[:20])

    latency = percentiles(timed(search, queries))
    return {"records": len(sample), "build_s": round(build, 1), "query": latency}


def measure_gold() -> dict:
    """Each gold pair as a one-word document: does the query find it? Mura and Wagtail."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from mura.catalog.models import Subject
    from mura.search.backends import get_backend
    from mura.search.query import parse
    from mura.search.registry import Entry
    from mura.search.services import documents_write

    pairs = gold_pairs()
    content_type = ContentType.objects.get_for_model(Subject)
    base = 10**9
    documents_write(
        pairs=(
            (base + i, Entry(kind="subject", title=word, url="/"))
            for i, (_, word, _) in enumerate(pairs)
        ),
        content_type=content_type,
    )
    ids = dict(
        SearchDocument_ids(content_type, base)  # object id → document id
    )
    backend = get_backend()
    mura = []
    for i, (query, _, expected) in enumerate(pairs):
        sql, params = backend.match_sql(parse(query))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM ({sql}) m WHERE m.id = %s", [*params, ids[base + i]]
            )
            mura.append((expected, cursor.fetchone() is not None))
    wagtail_backend = get_search_backend()
    subjects = Subject.objects.bulk_create(
        [Subject(name_kk=word) for _, word, _ in pairs]
    )
    wagtail_backend.add_bulk(Subject, subjects)
    # Only the gold subjects exist yet (the corpus is added for the latency peer later).
    wagtail = [
        (
            expected,
            subject.pk
            in {found.pk for found in wagtail_backend.search(query, Subject)},
        )
        for (query, _, expected), subject in zip(pairs, subjects, strict=True)
    ]
    return {"pairs": len(pairs), "mura": scores(mura), "wagtail": scores(wagtail)}


def SearchDocument_ids(content_type, base: int):
    from mura.search.models import SearchDocument

    return SearchDocument.objects.filter(
        content_type=content_type, object_id__gte=base
    ).values_list("object_id", "id")


def log(message: str) -> None:
    print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)


def run_size(size: int, data_dir: Path, peer_limit: int, postgres: str = "") -> dict:
    from mura.institutions import demo as institutions_demo
    from mura.institutions.models import Institution

    institutions_demo.load(stdout=io.StringIO())
    institutions = list(Institution.objects.values_list("pk", flat=True))
    records = list(corpus(size))
    log(f"{size}: building the Mura index")
    mura_build = build_mura(records, institutions)
    raw_name = "raw_tsvector" if postgres else "raw_fts5"
    log(f"{size}: Mura index built in {mura_build:.1f} s; {raw_name}")
    if postgres:
        raw_build, raw_search = build_raw_tsvector(records), raw_tsvector_search
    else:
        raw_build, raw = build_raw(records, data_dir / "raw.sqlite3")
        raw_search = raw_fts5_search(raw)
    queries = make_queries(records)
    prefixes = suggestion_prefixes(records)
    peers = records[: min(size, peer_limit)]
    # Measured as a server would answer: without a million records in its memory,
    # whose garbage collection otherwise pauses the queries.
    del records
    gc.collect()
    log(f"{size}: {raw_name} built in {raw_build:.1f} s; queries")
    result = {
        "records": size,
        "database": "postgresql" if postgres else "sqlite",
        "build": {
            "mura_s": round(mura_build, 1),
            f"{raw_name}_s": round(raw_build, 1),
            "ratio": round(mura_build / raw_build, 1),
        },
        "queries": measure_queries(queries, raw_search, raw_name),
        "suggestions": measure_suggestions(prefixes),
        "gold": measure_gold(),
        "wagtail": measure_wagtail(peers, queries[:100]),
        "database_mb": round(_database_bytes(data_dir) / 2**20, 1),
    }
    return result


def _database_bytes(data_dir: Path) -> int:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    return sum(p.stat().st_size for p in data_dir.glob("mura.sqlite3*"))


def remeasure_size(size: int, data_dir: Path, postgres: str = "") -> dict:
    """Queries and suggestions again on an index built by an earlier run (same corpus,
    same queries, the raw index that run built): to measure query-side changes without
    rebuilding."""
    records = list(corpus(size))
    queries, prefixes = make_queries(records), suggestion_prefixes(records)
    del records
    gc.collect()
    if postgres:
        raw_name, raw_search = "raw_tsvector", raw_tsvector_search
    else:
        raw_name = "raw_fts5"
        raw_search = raw_fts5_search(sqlite3.connect(data_dir / "raw.sqlite3"))
    return {
        "records": size,
        "database": "postgresql" if postgres else "sqlite",
        "queries": measure_queries(queries, raw_search, raw_name),
        "suggestions": measure_suggestions(prefixes),
    }


def plot(results: list[dict], path: Path) -> None:
    """A small SVG: API p50/p95 and engine p95 against the number of records (log scale)."""
    import math

    width, height, pad = 640, 360, 56
    xs = [math.log10(r["records"]) for r in results]
    series = {
        "API p95": ([r["queries"]["api"]["p95"] for r in results], "#0b4f6c"),
        "API p50": ([r["queries"]["api"]["p50"] for r in results], "#00a3c4"),
        "engine p95": ([r["queries"]["engine"]["p95"] for r in results], "#c99a06"),
        "suggest p95": ([r["suggestions"]["p95"] for r in results], "#7a5c2e"),
    }
    top = max(max(values) for values, _ in series.values()) * 1.15 or 1
    x0, x1 = min(xs) - 0.2, max(xs) + 0.2

    def point(x: float, y: float) -> tuple[float, float]:
        return pad + (x - x0) / (x1 - x0) * (
            width - 2 * pad
        ), height - pad - y / top * (height - 2 * pad)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        f'<text x="{pad}" y="20" font-size="14">Mura search latency (ms) by catalogue size</text>',
    ]
    for r, x in zip(results, xs, strict=True):
        px, _ = point(x, 0)
        parts.append(
            f'<text x="{px:.0f}" y="{height - pad + 18}" text-anchor="middle">{r["records"]:,}</text>'
        )
    raw_step = top / 5
    magnitude = 10 ** math.floor(math.log10(raw_step)) if raw_step >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    for tick in range(0, int(top) + 1, int(step)):
        _, py = point(x0, tick)
        parts.append(
            f'<line x1="{pad}" x2="{width - pad}" y1="{py:.0f}" y2="{py:.0f}" stroke="#eee"/>'
        )
        parts.append(
            f'<text x="{pad - 6}" y="{py + 4:.0f}" text-anchor="end">{tick}</text>'
        )
    for n, (label, (values, colour)) in enumerate(series.items()):
        points = " ".join(
            f"{px:.1f},{py:.1f}"
            for px, py in (point(x, y) for x, y in zip(xs, values, strict=True))
        )
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
        parts.append(
            f'<text x="{pad + 12}" y="{40 + 16 * n}" fill="{colour}">{label}</text>'
        )
    parts.append("</svg>")
    path.write_text("\n".join(parts), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/mura-search-bench"))
    parser.add_argument(
        "--peer-limit", type=int, default=100_000, help="records for Wagtail's backend"
    )
    parser.add_argument("--plot", type=Path)
    parser.add_argument(
        "--postgres",
        default="",
        metavar="URL",
        help="run on this PostgreSQL database (dropped and created again) beside a raw "
        "tsvector + GIN index",
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument("--size-only", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--remeasure",
        action="store_true",
        help="only queries and suggestions, on the indexes an earlier run built",
    )
    args = parser.parse_args()
    if args.size_only and args.remeasure:
        data_dir = args.data_dir / str(args.size_only)
        setup_django(data_dir, args.postgres, fresh=False)
        print(json.dumps(remeasure_size(args.size_only, data_dir, args.postgres)))
        return
    if args.size_only:
        data_dir = args.data_dir / str(args.size_only)
        shutil.rmtree(data_dir, ignore_errors=True)
        data_dir.mkdir(parents=True)
        setup_django(data_dir, args.postgres)
        result = run_size(args.size_only, data_dir, args.peer_limit, args.postgres)
        print(json.dumps(result))
        return

    # One process per size: a fresh database and fresh analyser caches each time.
    import subprocess

    results = []
    for size in args.sizes:
        command = [
            sys.executable,
            __file__,
            "--size-only",
            str(size),
            "--data-dir",
            str(args.data_dir),
            "--peer-limit",
            str(args.peer_limit),
            *(["--remeasure"] if args.remeasure else []),
            *(["--postgres", args.postgres] if args.postgres else []),
        ]
        output = subprocess.run(
            command, check=True, stdout=subprocess.PIPE, text=True
        ).stdout
        result = json.loads(output.strip().splitlines()[-1])
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.plot:
        plot(results, args.plot)


if __name__ == "__main__":
    main()
