"""Import benchmark (issue 16): `mura import`'s code path against pymarc reading the
same file, in the same run.

    MURA_DATA_DIR=/tmp/mura-import-bench MURA_DEMO=1 \
        .venv/bin/python bench/import_bench.py --records 100000

It writes N generated MARC 21 records of realistic size (about 1.3 KB: title with
subtitle and responsibility, publication, extent, series, notes, a summary, three to
five subjects, places, two authors, holdings), times pymarc reading the file, then the
import into a fresh institution (`read_iso2709` → `records_import`, batches committed
as `mura import` does), then a re-import of the unchanged file. Every figure is printed
beside pymarc's and as a ratio to it. `DATABASE_URL=postgres://.../mura_import_bench`
measures PostgreSQL. `--profile FILE` writes a cProfile of the first import. Not part
of the test suite."""

import argparse
import cProfile
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mura.settings_test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from pymarc import Field, Indicators, Leader, MARCReader, Record, Subfield  # noqa: E402

from mura.catalog.models import Resource  # noqa: E402
from mura.institutions.models import Institution  # noqa: E402
from mura.interop.marc.readers import read_iso2709  # noqa: E402
from mura.interop.services import records_import  # noqa: E402

SURNAMES = "Әуезов Тәжібаев Торайғыров Сейфуллин Мүсірепов Жансүгіров Кемеңгерұлы Дулатов Ахметов Сәтбаев Марғұлан Бекежанов Иванов Потанин Васильев Қабдолов Нұрпейісов Есенберлин Мағауин Шаханов".split()
GIVEN = "Мұхтар Әбділда Сұлтанмахмұт Сәкен Ғабит Ілияс Қошке Міржақып Әлкей Қаныш Нартай Павел Григорий Айгүл Гүлнар Зейнолла Әбдіжәміл Ілияс Мұхтар Олжас".split()
WORDS = "Сыр бойы дала өлке тарих жыр ел ұрпақ мұра кітап қала өнер халық тағдыр жол естелік шежіре Арал Ертіс Баянауыл летопись край степь память әдебиет тіл сөз мәдениет білім ғылым".split()
SUBJECTS = [
    f"{a} -- {b}"
    for a in "Тарих;Әдебиет;Өлкетану;Этнография;Археология;Поэзия;Білім беру;Музей ісі;Кітапхана ісі;Мәдениет;Тіл білімі;Философия;Экономика;География".split(
        ";"
    )
    for b in ("Қазақстан", "XIX ғ.", "XX ғ.", "Зерттеулер", "Оқулықтар")
]
PLACES = "Алматы;Астана;Павлодар;Семей;Қарағанды;Шымкент;Түркістан;Орал;Ақтөбе;Қызылорда".split(
    ";"
)
PUBLISHERS = "Жазушы;Мектеп;Ғылым;Қазақстан;Өнер;Атамұра;Фолиант;Кітап".split(";")


def marc_record(number: int, rng: random.Random) -> Record:
    record = Record(force_utf8=True, leader=Leader("00000nam a2200000 i 4500"))
    year = rng.randint(1900, 2024)
    authors = [
        f"{rng.choice(SURNAMES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 2))
    ]
    title = " ".join(rng.sample(WORDS, rng.randint(2, 5))).capitalize()

    def add(tag: str, pairs: list[tuple[str, str]], ind: str = "  ") -> None:
        record.add_field(
            Field(
                tag=tag,
                indicators=Indicators(ind[0], ind[1]),
                subfields=[Subfield(code, value) for code, value in pairs],
            )
        )

    record.add_field(Field(tag="001", data=f"bench{number:08d}"))
    record.add_field(
        Field(tag="008", data=f"240101s{year}    kz a          000 0 kaz d")
    )
    add("020", [("a", f"978601{number % 10_000_000:07d}")])
    add("080", [("a", f"{rng.randint(1, 9)}{rng.randint(10, 99)}.{rng.randint(1, 9)}")])
    add("100", [("a", authors[0]), ("d", f"{rng.randint(1850, 1960)}-")], "1 ")
    add(
        "245",
        [
            ("a", title + " :"),
            ("b", " ".join(rng.sample(WORDS, 4)) + " /"),
            ("c", " ; ".join(authors)),
        ],
        "10",
    )
    add("250", [("a", f"{rng.randint(1, 5)}-бас.")])
    add(
        "264",
        [
            ("a", rng.choice(PLACES) + " :"),
            ("b", rng.choice(PUBLISHERS) + ","),
            ("c", str(year)),
        ],
        " 1",
    )
    add("300", [("a", f"{rng.randint(16, 640)} б. :"), ("b", "сур."), ("c", "21 см")])
    add(
        "490",
        [("a", "Қазақ әдебиетінің кітапханасы ;"), ("v", str(number % 100))],
        "0 ",
    )
    for _ in range(rng.randint(1, 3)):
        add("500", [("a", " ".join(rng.sample(WORDS, 10)).capitalize() + ".")])
    add(
        "520",
        [("a", " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + ".")],
    )
    for subject in rng.sample(SUBJECTS, rng.randint(3, 5)):
        head, tail = subject.split(" -- ")
        add("650", [("a", head), ("z", tail)], " 4")
    add("651", [("a", rng.choice(PLACES))], " 4")
    for author in authors[1:]:
        add("700", [("a", author), ("4", "aut")], "1 ")
    for copy in range(rng.randint(1, 2)):
        add(
            "852",
            [
                ("b", rng.choice(["Абонемент", "Оқу залы", "Сирек кітаптар"])),
                ("h", f"84(5Қаз){rng.randint(1, 9)}"),
                ("p", f"{number:08d}{copy}"),
            ],
        )
    return record


def write_file(path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("wb") as out:
        for number in range(count):
            out.write(marc_record(number, rng).as_marc())


def pymarc_read(path: Path) -> tuple[float, float]:
    """Seconds on the clock and of this process's CPU to read the file with pymarc."""
    started, cpu = time.perf_counter(), time.process_time()
    with path.open("rb") as handle:
        count = sum(1 for _record in MARCReader(handle, to_unicode=True))
    assert count, "no records read"
    return time.perf_counter() - started, time.process_time() - cpu


def prepare(slug: str) -> Institution:
    call_command("migrate", verbosity=0, interactive=False)
    institution, _created = Institution.objects.update_or_create(
        slug=slug, defaults={"kind": "library", "name_kk": "Бенчмарк кітапханасы"}
    )
    return institution


def timed_import(path: Path, institution: Institution, profile: str = "") -> tuple:
    profiler = cProfile.Profile() if profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    report = records_import(
        institution=institution, items=read_iso2709(path, flavour="marc21", lazy=True)
    )
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    return time.perf_counter() - started, time.process_time() - cpu, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--file", type=Path, help="reuse (or keep) the generated file")
    parser.add_argument("--profile", default="")
    args = parser.parse_args()

    path = args.file or Path(f"/tmp/mura-import-bench-{args.records}-{args.seed}.mrc")
    if not path.exists():
        write_file(path, args.records, args.seed)
    size = path.stat().st_size
    institution = prepare(f"import-bench-{args.seed}-{int(time.time())}")
    print(
        f"database: {connection.vendor}; file: {path} ({args.records} records, "
        f"{size / args.records:.0f} bytes a record)"
    )
    rows = []
    for label, reimport in (("import", False), ("re-import unchanged", True)):
        baseline, baseline_cpu = pymarc_read(path)
        seconds, cpu, report = timed_import(
            path, institution, "" if reimport else args.profile
        )
        done = report.unchanged if reimport else report.created
        assert done == args.records, (label, report)
        rows.append((label, seconds, cpu, baseline, baseline_cpu))
    print(f"records in the database: {Resource.objects.count()}")
    # On a shared machine the clock counts other people's work; the CPU time of this
    # process does not (but leaves out PostgreSQL's own work).
    for label, seconds, cpu, baseline, baseline_cpu in rows:
        print(
            f"{label.upper()}: {args.records / seconds:,.0f} records/s "
            f"({seconds:.1f} s, CPU {cpu:.1f} s); pymarc reading "
            f"{args.records / baseline:,.0f} records/s ({baseline:.2f} s, CPU "
            f"{baseline_cpu:.2f} s); ratio {baseline / seconds:.3f} "
            f"(CPU {baseline_cpu / max(cpu, 0.001):.3f})"
        )


if __name__ == "__main__":
    main()
