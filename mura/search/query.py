"""What a reader typed, parsed into terms the backends can run.

Syntax: words (all must match, in any form), ``"quoted phrases"``, ``-exclusion``,
field prefixes ``author:``, ``title:``, ``isbn:`` (also before a phrase), and exact
identifiers (an ISBN with or without hyphens, an inventory number, an archival
reference code), which are tried as one normalised key.
"""

import re
from dataclasses import dataclass, field

from mura.search import analysis

FIELDS = {
    "author": "creator_keys",
    "title": "title_keys",
    "isbn": "id_keys",
    "id": "id_keys",
}
#: Characters of a query that are read: the search box takes no more.
MAX_LENGTH = 300
_SYNTAX = re.compile(r'(-)?(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True)
class Term:
    """One query word: it matches an indexed word that has any of ``keys``."""

    text: str
    exact: str
    keys: frozenset[str]
    column: str = ""  #: restrict to one indexed field ("" = any)


@dataclass
class ParsedQuery:
    raw: str
    terms: list[Term] = field(default_factory=list)  #: all must match
    phrases: list[list[Term]] = field(
        default_factory=list
    )  #: words that must be adjacent
    excluded: list[Term] = field(default_factory=list)
    identifiers: list[str] = field(default_factory=list)  #: normalised identifier keys
    #: terms hold the engine's keys (``SearchBackend.resolve``); phrases keep the typed ones
    resolved: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.excluded or self.identifiers)

    @property
    def highlight_terms(self) -> list[Term]:
        return self.terms


def _terms(fragment: str, column: str) -> list[Term]:
    terms = []
    for word in analysis.words(fragment):
        exact, keys = analysis.word_keys(word)
        if keys:
            terms.append(Term(word, exact, keys, column))
    return terms


def parse(raw: str) -> ParsedQuery:
    raw = analysis.reader_text(raw, MAX_LENGTH)
    query = ParsedQuery(raw=raw)
    whole = analysis.identifier_key(raw)
    if any(ch.isdigit() for ch in whole) and len(whole) >= 4:
        query.identifiers.append(whole)
    for match in _SYNTAX.finditer(raw):
        negative, prefix, phrase, word = match.groups()
        fragment = phrase if phrase is not None else word
        column = FIELDS.get((prefix or "").lower(), "")
        if prefix and not column:
            # Not a field we know ("Абай:" or "12:30"): the colon is punctuation.
            fragment = f"{prefix} {fragment}"
        if column == "id_keys":
            key = analysis.identifier_key(fragment)
            if key:
                query.identifiers.append(key)
                query.terms.append(Term(fragment, key, frozenset([key]), column))
            continue
        terms = _terms(fragment, column)
        if not terms:
            continue
        if negative:
            query.excluded.extend(terms)
        else:
            query.terms.extend(terms)
            if phrase is not None and len(terms) > 1:
                query.phrases.append(terms)
    query.identifiers = list(dict.fromkeys(query.identifiers))
    return query
