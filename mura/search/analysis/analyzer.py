"""The analyser's entry points: text in, tokens and index keys out.

Indexing and querying share every step (normalisation, homoglyph repair, folding,
stemming); they differ only where a query lacks context: a query word is expanded to all
its plausible keys, an indexed word gets the keys of the language its sentence is in.
"""

from collections.abc import Iterable
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

from . import kazakh
from .keys import clear_caches, document_keys, query_word_keys, stored_keys
from .language import SENTENCE_END, word_evidence
from .normalize import TOKEN_RE, normalize_text


class Token(NamedTuple):
    """One word of indexed text."""

    surface: str  #: the word as written (NFKC), for highlighting
    position: int  #: index of the word in the text, from 0
    exact: str  #: exact-form key
    stem: str  #: main stem key (Kazakh stem, marked Russian stem, or Latin stem)
    keys: tuple[str, ...]  #: every key stored for the word, ``exact`` first
    language: str  #: "kk" or "ru": the language its sentence was analysed as


class QueryTerm(NamedTuple):
    """One word of a query: it matches an indexed word that has any of its keys."""

    text: str  #: the word as typed
    exact: str  #: key of the exact form (for ranking exact matches higher)
    keys: frozenset[str]  #: alternatives, ``exact`` included


# Per word as written: (evidence, its keys in a Kazakh sentence, its lowercase form,
# the keys the engine stores and the word's Latin spellings, both in a Kazakh sentence).
# The evidence is 1 for Kazakh and 1j for Russian, so that one C-level sum() over a
# sentence counts both. Indexing a million records spends most of its time here, so the
# hot path is a dict lookup per word and C-level iteration; the dict is emptied when it
# grows too big. Keys in a Russian sentence are looked up only there: most words never
# need Snowball.
_Entry = tuple[
    complex, tuple[str, ...], str, tuple[str, ...], tuple[tuple[str, str], ...]
]
_EVIDENCE = {"kk": 1, "ru": 1j, "": 0}
_ENTRIES: dict[str, _Entry] = {}
_MAX_ENTRIES = 500_000
_evidence_of = itemgetter(0)
_kazakh_keys = itemgetter(1)
_kazakh_stored = itemgetter(3)
_kazakh_spellings = itemgetter(4)


def _entry(word: str) -> _Entry:
    if len(_ENTRIES) >= _MAX_ENTRIES:
        _ENTRIES.clear()
    lower = word.lower()
    entry = (
        _EVIDENCE[word_evidence(word)],
        document_keys(lower, "kk"),
        lower,
        *stored_keys(lower, "kk"),
    )
    _ENTRIES[word] = entry
    return entry


def _keys(entries: list[_Entry], language: str) -> Iterable[tuple[str, ...]]:
    """The keys of each word of a sentence analysed as ``language``."""
    if language == "kk":
        return map(_kazakh_keys, entries)
    return (document_keys(entry[2], "ru") for entry in entries)


def _stored(
    entries: list[_Entry], language: str
) -> tuple[Iterable[tuple[str, ...]], Iterable[tuple[tuple[str, str], ...]]]:
    """What the engine stores of each word, and each word's Latin spellings."""
    if language == "kk":
        return map(_kazakh_stored, entries), map(_kazakh_spellings, entries)
    pairs = [stored_keys(entry[2], "ru") for entry in entries]
    return map(itemgetter(0), pairs), map(itemgetter(1), pairs)


def _entries(words: list[str]) -> list[_Entry]:
    entries = list(map(_ENTRIES.get, words))
    if None in entries:
        pairs = zip(words, entries, strict=True)
        entries = [entry or _entry(word) for word, entry in pairs]
    return entries  # type: ignore[return-value]


def _vote(evidence: complex, default: str) -> str:
    """Russian if Russian evidence outweighs Kazakh, Kazakh if any, else ``default``.

    A tie goes to Kazakh: a Russian title quoted in Kazakh text is rarer than Kazakh
    text full of loans.
    """
    if evidence.imag > evidence.real:
        return "ru"
    return "kk" if evidence.real else default


def _sentences(
    text: str, language: str | None
) -> list[tuple[list[str], list[_Entry], str]]:
    """Words, their entries and the language of each sentence.

    A sentence without evidence takes the field's language: ``language`` when the caller
    gives "kk" or "ru", else the vote over the whole field ("kk" when there is none). A
    Russian footer under a Kazakh article ("Кликните на изображение...") is therefore
    stemmed as Russian. The language only matters for Cyrillic words. Most fields show
    evidence of one language only and are not split into sentences at all.
    """
    text = normalize_text(text)
    words = TOKEN_RE.findall(text)
    entries = _entries(words)
    total = sum(map(_evidence_of, entries), 0j)
    if not total.imag and language != "ru":
        return [(words, entries, "kk")]
    if not total.real and language != "kk":
        return [(words, entries, "ru")]
    default = language if language in ("kk", "ru") else _vote(total, "kk")
    parts = []
    for sentence in SENTENCE_END.split(text):
        words = TOKEN_RE.findall(sentence)
        entries = _entries(words)
        evidence = sum(map(_evidence_of, entries), 0j)
        parts.append((words, entries, _vote(evidence, default)))
    return parts


def analyze(text: str, language: str | None = None) -> list[Token]:
    """Tokens of a field for indexing and highlighting.

    ``language`` is the field's language when the record states it ("kk", "ru", "en");
    sentences that clearly show another language still follow their own evidence, and
    ``None`` lets the text decide everything.
    """
    tokens: list[Token] = []
    for words, entries, sentence_language in _sentences(text, language):
        for word, keys in zip(words, _keys(entries, sentence_language), strict=True):
            stem = keys[1] if len(keys) > 1 else keys[0]
            token = Token(word, len(tokens), keys[0], stem, keys, sentence_language)
            tokens.append(token)
    return tokens


def index_keys(text: str, language: str | None = None) -> list[str]:
    """All keys to store for a field, word by word, as space-separable tokens."""
    return list(
        chain.from_iterable(
            chain.from_iterable(_keys(entries, sentence_language))
            for _, entries, sentence_language in _sentences(text, language)
        )
    )


def engine_keys(
    text: str, language: str | None = None
) -> tuple[list[str], set[tuple[str, str]]]:
    """What the engine stores for a field, and its (Latin spelling, exact form) pairs.

    ``index_keys`` less what a query can derive (see ``keys.stored_keys``)."""
    stored: list[str] = []
    spellings: set[tuple[str, str]] = set()
    for _, entries, sentence_language in _sentences(text, language):
        keys, pairs = _stored(entries, sentence_language)
        stored += chain.from_iterable(keys)
        spellings.update(chain.from_iterable(pairs))
    return stored, spellings


def analyze_query(text: str, synonyms: bool = True) -> list[QueryTerm]:
    """Terms of a query, one per word.

    Query syntax (quotes, ``-word``, ``field:``) is the backend's business: pass the
    words, not the operators. ``synonyms=False`` leaves out мұражай → музей and the
    like.
    """
    terms = []
    for word in TOKEN_RE.findall(normalize_text(text)):
        exact, keys = query_word_keys(word.lower(), synonyms)
        terms.append(QueryTerm(word, exact, frozenset(keys)))
    return terms


def query_keys(text: str, synonyms: bool = True) -> list[list[str]]:
    """One list of alternative keys per query word: run it as an AND of ORs."""
    words = TOKEN_RE.findall(normalize_text(text).lower())
    return [list(query_word_keys(word, synonyms)[1]) for word in words]


def add_protected_words(names: Iterable[str]) -> None:
    """Protect names from suffix stripping, e.g. the catalogue's authority names.

    Names that end like an inflection (Қызылорда = Қызылор + -да) are otherwise cut.
    A one-word name is protected whole; of a longer one, its capitalised words only
    ("Шиелі ауданы" protects Шиелі, not the inflected ауданы). Clears the analyser's
    caches: call it at start-up or before a reindex.
    """
    kazakh.protect_words(names)
    clear_caches()
    _ENTRIES.clear()
