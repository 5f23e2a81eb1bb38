"""Catalogue benchmark: load N generated records through the importer's code path
(`resources_create_many` → `resource_create` → `resource_save`: full_clean, links,
a revision per record), then time item pages (and the browse page with facets)
rendered by the Django test client.

    MURA_DATA_DIR=/tmp/mura-bench MURA_DEMO=1 .venv/bin/python bench/catalog_bench.py --records 100000

`--bulk` writes the rows with bulk_create instead (no revisions, no edition matching:
a share of the books is given to a second library as the same edition, a few records
are staff-only) and builds the search index once: for timing reads at a size the
importer would take hours to reach. The browse page and `/api/v1/resources` are then
timed beside a search of the same index in the same run (`--rounds` times each).

Use a fresh MURA_DATA_DIR (or DATABASE_URL=postgres://.../mura_catalog_bench): the
database is migrated and filled. `--records 0` only times the pages of what is
already loaded; another `--seed` adds more records. Not part of the test suite."""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mura.settings_test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from mura.catalog.models import (  # noqa: E402
    Access,
    AgentRole,
    Edition,
    EditionRecord,
    Kind,
    Person,
    Resource,
    ResourceAgent,
    Subject,
    Work,
)
from mura.catalog.services import resources_create_many  # noqa: E402
from mura.institutions.models import Institution  # noqa: E402
from mura.search.services import index_rebuild  # noqa: E402

#: books given to a second library as the same edition, records closed to readers
SHARED_BOOKS, STAFF_ONLY = 0.3, 0.02

SURNAMES = [
    "Әуезов",
    "Тәжібаев",
    "Торайғыров",
    "Сейфуллин",
    "Мүсірепов",
    "Жансүгіров",
    "Кемеңгерұлы",
    "Дулатов",
    "Ахметов",
    "Сәтбаев",
    "Марғұлан",
    "Бекежанов",
    "Иванов",
    "Потанин",
    "Васильев",
]
GIVEN = [
    "Мұхтар",
    "Әбділда",
    "Сұлтанмахмұт",
    "Сәкен",
    "Ғабит",
    "Ілияс",
    "Қошке",
    "Міржақып",
    "Әлкей",
    "Қаныш",
    "Нартай",
    "Павел",
    "Григорий",
    "Айгүл",
    "Гүлнар",
]
TITLE_WORDS = [
    "Сыр",
    "бойы",
    "дала",
    "өлке",
    "тарих",
    "жыр",
    "ел",
    "ұрпақ",
    "мұра",
    "кітап",
    "қала",
    "өнер",
    "халық",
    "тағдыр",
    "жол",
    "естелік",
    "шежіре",
    "Арал",
    "Ертіс",
    "Баянауыл",
    "летопись",
    "край",
    "степь",
    "память",
]
KIND_WEIGHTS = [
    (Kind.BOOK, 55),
    (Kind.PERIODICAL, 5),
    (Kind.MUSEUM_OBJECT, 15),
    (Kind.FILE, 12),
    (Kind.PHOTO, 8),
    (Kind.MANUSCRIPT, 2),
    (Kind.AUDIOVISUAL, 2),
    (Kind.E_RESOURCE, 1),
]


def prepare() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    for app in ("institutions", "portal"):
        __import__(f"mura.{app}.demo", fromlist=["load"]).load(stdout=io.StringIO())
    for surname, given in zip(SURNAMES, GIVEN, strict=True):
        Person.objects.get_or_create(name_kk=f"{surname}, {given}")
    for word in TITLE_WORDS[:12]:
        Subject.objects.get_or_create(name_kk=word.capitalize())


def records(count: int, seed: int):
    rng = random.Random(seed)
    persons = list(Person.objects.all())
    subjects = list(Subject.objects.all())
    kinds = [kind for kind, weight in KIND_WEIGHTS for _ in range(weight)]
    for number in range(count):
        kind = rng.choice(kinds)
        year = rng.randint(1850, 2024)
        data = {
            "title": " ".join(rng.sample(TITLE_WORDS, rng.randint(2, 5))).capitalize(),
            "date_text": str(year),
            "language": rng.choice(["kk", "ru"]),
            "extent": f"{rng.randint(16, 640)} б.",
            "description": "Сипаттама: " + " ".join(rng.sample(TITLE_WORDS, 8)),
            "source_id": f"bench-{seed}-{number}",
            "original_format": "csv",
            "original_record": f"{number};{kind};{year}",
            "subjects": rng.sample(subjects, rng.randint(0, 2)),
            "agents": [(AgentRole.AUTHOR, rng.choice(persons))]
            if kind in (Kind.BOOK, Kind.MANUSCRIPT)
            else [],
        }
        if kind == Kind.BOOK:
            data |= {
                "publisher": "Жазушы",
                "publication_place": "Алматы",
                "udc": "821.512.122",
                "bbk": "84 (5Каз)",
                "holdings": [{"shelfmark": f"84-{number}", "location": "Абонемент"}],
            }
        elif kind == Kind.MUSEUM_OBJECT:
            data |= {
                "inventory_number": f"КП {number}",
                "material": "ағаш",
                "dimensions": "40×30 см",
            }
        yield kind, data


def bulk_load(libraries: list[Institution], count: int, seed: int) -> int:
    """``count`` generated records written with bulk_create, a share of the books
    held by a second library as one edition, then the search index built once."""
    rng = random.Random(seed)
    fields = {f.name for f in Resource._meta.concrete_fields}
    loaded = 0
    for at in range(0, count, 5000):
        size = min(5000, count - at)
        rows, links = [], []
        for number, (kind, data) in enumerate(records(size, seed + at), at):
            institution = libraries[number % len(libraries)]
            values = {k: v for k, v in data.items() if k in fields}
            values["source_id"] = f"bulk-{seed}-{number}"
            record = Resource(
                institution=institution,
                kind=kind,
                year_from=int(data["date_text"]),
                year_to=int(data["date_text"]),
                access=Access.STAFF if rng.random() < STAFF_ONLY else Access.PUBLIC,
                **values,
            )
            rows.append(record)
            links.append((record, data))
            if kind == Kind.BOOK and rng.random() < SHARED_BOOKS:
                other = libraries[(number + 1) % len(libraries)]
                copy = Resource(
                    institution=other,
                    kind=kind,
                    year_from=record.year_from,
                    year_to=record.year_to,
                    access=Access.PUBLIC,
                    **{**values, "source_id": values["source_id"] + "-b"},
                )
                rows.append(copy)
                links.append((copy, data))
        Resource.objects.bulk_create(rows, batch_size=1000)
        through = Resource.subjects.through
        through.objects.bulk_create(
            [
                through(resource_id=record.pk, subject_id=subject.pk)
                for record, data in links
                for subject in data["subjects"]
            ],
            batch_size=1000,
        )
        ResourceAgent.objects.bulk_create(
            [
                ResourceAgent(resource=record, role=role, person=person)
                for record, data in links
                for role, person in data["agents"]
            ],
            batch_size=1000,
        )
        editions(rows)
        loaded += len(rows)
        print(f"  {loaded} records written", flush=True)
    started = time.perf_counter()
    index_rebuild()
    print(f"INDEX: built in {time.perf_counter() - started:.0f} s", flush=True)
    if connection.vendor == "postgresql":
        # Autovacuum may not have run yet: without statistics the planner takes the
        # records table for a single row (a nested loop over it took minutes).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return loaded


def editions(rows: list[Resource]) -> None:
    """One work and edition for each book held twice (the copy directly follows)."""
    pairs = [
        (first, second)
        for first, second in zip(rows, rows[1:], strict=False)
        if second.source_id == first.source_id + "-b"
    ]
    works = Work.objects.bulk_create([Work(title=first.title) for first, _ in pairs])
    found = Edition.objects.bulk_create(
        [
            Edition(work=work, primary=first)
            for work, (first, _) in zip(works, pairs, strict=True)
        ]
    )
    EditionRecord.objects.bulk_create(
        [
            EditionRecord(resource=record, edition=edition, reason=reason)
            for edition, (first, second) in zip(found, pairs, strict=True)
            for record, reason in ((first, "first"), (second, "description"))
        ],
        batch_size=1000,
    )


def timed(client: Client, urls: list[str], rounds: int) -> tuple[list[float], float]:
    """Wall-clock ms of each request over ``rounds`` rounds, and this process's CPU ms
    per request (the server runs in it: the test client)."""
    for url in urls:  # warm: templates, the facet store, the database's cache
        if client.get(url).status_code != 200:
            raise SystemExit(f"{url} failed")
    times, cpu = [], time.process_time()
    for _ in range(rounds):
        for url in urls:
            start = time.perf_counter()
            if client.get(url).status_code != 200:
                raise SystemExit(f"{url} failed")
            times.append((time.perf_counter() - start) * 1000)
    return times, (time.process_time() - cpu) * 1000 / len(times)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bulk", action="store_true")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    prepare()
    libraries = list(Institution.objects.order_by("slug"))
    print(f"database: {connection.vendor}; records before: {Resource.objects.count()}")

    loaded = 0
    started = time.perf_counter()
    per_institution = args.records // len(libraries)
    if args.bulk:
        loaded = bulk_load(libraries, args.records, args.seed)
    for index, institution in enumerate(
        libraries if args.records and not args.bulk else []
    ):
        count = per_institution if index < len(libraries) - 1 else args.records - loaded
        loaded += resources_create_many(
            institution=institution,
            records=records(count, seed=args.seed * 100 + index),
            batch_size=1000,
        )
        elapsed = time.perf_counter() - started
        print(
            f"  {loaded} records, {elapsed:.0f} s, {elapsed / loaded * 1000:.2f} ms/record",
            flush=True,
        )
    if loaded:
        load_seconds = time.perf_counter() - started
        print(
            f"LOAD: {loaded} records in {load_seconds:.1f} s = {load_seconds / loaded * 1000:.2f} ms per record"
        )
    print(f"records in the database: {Resource.objects.count()}")

    client = Client(HTTP_HOST="localhost")
    ids = list(
        Resource.objects.public()
        .order_by("?")
        .values_list("public_id", flat=True)[: args.pages]
    )
    client.get(f"/catalog/items/{ids[0]}/")  # warm caches and templates
    timings = []
    for public_id in ids:
        start = time.perf_counter()
        response = client.get(f"/catalog/items/{public_id}/")
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{public_id}: HTTP {response.status_code}")
    print(
        f"ITEM PAGE: {len(timings)} pages, median {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms"
    )

    public = Resource.objects.public().count()
    lines = {
        "BROWSE PAGE": [
            "/catalog/",
            "/catalog/?kind=book",
            "/catalog/?century=19",
            "/catalog/?page=50",
            "/catalog/?kind=museum_object&page=3",
            f"/catalog/?institution={libraries[0].slug}&century=20",
        ],
        "SEARCH PAGE": [
            "/search/?q=тарих",
            "/search/?q=тарих&kind=book",
            "/search/?q=летопись",
            "/search/?q=тарих&page=5",
            "/search/?q=мұра&kind=museum_object",
            "/search/?q=жыр+ел",
        ],
        "RESOURCES API": [
            "/api/v1/resources",
            "/api/v1/resources?kind=book",
            "/api/v1/resources?page=5",
            f"/api/v1/resources?institution={libraries[0].slug}",
        ],
        "SEARCH API": [
            "/api/v1/search?q=тарих",
            "/api/v1/search?q=тарих&kind=book",
            "/api/v1/search?q=летопись",
            "/api/v1/search?q=мұра&kind=museum_object",
        ],
    }
    medians = {}
    for name, urls in lines.items():
        times, cpu = timed(client, urls, args.rounds)
        medians[name] = statistics.median(times)
        print(
            f"{name} ({public} public records, {len(times)} requests): median "
            f"{medians[name]:.0f} ms, p95 {percentile(times, 0.95):.0f} ms, "
            f"max {max(times):.0f} ms, CPU {cpu:.0f} ms a request",
            flush=True,
        )
    for name, baseline in (
        ("BROWSE PAGE", "SEARCH PAGE"),
        ("RESOURCES API", "SEARCH API"),
    ):
        print(f"{name} / {baseline}: {medians[name] / medians[baseline]:.2f}×")


if __name__ == "__main__":
    main()
