"""Measure the analyser on word pairs: the public gold sample and UD treebank lemmas.

Shared by the tests (which fail below a floor) and ``bench/stemmer_eval.py`` (which
prints the figures), so both always compute the same thing.
"""

import csv
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from .analyzer import analyze_query, index_keys
from .kazakh import stems_kk
from .normalize import fold_word, script

TREEBANK_POS = ("NOUN", "PROPN", "ADJ")


class GoldScores(NamedTuple):
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int
    errors: list[tuple[str, str, str]]  #: (query, document word, "FP" or "FN")


class TreebankScores(NamedTuple):
    inflected_tokens: int  #: NOUN/PROPN/ADJ tokens whose form differs from the lemma
    recall: float  #: share of those whose stem equals the lemma's stem
    #: per UD feature value (Case=Dat...): (tokens, recall)
    recall_by_feature: dict[str, tuple[int, float]]
    lemmas: int  #: distinct lemmas
    merged_lemmas: int  #: lemmas that share a stem key with another lemma
    false_merge_rate: float
    misses: Counter[tuple[str, str]]  #: (form, lemma) not matched, with counts
    merges: dict[str, set[str]]  #: stem key → the lemmas it merges


def gold_pair_matches(query: str, document_word: str, synonyms: bool = True) -> bool:
    """Whether a query finds a word: any query key equals any index key of the word."""
    query_keys = set().union(*(term.keys for term in analyze_query(query, synonyms)))
    return not query_keys.isdisjoint(index_keys(document_word))


def gold_scores(path: Path, synonyms: bool = True) -> GoldScores:
    """Precision and recall on ``kk_search_gold.tsv``.

    Columns: query, document_word, should_match (1 or 0), note.
    """
    tp = fp = fn = tn = 0
    errors = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            query, word = row["query"], row["document_word"]
            matched = gold_pair_matches(query, word, synonyms)
            expected = row["should_match"] == "1"
            if matched and expected:
                tp += 1
            elif matched:
                fp += 1
                errors.append((query, word, "FP"))
            elif expected:
                fn += 1
                errors.append((query, word, "FN"))
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return GoldScores(precision, recall, tp, fp, fn, tn, errors)


def _kazakh_keys(word: str) -> tuple[str, ...]:
    word = fold_word(word)
    return stems_kk(word) if word.isalpha() and script(word) == "cyrl" else ()


def treebank_scores(path: Path) -> TreebankScores:
    """Stem agreement between inflected forms and their lemmas in a UD form/lemma TSV.

    Columns: form, lemma, upos, feats. Only single Cyrillic words of ``TREEBANK_POS``
    are used. A lemma counts as falsely merged when some form or lemma of another lemma
    gets the same stem key (this also counts derivations the treebank lemmatises apart,
    such as an adjective in -ты and its noun).
    """
    hits = total = 0
    by_feature: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: Counter[tuple[str, str]] = Counter()
    lemmas_by_key: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["upos"] not in TREEBANK_POS:
                continue
            form, lemma = row["form"].lower(), row["lemma"].lower()
            form_keys, lemma_keys = _kazakh_keys(form), _kazakh_keys(lemma)
            if not form_keys or not lemma_keys:
                continue
            for key in form_keys + lemma_keys:
                lemmas_by_key[key].add(lemma)
            if form == lemma:
                continue
            total += 1
            hit = not set(form_keys).isdisjoint(lemma_keys)
            hits += hit
            if not hit:
                misses[form, lemma] += 1
            for feature in row["feats"].split("|"):
                if feature != "_" and not feature.startswith("Case=Nom"):
                    by_feature[feature][0] += 1
                    by_feature[feature][1] += hit
    lemmas = set().union(*lemmas_by_key.values())
    merges = {key: group for key, group in lemmas_by_key.items() if len(group) > 1}
    merged = set().union(*merges.values()) if merges else set()
    return TreebankScores(
        inflected_tokens=total,
        recall=hits / total if total else 1.0,
        recall_by_feature={k: (n, h / n) for k, (n, h) in sorted(by_feature.items())},
        lemmas=len(lemmas),
        merged_lemmas=len(merged),
        false_merge_rate=len(merged) / len(lemmas) if lemmas else 0.0,
        misses=misses,
        merges=merges,
    )
