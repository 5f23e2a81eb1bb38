"""What the search index asks of the analyser: a field's keys for the engine, a query
word's keys, the words of what a reader typed, and the keys suggestions start with.

The rest of the search app reaches the analyser through these (re-exported by the
package), so a change inside the analyser touches no caller."""

import re
from functools import lru_cache

from .analyzer import Token, analyze, analyze_query, engine_keys
from .keys import EXACT, FOLDED, SKELETON
from .latin import cyrillic_skeleton, latin_skeletons, squash
from .normalize import KAZAKH_LETTERS, TOKEN_RE, fold_word, normalize_text, script

_NOT_ALNUM = re.compile(r"[\W_]+")
# Control characters (NUL ends an FTS5 query, PostgreSQL refuses it in any text) and
# lone surrogates (no UTF-8 for them): no reader means them, no engine takes them.
_UNTYPABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_ANALYSED_LANGUAGES = ("kk", "ru")

#: (title, creators, body, language) of a document
Fields = tuple[str, str, str, str]
#: (Latin spelling, exact form) pairs
Spellings = set[tuple[str, str]]


def _language(language: str) -> str | None:
    return language if language in _ANALYSED_LANGUAGES else None


def field_keys(
    text: str, language: str = "", spellings: Spellings | None = None
) -> str:
    """The keys the engine stores for a field, as space-separated text.

    The field's (Latin spelling, exact form) pairs are added to ``spellings``."""
    if not text:
        return ""
    keys, pairs = engine_keys(text, _language(language))
    if spellings is not None:
        spellings |= pairs
    return " ".join(keys)


def analyse_fields(
    records: list[Fields],
) -> tuple[list[tuple[str, str, str]], Spellings]:
    """Keys of (title, creators, body) for each (title, creators, body, language), and
    the (Latin spelling, exact form) pairs of them all."""
    spellings: Spellings = set()
    keys = [
        (
            field_keys(title, language, spellings),
            field_keys(creators, language, spellings),
            field_keys(body, language, spellings),
        )
        for title, creators, body, language in records
    ]
    return keys, spellings


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


def words(text: str) -> list[str]:
    """The words of a text as the analyser splits them, as they are written."""
    return TOKEN_RE.findall(normalize_text(text))


def word_keys(word: str) -> tuple[str, frozenset[str]]:
    """(exact key, all alternative keys) of one query word."""
    terms = analyze_query(word)
    if not terms:
        return "", frozenset()
    return terms[0].exact, terms[0].keys


@lru_cache(maxsize=256)
def tokens(text: str, language: str = "") -> tuple[Token, ...]:
    """Tokens of a stored field; cached because a result's snippet, title and phrase
    check analyse the same text."""
    return tuple(analyze(text, _language(language)))


def prefix_keys(fragment: str) -> list[str]:
    """Key prefixes an unfinished word (one of ``words``) can start, in either script,
    for suggestions. Never an empty one, which would match every key."""
    word = fold_word(normalize_text(fragment).lower())
    kind = script(word)
    if kind == "digits":
        return [word]
    if kind == "cyrl":
        # Exact Cyrillic forms, and Latin-script text through its (unmarked) skeletons;
        # typed without the Kazakh letters, Kazakh words through their folded stems.
        keys = [EXACT + word, squash(cyrillic_skeleton(word))]
        if KAZAKH_LETTERS.isdisjoint(word):
            keys.append(FOLDED + word)
    elif kind == "latn":
        keys = [EXACT + word]
        for skeleton in latin_skeletons(word)[:3]:
            keys += [SKELETON + squash(skeleton), squash(skeleton)]
    else:  # other scripts: their exact forms (a stem equal to the word is not stored)
        keys = [EXACT + word]
    # A word of letters the skeleton drops (ø, ь) has no skeleton: no bare marker.
    return [key for key in dict.fromkeys(keys) if key and key != SKELETON]
