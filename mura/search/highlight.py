"""Marking the reader's words in the original text, in whatever form they appear there.

The original field is analysed again (the analyser gives each word's surface and keys),
and a word is marked when it shares a key with a query term: кітапхана marks
кітапханасының, kitaphana marks кітапхана.
"""

from collections.abc import Iterable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from mura.search import text
from mura.search.query import Term

SNIPPET_WORDS = 32


def _spans(
    original: str, language: str, terms: Sequence[Term]
) -> list[tuple[int, int, bool]]:
    """(start, end, matched) of each word of ``original``."""
    spans, cursor = [], 0
    for token in text.tokens(original, language):
        start = original.find(token.surface, cursor)
        if start < 0:
            continue
        end = start + len(token.surface)
        keys = set(token.keys)
        spans.append((start, end, any(keys & term.keys for term in terms)))
        cursor = end
    return spans


def _render(
    original: str, spans: list[tuple[int, int, bool]], start: int, end: int
) -> str:
    parts, cursor = [], start
    for span_start, span_end, matched in spans:
        if span_start < start or span_end > end or not matched:
            continue
        parts.append(escape(original[cursor:span_start]))
        parts.append(f"<mark>{escape(original[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(original[cursor:end]))
    return "".join(parts)


def highlight(original: str, terms: Sequence[Term], language: str = "") -> SafeString:
    """The whole text, escaped, with the matching words in <mark>."""
    if not original:
        return mark_safe("")
    spans = _spans(original, language, terms) if terms else []
    return mark_safe(_render(original, spans, 0, len(original)))  # noqa: S308 - every piece is escaped


def snippet(
    original: str, terms: Sequence[Term], language: str = "", words: int = SNIPPET_WORDS
) -> SafeString:
    """About ``words`` words around the first match (or the start), matches marked."""
    if not original:
        return mark_safe("")
    spans = _spans(original, language, terms) if terms else []
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
        tokens = [set(token.keys) for token in text.tokens(field, language)]
        for i in range(len(tokens) - len(phrase) + 1):
            if all(tokens[i + j] & term.keys for j, term in enumerate(phrase)):
                return True
    return False


def matches(original: str, terms: Sequence[Term], language: str = "") -> bool:
    return any(matched for _, _, matched in _spans(original, language, terms))
