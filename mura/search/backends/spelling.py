"""The Latin spelling table: written with the index, read to resolve Latin query words
to the Cyrillic forms they reach (``analysis.keys.stored_keys`` explains the keys)."""

from collections.abc import Iterable
from dataclasses import replace

from django.db import connection

from mura.search import analysis
from mura.search.models import SearchSpelling
from mura.search.query import ParsedQuery, Term


def spellings_add(insert_sql: str, pairs: set[tuple[str, str]]) -> None:
    """Store (Latin spelling, exact form) pairs of newly indexed text with the engine's
    ``insert_sql`` (which skips those already stored)."""
    if pairs:
        with connection.cursor() as cursor:
            cursor.executemany(insert_sql, [(k[:100], f[:200]) for k, f in pairs])


def spellings_forget() -> None:
    """Empty the spelling table (a full rebuild fills it again)."""
    SearchSpelling.objects.all().delete()


def resolve(query: ParsedQuery) -> ParsedQuery:
    """The query with the keys the engine stores: each word's stems also as exact
    forms, its Latin spellings as the Cyrillic forms they reach in the spelling table.
    Resolving twice changes nothing."""
    if query.resolved:
        return query
    words = [*query.terms, *query.excluded]
    resolved = {term: analysis.engine_alternatives(term.keys) for term in words}
    spellings = set().union(*(latin for _, latin in resolved.values()))
    forms: dict[str, set[str]] = {}
    if spellings:
        for key, form in SearchSpelling.objects.filter(key__in=spellings).values_list(
            "key", "form"
        ):
            forms.setdefault(key, set()).add(form)

    def engine_term(term: Term) -> Term:
        if term.column == "id_keys":
            return term
        direct, latin = resolved[term]
        keys = direct.union(*(forms.get(key, ()) for key in latin))
        return replace(term, keys=frozenset(keys))

    return replace(
        query,
        resolved=True,
        terms=[engine_term(term) for term in query.terms],
        excluded=[engine_term(term) for term in query.excluded],
    )


def vocabulary(engine_keys: dict[str, int]) -> dict[str, int]:
    """Every key a query word can have that finds something, with a document count:
    the engine's keys, the stems its exact forms carry, the Latin spellings."""
    keys = engine_keys
    for key, count in list(keys.items()):
        if key[:1] == analysis.EXACT:
            keys.setdefault(key[1:], count)
    spellings = SearchSpelling.objects.values_list("key", flat=True).distinct()
    for key in spellings.iterator(chunk_size=5000):
        keys.setdefault(key, 1)
    return keys


def spelled_keys(keys: Iterable[str]) -> set[str]:
    """Those of ``keys`` that are Latin spellings of an indexed form."""
    return set(
        SearchSpelling.objects.filter(key__in=set(keys)).values_list("key", flat=True)
    )


def spelled_forms(prefixes: list[str], limit: int = 100) -> list[str]:
    """Exact forms whose Latin spellings start with one of ``prefixes``."""
    forms: list[str] = []
    for prefix in prefixes:
        forms += SearchSpelling.objects.filter(
            key__gte=prefix, key__lt=prefix + "\U0010ffff"
        ).values_list("form", flat=True)[:limit]
    return list(dict.fromkeys(forms))[:limit]
