# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""Suggestions as the reader types: titles, persons and subjects whose words start with
the unfinished word (in either script), the finished words matched whole."""

from typing import TYPE_CHECKING

from mura.search import analysis
from mura.search.backends.results import Filters
from mura.search.backends.spelling import spelled_forms
from mura.search.models import SearchDocument
from mura.search.query import parse
from mura.search.tables import DOCUMENT

if TYPE_CHECKING:
    from mura.search.backends.base import SearchBackend


def suggest(
    engine: "SearchBackend", fragment: str, limit: int, include_private: bool
) -> list[SearchDocument]:
    """Titles, persons and subjects whose words start as the reader is typing."""
    # Words as the analyser splits them: "2)" or "a-" is no key prefix.
    words = analysis.words(fragment)
    if not words:
        return []
    head = parse(" ".join(words[:-1])).terms if len(words) > 1 else []
    prefixes = analysis.prefix_keys(words[-1])
    spelled = [prefix for prefix in prefixes if analysis.is_spelling(prefix)]
    prefixes_in_engine = [prefix for prefix in prefixes if prefix not in spelled]
    forms = spelled_forms(spelled)
    if not (prefixes_in_engine or forms):
        return []
    sql, params = engine.prefix_sql(head, prefixes_in_engine, 200, forms)
    where, where_params = engine.compiler.filters_sql(
        Filters(include_private=include_private)
    )
    documents = list(
        SearchDocument.objects.raw(
            f"SELECT d.id, d.title, d.kind, d.url FROM {DOCUMENT} d "
            f"WHERE d.id IN ({sql}) AND {where}",
            [*params, *where_params],
        )
    )
    first = prefixes[0][1:] if prefixes[0][:1].isdigit() else prefixes[0]

    def rank(document: SearchDocument) -> tuple:
        title = document.title.lower()
        return (
            document.kind not in ("person", "subject"),
            not title.startswith(first),
            len(title),
        )

    documents.sort(key=rank)
    unique, seen = [], set()
    for document in documents:
        if document.title.lower() not in seen:
            seen.add(document.title.lower())
            unique.append(document)
    return unique[:limit]
