"""Marking the reader's words in the original text, in whatever form they appear there.

A word is marked when it shares a key with a query term: кітапхана marks
кітапханасының, kitaphana marks кітапхана. The keys come from the index itself when
it has them for the field (the keys stored for each word, matched against the keys the
engine ran, so a word is marked exactly when the engine matched it), else from
analysing the original field again.
"""

from collections.abc import Iterable, Sequence
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mura.search import analysis
from mura.search.query import Term

SNIPPET_WORDS = 32


#: (the keys the index stores for a field, the keys the engine ran), when both are known
Indexed = tuple[str, frozenset[str]]
Spans = tuple[tuple[int, int, bool], ...]


def _spans(
    original: str, language: str, terms: Sequence[Term], indexed: Indexed | None = None
) -> Spans:
    """(start, end, matched) of each word of ``original``: from the index when it has
    the field's keys (see ``indexed_spans``), else by analysing the text again."""
    if not terms:
        return ()
    if indexed is not None:
        spans = indexed_spans(original, *indexed)
        if spans is not None:
            return spans
    spans, cursor = [], 0
    for token in analysis.tokens(original, language):
        start = original.find(token.surface, cursor)
        if start < 0:
            continue
        end = start + len(token.surface)
        keys = set(token.keys)
        spans.append((start, end, any(keys & term.keys for term in terms)))
        cursor = end
    return tuple(spans)


def _stored_words(stored: str) -> list[set[str]]:
    """The stored keys of each word of a field: a word's keys begin with its exact form
    (``0``…) or are its digits (``analysis.keys.stored_keys``)."""
    words: list[set[str]] = []
    exact = analysis.EXACT
    for key in stored.split():
        if key[0] == exact or key.isdigit() or not words:
            words.append({key})
        else:
            words[-1].add(key)
    return words


@lru_cache(maxsize=256)
def indexed_spans(
    original: str, stored: str, engine_keys: frozenset[str]
) -> Spans | None:
    """(start, end, matched) of each word of ``original``, matched through the keys the
    index stores for it against the keys the engine ran (so a word is marked exactly
    when the engine matched it); None when the stored keys do not line up with the
    text word for word (an index older than the text). Cached: a result's snippet and
    its match check read the same field."""
    surfaces = analysis.words(original)
    words = _stored_words(stored)
    if len(surfaces) != len(words):
        return None
    spans, cursor = [], 0
    for surface, keys in zip(surfaces, words, strict=True):
        start = original.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        spans.append((start, cursor, not engine_keys.isdisjoint(keys)))
    return tuple(spans)


def _render(original: str, spans: Spans, start: int, end: int) -> str:
    parts, cursor = [], start
    for span_start, span_end, matched in spans:
        if span_start < start or span_end > end or not matched:
            continue
        parts.append(escape(original[cursor:span_start]))
        parts.append(f"<mark>{escape(original[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(original[cursor:end]))
    return "".join(parts)


def highlight(
    original: str,
    terms: Sequence[Term],
    language: str = "",
    indexed: Indexed | None = None,
) -> SafeString:
    """The whole text, escaped, with the matching words in <mark>."""
    if not original:
        return mark_safe("")
    spans = _spans(original, language, terms, indexed)
    return mark_safe(_render(original, spans, 0, len(original)))  # noqa: S308 - every piece is escaped


def snippet(
    original: str,
    terms: Sequence[Term],
    language: str = "",
    indexed: Indexed | None = None,
    words: int = SNIPPET_WORDS,
) -> SafeString:
    """About ``words`` words around the first match (or the start), matches marked."""
    if not original:
        return mark_safe("")
    spans = _spans(original, language, terms, indexed)
    if not spans:
        cut = original[:240]
        return mark_safe(escape(cut) + ("…" if len(original) > 240 else ""))  # noqa: S308
    first = next((i for i, span in enumerate(spans) if span[2]), 0)
    low = max(0, first - words // 3)
    high = min(len(spans), low + words)
    start = 0 if low == 0 else spans[low][0]
    end = len(original) if high == len(spans) else spans[high - 1][1]
    body = _render(original, spans, start, end)
    return mark_safe(  # noqa: S308 - every piece is escaped by _render
        ("…" if start else "") + body + ("…" if end < len(original) else "")
    )


def has_phrase(
    phrase: Sequence[Term], fields: Iterable[str], language: str = ""
) -> bool:
    """Whether one of ``fields`` has the phrase's words one after another."""
    for field in fields:
        if not field:
            continue
        tokens = [set(token.keys) for token in analysis.tokens(field, language)]
        for i in range(len(tokens) - len(phrase) + 1):
            if all(tokens[i + j] & term.keys for j, term in enumerate(phrase)):
                return True
    return False


def matches(
    original: str,
    terms: Sequence[Term],
    language: str = "",
    indexed: Indexed | None = None,
) -> bool:
    return any(matched for _, _, matched in _spans(original, language, terms, indexed))
