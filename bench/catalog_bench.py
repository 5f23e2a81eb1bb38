"""Catalogue benchmark: load N generated records through the importer's code path
(`resources_create_many` → `resource_create` → `resource_save`: full_clean, links,
a revision per record), then time item pages (and the browse page with facets)
rendered by the Django test client.

    MURA_DATA_DIR=/tmp/mura-bench MURA_DEMO=1 .venv/bin/python bench/catalog_bench.py --records 100000

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

from mura.catalog.models import AgentRole, Kind, Person, Resource, Subject  # noqa: E402
from mura.catalog.services import resources_create_many  # noqa: E402
from mura.institutions.models import Institution  # noqa: E402

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


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    prepare()
    libraries = list(Institution.objects.order_by("slug"))
    print(f"database: {connection.vendor}; records before: {Resource.objects.count()}")

    loaded = 0
    started = time.perf_counter()
    per_institution = args.records // len(libraries)
    for index, institution in enumerate(libraries if args.records else []):
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

    client = Client()
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

    browse = []
    for query in (
        "",
        "?kind=book",
        "?century=19",
        "?page=50",
        "?kind=museum_object&page=3",
    ):
        start = time.perf_counter()
        if client.get(f"/catalog/{query}").status_code != 200:
            raise SystemExit(f"/catalog/{query} failed")
        browse.append((time.perf_counter() - start) * 1000)
    print(
        f"BROWSE PAGE (facets over {Resource.objects.public().count()} records): "
        f"median {statistics.median(browse):.0f} ms, max {max(browse):.0f} ms"
    )


if __name__ == "__main__":
    main()
