"""Known items: the records a query names, ranked above the ones that only mention it.

A reader typing "Абай" most likely wants the authority record of Abai, a reader typing
"Қара сөздер" the book of that title. Of the documents with every word of the query in
their title (the engine's title match, short titles first), two tiers go first:

* the query names the record: an authority (``registry.is_name_kind``) whose name has
  every word of the query, or a title made of the query's words only (numbers and
  dates aside);
* the title begins with the query's words, in order.

Decided from the stored title keys (a word's keys start with its exact form), so any
form or script the engine matched counts, without analysing the text again."""

from dataclasses import dataclass, field

from mura.search.analysis import EXACT
from mura.search.query import ParsedQuery
from mura.search.registry import is_name_kind

#: title matches read to find the known items (the best by the engine's title score,
#: short titles first; each is a read of its row)
CANDIDATES = 50
#: known items of each tier ranked first
LIMIT = 20


@dataclass
class KnownItems:
    named: list[int] = field(default_factory=list)  #: names and exact titles
    begun: list[int] = field(default_factory=list)  #: titles that begin so

    def __bool__(self) -> bool:
        return bool(self.named or self.begun)

    @property
    def ids(self) -> list[int]:
        return [*self.named, *self.begun]


def applies(query: ParsedQuery) -> bool:
    """Only plain words can name a record (no exclusions, identifiers or fields)."""
    return bool(query.terms) and not (
        query.excluded or query.identifiers or any(term.column for term in query.terms)
    )


def title_words(title_keys: str) -> list[set[str]]:
    """The keys of each word of a title, numbers left out (a person's dates)."""
    words: list[set[str]] = []
    for key in title_keys.split():
        if key.isdigit():
            continue
        if key.startswith(EXACT) or not words:
            words.append({key})
        else:
            words[-1].add(key)
    return words


def tier(query: ParsedQuery, kind: str, title_keys: str) -> int | None:
    """0 when the title names what was asked for, 1 when it begins with the query's
    words, else None."""
    terms = [term.keys for term in query.terms]
    words = title_words(title_keys)
    if not all(any(word & keys for word in words) for keys in terms):
        return None
    if is_name_kind(kind) or all(any(word & keys for keys in terms) for word in words):
        return 0
    if len(words) >= len(terms) and all(
        word & keys for word, keys in zip(words, terms, strict=False)
    ):
        return 1
    return None


def known_items(
    query: ParsedQuery, candidates: list[tuple[int, str, str]]
) -> KnownItems:
    """The known items among (id, kind, title keys) candidates, best title first."""
    found = KnownItems()
    for pk, kind, title_keys in candidates:
        rank = tier(query, kind, title_keys)
        if rank == 0 and len(found.named) < LIMIT:
            found.named.append(pk)
        elif rank == 1 and len(found.begun) < LIMIT:
            found.begun.append(pk)
    return found
