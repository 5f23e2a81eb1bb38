"""Edition matching on labelled pairs of variants seen in real catalogues
(mura/testdata/editions/pairs.tsv): a false merge is worse than a missed one."""

import csv

from mura.catalog.edition_keys import Description, Verdict, compare

FIELDS = (
    "title",
    "other_title",
    "creator",
    "year",
    "publisher",
    "extent",
    "edition",
    "isbn",
)


def description(row: dict, side: str) -> Description:
    value = {name: row[f"{side}_{name}"] for name in FIELDS}
    return Description.read(
        title=value["title"],
        other_title=value["other_title"],
        creator=value["creator"],
        year=int(value["year"]) if value["year"] else None,
        publisher=value["publisher"],
        extent=value["extent"],
        edition=value["edition"],
        isbn=value["isbn"],
    )


def test_precision_and_recall_on_labelled_pairs(testdata):
    with (testdata / "editions" / "pairs.tsv").open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file, delimiter="\t"))
    true_pos = false_pos = false_neg = 0
    wrong = []
    for row in rows:
        same = row["same"] == "1"
        verdict, _reason = compare(description(row, "a"), description(row, "b"))
        merged = verdict == Verdict.SAME
        true_pos += same and merged
        false_pos += merged and not same
        false_neg += same and not merged
        if merged != same:
            wrong.append(row["variant"])
    precision = true_pos / (true_pos + false_pos)
    recall = true_pos / (true_pos + false_neg)
    assert len(rows) >= 300
    assert precision >= 0.99, wrong
    assert recall >= 0.9, wrong
