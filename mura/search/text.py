"""The thin layer between the analyser (``mura.search.analysis``) and the index.

Everything the backends need from the analyser passes through here, so that a change
of the analyser's API touches one module.
"""

import functools
import hashlib
import multiprocessing
import os
import re
import string
from functools import lru_cache

from mura.search import analysis
from mura.search.analysis.latin import cyrillic_skeleton, latin_skeletons, squash
from mura.search.analysis.normalize import TOKEN_RE, fold_word, normalize_text, script

_NOT_ALNUM = re.compile(r"[\W_]+")
# Control characters (NUL ends an FTS5 query, PostgreSQL refuses it in any text) and
# lone surrogates (no UTF-8 for them): no reader means them, no engine takes them.
_UNTYPABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_ANALYSED_LANGUAGES = ("kk", "ru")


def field_keys(
    text: str, language: str = "", spellings: set[tuple[str, str]] | None = None
) -> str:
    """The keys the engine stores for a field, as space-separated text.

    The field's (Latin spelling, exact form) pairs are added to ``spellings``."""
    if not text:
        return ""
    keys, pairs = analysis.engine_keys(
        text, language if language in _ANALYSED_LANGUAGES else None
    )
    if spellings is not None:
        spellings |= pairs
    return " ".join(keys)


def analyse_fields(
    records: list[tuple[str, str, str, str]],
) -> tuple[list[tuple[str, str, str]], set[tuple[str, str]]]:
    """Keys of (title, creators, body) for each (title, creators, body, language), and
    the (Latin spelling, exact form) pairs of them all."""
    spellings: set[tuple[str, str]] = set()
    keys = [
        (
            field_keys(title, language, spellings),
            field_keys(creators, language, spellings),
            field_keys(body, language, spellings),
        )
        for title, creators, body, language in records
    ]
    return keys, spellings


class _Done:
    """A result computed in this process, with the interface of ``AsyncResult``."""

    def __init__(self, value):
        self.value = value

    def ready(self) -> bool:
        return True

    def get(self):
        return self.value


#: In a worker process: the (Latin spelling, exact form) pairs it has already returned.
_returned_spellings: set[tuple[str, str]] = set()


def _worker_start() -> None:
    """Workers yield the processor to the process that writes (the slower part)."""
    _returned_spellings.clear()
    os.nice(10)


def _analyse_in_worker(records: list[tuple[str, str, str, str]]):
    """``analyse_fields``, with only the spellings this worker has not returned yet:
    most words recur, and their pairs were most of what a batch sent back."""
    keys, spellings = analyse_fields(records)
    spellings -= _returned_spellings
    _returned_spellings.update(spellings)
    return keys, spellings


class AnalysisPool:
    """Runs ``analyse_fields`` over batches: here for the first ``start_after`` batches,
    then in worker processes (one per core) so a rebuild analyses while it writes.

    Workers are forked, so they share the analyser's state (protected words included);
    where fork is unavailable, or on one core, everything runs in this process. Of the
    spellings, a worker returns each pair once (the caller keeps those it was given)."""

    def __init__(self, start_after: int = 1):
        self.start_after = start_after
        self.submitted = 0
        self.pool = None

    def __enter__(self) -> "AnalysisPool":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is None:
            return
        if exc[0] is None:
            self.pool.close()
        else:
            self.pool.terminate()
        self.pool.join()

    def submit(self, records: list[tuple[str, str, str, str]]):
        self.submitted += 1
        if self.pool is None and self.submitted > self.start_after and _can_fork():
            context = multiprocessing.get_context("fork")
            self.pool = context.Pool(os.cpu_count(), initializer=_worker_start)
        if self.pool is None:
            return _Done(analyse_fields(records))
        return self.pool.apply_async(_analyse_in_worker, (records,))


def _can_fork() -> bool:
    cores = os.cpu_count() or 1
    return cores > 1 and "fork" in multiprocessing.get_all_start_methods()


def reader_text(value: str, limit: int) -> str:
    """What a reader typed, fit to analyse, log and hand to an engine: untypable
    characters become spaces, runs of spaces one, at most ``limit`` characters."""
    return " ".join(_UNTYPABLE.sub(" ", value).split())[:limit].rstrip()


def typable(value: str) -> bool:
    """Whether ``value`` holds no character ``reader_text`` would drop."""
    return _UNTYPABLE.search(value) is None


def identifier_key(value: str) -> str:
    """One token for an identifier: ISBN with or without hyphens, ``ҚОММ Ф.1 Оп.2 Д.15``."""
    return _NOT_ALNUM.sub("", normalize_text(value).casefold())


#: Facet values are matched by the engine: a key among the identifier keys.
FACET_MARKER = "3"


@functools.lru_cache(maxsize=65_536)  # the same values recur on many documents
def facet_key(name: str, value: str) -> str:
    """The engine key of a document's facet value (``3subjectqkfz…``): the marker, the
    facet and ten letters of a hash of the value. Letters and digits only, like every
    key; no word of a text or a query is one (a word is letters or digits, not both)."""
    digest = hashlib.blake2b(value.encode(), digest_size=10).digest()
    letters = string.ascii_lowercase
    return FACET_MARKER + name + "".join(letters[byte % 26] for byte in digest)


def words(text: str) -> list[str]:
    """The words of a query fragment as the analyser splits them."""
    return TOKEN_RE.findall(normalize_text(text))


EXACT = analysis.EXACT
is_spelling = analysis.is_spelling


def engine_alternatives(keys: frozenset[str]) -> tuple[set[str], set[str]]:
    """(keys to match in the engine, spelling keys to look up) of a query word."""
    return analysis.engine_alternatives(keys)


def word_keys(word: str) -> tuple[str, frozenset[str]]:
    """(exact key, all alternative keys) of one query word."""
    terms = analysis.analyze_query(word)
    if not terms:
        return "", frozenset()
    return terms[0].exact, terms[0].keys


@lru_cache(maxsize=256)
def tokens(text: str, language: str = "") -> tuple[analysis.Token, ...]:
    """Tokens of a stored field; cached because a result's snippet, title and phrase
    check analyse the same text."""
    return tuple(
        analysis.analyze(text, language if language in _ANALYSED_LANGUAGES else None)
    )


def prefix_keys(fragment: str) -> list[str]:
    """Key prefixes an unfinished word (one of ``words``) can start, in either script,
    for suggestions. Never an empty one, which would match every key."""
    word = fold_word(normalize_text(fragment).lower())
    kind = script(word)
    if kind == "digits":
        return [word]
    if kind == "cyrl":
        # Exact Cyrillic forms, and Latin-script text through its (unmarked) skeletons.
        keys = [analysis.EXACT + word, squash(cyrillic_skeleton(word))]
    elif kind == "latn":
        keys = [analysis.EXACT + word]
        for skeleton in latin_skeletons(word)[:3]:
            keys += [analysis.SKELETON + squash(skeleton), squash(skeleton)]
    else:  # other scripts: their exact forms (a stem equal to the word is not stored)
        keys = [analysis.EXACT + word]
    # A word of letters the skeleton drops (ø, ь) has no skeleton: no bare marker.
    return [key for key in dict.fromkeys(keys) if key and key != analysis.SKELETON]


def similar_keys(word: str, vocabulary: set[str]) -> list[str]:
    return analysis.similar_keys(word, vocabulary)


def exact_key(word: str) -> str:
    return analysis.EXACT + fold_word(normalize_text(word).lower())
