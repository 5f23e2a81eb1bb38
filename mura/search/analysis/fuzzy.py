"""Typo tolerance: index keys one edit away from a query word's stems.

Used for "did you mean" and as a fallback when a query finds nothing (the seed article
itself writes Сесияның for Сессияның). Only stems of five letters or more are varied:
shorter words are one edit away from too many others (ел, ет, ем, ен...).
"""

from collections.abc import Iterator

from .keys import EXACT, query_word_keys
from .normalize import TOKEN_RE, normalize_text

MIN_LENGTH = 5
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
_LATIN = "abcdefghijklmnopqrstuvwxyz"


def _edits(word: str, alphabet: str) -> Iterator[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            yield head + tail[1:]
            if len(tail) > 1:
                yield head + tail[1] + tail[0] + tail[2:]
            for ch in alphabet:
                yield head + ch + tail[1:]
        for ch in alphabet:
            yield head + ch + tail


def edit_candidates(word: str) -> set[str]:
    """Every key one edit away from a stem key of ``word``, other than its own keys.

    Exact-form keys are skipped; markers (``1``, ``2``) are kept and never edited."""
    found: set[str] = set()
    for token in TOKEN_RE.findall(normalize_text(word).lower()):
        _, keys = query_word_keys(token)
        for key in keys:
            if key.startswith(EXACT) or key.isdigit():
                continue
            marker = key[0] if key[0].isdigit() else ""
            body = key[len(marker) :]
            if len(body) < MIN_LENGTH:
                continue
            alphabet = _LATIN if body.isascii() else _CYRILLIC
            found.update(marker + edit for edit in _edits(body, alphabet))
        found.difference_update(keys)
    return found
