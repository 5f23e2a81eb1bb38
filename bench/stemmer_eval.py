"""Evaluate Mura's text analyser: gold pairs, UD Kazakh treebank lemmas, and speed.

    .venv/bin/python bench/stemmer_eval.py [--data ../shared/data]

Prints the figures recorded in docs/SEARCH_ANALYSIS.md. Speed is measured on the KazNERD
news sentences (realistic Kazakh text): cold (every word new to the caches) and warm
(caches filled, as after the first few thousand records of a reindex), plus the time to
build an SQLite FTS5 index of the keys next to one of the raw text.
"""

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mura.search.analysis import index_keys
from mura.search.analysis.evaluation import gold_scores, treebank_scores
from mura.search.analysis.normalize import TOKEN_RE

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def report_gold(data: Path) -> None:
    for synonyms in (True, False):
        s = gold_scores(data / "kk_search_gold.tsv", synonyms=synonyms)
        print(
            f"gold pairs (synonyms {'on' if synonyms else 'off'}): "
            f"precision {s.precision:.3f}, recall {s.recall:.3f} "
            f"(TP {s.true_positives}, FP {s.false_positives}, "
            f"FN {s.false_negatives}, TN {s.true_negatives})"
        )
    print(
        "  errors:", ", ".join(f"{q}→{w} {kind}" for q, w, kind in s.errors) or "none"
    )


def report_treebank(data: Path) -> None:
    path = data / "realdata" / "kazakh" / "derived" / "ud_kk_ktb_form_lemma.tsv"
    s = treebank_scores(path)
    print(
        f"UD Kazakh-KTB NOUN/PROPN/ADJ: recall {s.recall:.3f} on {s.inflected_tokens} "
        f"inflected tokens (form ≠ lemma); false merges: {s.merged_lemmas} of "
        f"{s.lemmas} lemmas share a stem key with another lemma "
        f"({s.false_merge_rate:.3f})"
    )
    for feature, (tokens, recall) in s.recall_by_feature.items():
        if tokens >= 20:
            print(f"  {feature:<32} {tokens:>5} tokens  recall {recall:.3f}")
    misses = s.misses.most_common(15)
    print(
        "  most frequent misses:", ", ".join(f"{f}→{lemma}" for (f, lemma), _ in misses)
    )
    merges = sorted(s.merges.items(), key=lambda item: -len(item[1]))[:10]
    print(
        "  largest merges:", "; ".join(f"{k}: {'/'.join(sorted(v))}" for k, v in merges)
    )


def _fts5_seconds(rows: list[str]) -> float:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 0')"
    )
    start = time.perf_counter()
    db.executemany("INSERT INTO t VALUES (?)", ((row,) for row in rows))
    db.commit()
    return time.perf_counter() - start


def report_speed(data: Path) -> None:
    path = data / "realdata" / "kazakh" / "derived" / "kaznerd_test_sentences.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    words = sum(len(TOKEN_RE.findall(line)) for line in lines)
    start = time.perf_counter()
    keys = sum(len(index_keys(line)) for line in lines)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(5):
        start = time.perf_counter()
        for line in lines:
            index_keys(line)
        warm.append(time.perf_counter() - start)
    best = min(warm)
    print(
        f"index_keys on {len(lines)} KazNERD sentences, {words} words: cold "
        f"{words / cold:,.0f} words/s, warm {words / statistics.median(warm):,.0f} "
        f"words/s (best {words / best:,.0f}); {keys / words:.2f} keys per word"
    )
    raw = min(_fts5_seconds(lines) for _ in range(3))
    start = time.perf_counter()
    keyed = [" ".join(index_keys(line)) for line in lines]
    analysis = time.perf_counter() - start
    insert = min(_fts5_seconds(keyed) for _ in range(3))
    print(
        f"FTS5 build: raw text {raw:.3f}s; analysed {analysis + insert:.3f}s "
        f"(analysis {analysis:.3f}s + keys {insert:.3f}s) = "
        f"{(analysis + insert) / raw:.1f}x raw"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared/data")
    args = parser.parse_args()
    report_gold(args.data)
    report_treebank(args.data)
    report_speed(args.data)


if __name__ == "__main__":
    main()
