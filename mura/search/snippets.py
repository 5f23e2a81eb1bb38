"""Names in a result in the reader's language.

An indexer stores the name forms of one authority on one line, joined by `` · ``
(Қызылорда · Кызылорда · Kyzylorda · Ақмешіт · Перовск): every form is searchable. A
result shows one of them: the facet label in the reader's language when the line is a
facet value of the document (subjects, places, persons), plus the variant the query
matched where that is another form (Кызылорда (<mark>Ақмешіт</mark>))."""

import html
from collections.abc import Iterable

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from mura.portal.translation import localized_value
from mura.search import facet_store
from mura.search.backends.results import TABLE_FACETS
from mura.search.models import SearchDocument, SearchFacetLabel

SEPARATOR = " · "
#: matched variants shown beside the reader's form of a name
VARIANTS = 2

Forms = dict[str, SearchFacetLabel]


def facet_forms(documents: Iterable[SearchDocument]) -> dict[int, Forms]:
    """For each document, every label form (casefolded) of its table facets' values
    → that value's labels; the labels read with one query."""
    wanted: dict[int, set[tuple[str, str]]] = {}
    for document in documents:
        # From the facet store the search has just counted with: no row is read.
        coded = facet_store.store.rows([document.pk], public_only=False)
        pairs = (
            coded.values[code].partition("=") for row in coded.rows for code in row
        )
        wanted[document.pk] = {
            (name, value) for name, _, value in pairs if name in TABLE_FACETS
        }
    every = set().union(*wanted.values()) if wanted else set()
    if not every:
        return {pk: {} for pk in wanted}
    # One IN over the values (an OR per pair costs more to build than to run).
    labels = {
        (f.name, f.value): f
        for f in SearchFacetLabel.objects.filter(value__in={v for _, v in every})
        if (f.name, f.value) in every
    }
    forms: dict[int, Forms] = {}
    for pk, pairs in wanted.items():
        forms[pk] = {
            form.casefold(): labels[pair]
            for pair in pairs
            if pair in labels
            for form in (
                labels[pair].label_kk,
                labels[pair].label_ru,
                labels[pair].label_en,
            )
            if form
        }
    return forms


def _plain(part: str) -> str:
    return html.unescape(strip_tags(part)).strip(" …").casefold()


def names_line(line: str, forms: Forms, language: str) -> str:
    """One line of a snippet (escaped, words marked) with its name forms cut to the
    reader's form and the matched variants."""
    parts = line.split(SEPARATOR)
    if len(parts) < 2:
        return line
    plain = [_plain(part) for part in parts]
    label = next((forms[p] for p in plain if p in forms), None)
    if label is not None:
        wanted = localized_value(label, "label", language)
        shown = next(
            (
                part
                for part, p in zip(parts, plain, strict=True)
                if p == wanted.casefold()
            ),
            str(escape(wanted)),
        )
    else:  # not a facet value (an authority's other names): what matched best
        shown = max(parts, key=lambda part: part.count("<mark>"))
    variants = [part for part in parts if "<mark>" in part and part != shown]
    if variants and "<mark>" not in shown:
        return f"{shown} ({', '.join(variants[:VARIANTS])})"
    return shown


def reader_snippet(snippet: str, forms: Forms, language: str) -> SafeString:
    """A snippet's lines (fields of a record), name forms cut, as one line."""
    lines = [
        names_line(line, forms, language)
        for line in snippet.split("\n")
        if line.strip()
    ]
    return mark_safe(SEPARATOR.join(lines))  # noqa: S308 - the snippet is escaped already


def creator_names(creators: str, forms: Forms, language: str, matched) -> list[str]:
    """Each creator's name in the reader's language, with a form the query matched
    (``matched(form)``) where that is another one."""
    names = []
    for line in creators.splitlines():
        parts = [part for part in line.split(SEPARATOR) if part]
        if not parts:
            continue
        label = next(
            (forms[p.casefold()] for p in parts if p.casefold() in forms), None
        )
        shown = localized_value(label, "label", language) if label else parts[0]
        variant = next(
            (part for part in parts if part != shown and matched(part)), None
        )
        names.append(
            f"{shown} ({variant})" if variant and not matched(shown) else shown
        )
    return names
