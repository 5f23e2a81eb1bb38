"""Reading the index for people: request parameters in, presentable results out.

The page, the API and the suggestions share these, so they agree on what a query means.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.conf import settings
from django.http import QueryDict
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from mura.institutions.models import Institution
from mura.portal.content_version import content_cached
from mura.portal.querystring import whole_number
from mura.portal.translation import LANGUAGE_CODES, current_language
from mura.search import analysis, highlight, snippets
from mura.search.backends import FACETS, SORTS, Filters, Results, get_backend
from mura.search.models import SearchDocument
from mura.search.query import ParsedQuery, Term, parse
from mura.search.registry import facet_label, kind_label, kind_order

MAX_PAGE = 500
_CYRILLIC = re.compile("[\u0400-\u04ff]")


@dataclass
class Row:
    document: SearchDocument
    title: SafeString
    snippet: SafeString
    kind_label: str
    institution: str
    pinned: bool
    creators: SafeString
    url: str  #: under the reader's language prefix
    #: the language of the title and text where the reader reads another one
    other_language: str = ""
    #: set for a translated page shown in its original: no translation to the
    #: reader's language exists
    untranslated: bool = False


def reader_url(url: str, language: str) -> str:
    """A stored address (the index is built in the site's language, pages in their
    own) under the reader's language prefix: catalogue records and pages alike keep
    the reader in their language when followed."""
    if not url.startswith("/") or url.startswith("//"):
        return url
    first, slash, rest = url[1:].partition("/")
    path = f"/{rest}" if slash and first in _PREFIXED else url
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


#: languages whose addresses carry a prefix (``i18n_patterns``, the default's has none)
_PREFIXED = frozenset(code for code in LANGUAGE_CODES if code != settings.LANGUAGE_CODE)


#: Years a filter may name; others cannot be a record's year and are ignored.
YEARS = range(-9999, 10_000)
#: Institution ids are positive 64-bit integers: no other value can be one.
INSTITUTION_IDS = range(1, 2**63)


def _facet_value(name: str, value: str) -> bool:
    """Whether a facet value can select anything: a number in range where the facet is
    numeric, else text without untypable characters (PostgreSQL refuses a NUL)."""
    if name == "institution":
        return whole_number(value, INSTITUTION_IDS) is not None
    if name == "decade":
        return whole_number(value, YEARS) is not None
    return bool(value) and analysis.typable(value)


def filters_from(params: QueryDict) -> Filters:
    """Filters from request parameters; values that can select nothing are ignored,
    as a reader expects of a filter that does not apply."""
    filters = Filters(
        **{
            name: [v for v in params.getlist(name) if _facet_value(name, v)][:20]
            for name in FACETS
        }
    )
    filters.year_from = whole_number(params.get("year_from"), YEARS)
    filters.year_to = whole_number(params.get("year_to"), YEARS)
    return filters


def run(
    params: QueryDict, *, page_size: int = 20
) -> tuple[ParsedQuery, Filters, Results]:
    query = parse(params.get("q", ""))
    filters = filters_from(params)
    sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
    page = min(max(whole_number(params.get("page")) or 1, 1), MAX_PAGE)
    backend = get_backend()
    results = backend.search(query, filters, sort=sort, page=page, page_size=page_size)
    if results.page > results.num_pages:  # a page beyond the last shows the last
        results = backend.search(
            query, filters, sort=sort, page=results.num_pages, page_size=page_size
        )
    results.institutions = _institution_names(
        [
            int(f.value)
            for f in results.facets.get("institution", [])
            if f.value.isdigit()
        ]
        + [hit.document.institution_id for hit in results.hits]
    )
    label_facets(results, filters)
    return query, filters, results


def _institution_names(ids: Iterable[int | None]) -> dict[int, str]:
    """Institution names by id in the reader's language, every name read once per process
    and content version with only the name columns (the rows are wide)."""
    names = content_cached(
        f"institution-names:{translation.get_language()}",
        lambda: {
            institution.pk: str(institution)
            for institution in Institution.objects.only(
                *(
                    f"{field}_{code}"
                    for field in ("name", "short_name")
                    for code in LANGUAGE_CODES
                )
            )
        },
    )
    return {i: names[i] for i in ids if i in names}


def label_facets(results: Results, filters: Filters) -> None:
    """Human labels for the column facets; mark the selected values."""
    order = {kind: i for i, kind in enumerate(kind_order())}
    results.facets.get("kind", []).sort(
        key=lambda f: (-f.count, order.get(f.value, 99))
    )
    for name, values in results.facets.items():
        selected = set(getattr(filters, name))
        for facet in values:
            facet.selected = facet.value in selected
            if name == "kind":
                facet.label = kind_label(facet.value)
            elif name == "institution":
                facet.label = (
                    results.institutions.get(int(facet.value), facet.value)
                    if facet.value.isdigit()
                    else facet.value
                )
            elif name == "language":
                facet.label = facet_label(name, facet.value)
            elif name == "decade":
                facet.label = f"{facet.value}–{int(facet.value) + 9}"


def rows(query: ParsedQuery, results: Results) -> list[Row]:
    terms = query.highlight_terms
    reader = current_language()
    forms = snippets.facet_forms(hit.document for hit in results.hits)

    def indexed(stored: str) -> highlight.Indexed | None:
        """The field's stored keys with the engine's, for marking words from the index."""
        return (stored, results.engine_keys) if stored and results.engine_keys else None

    out = []
    for hit in results.hits:
        document = hit.document
        language = document.language
        body, stored = document.body, document.body_keys
        if not body:
            body, stored = document.creators or document.identifiers, ""
        if terms and not highlight.matches(body, terms, language, indexed(stored)):
            for other in (document.creators, document.identifiers):
                if other and highlight.matches(other, terms, language):
                    body, stored = other, ""
                    break
        # One line per creator, its name forms joined by " · ": the reader's form.
        creators = "; ".join(
            snippets.creator_names(
                document.creators,
                forms[document.pk],
                reader,
                lambda form: bool(terms) and highlight.matches(form, terms, language),  # noqa: B023 - used at once
            )
        )
        out.append(
            Row(
                document=document,
                title=highlight.highlight(
                    document.title, terms, language, indexed(document.title_keys)
                ),
                # Fields of a record are stored one per line; show them as one line,
                # each name in the reader's language.
                # The creators have a line of their own: not repeated as the text.
                snippet=snippets.reader_snippet(
                    str(highlight.snippet(body, terms, language, indexed(stored))),
                    forms[document.pk],
                    reader,
                )
                if body != document.creators
                else mark_safe(""),
                kind_label=kind_label(document.kind),
                institution=results.institutions.get(document.institution_id, ""),
                pinned=hit.pinned,
                creators=highlight.highlight(creators, terms, language),
                url=reader_url(document.url, reader),
                other_language=language
                if language in LANGUAGE_CODES and language != reader
                else "",
                untranslated=bool(document.group_key) and language != reader,
            )
        )
    return out


def _surface(key: str, typed: str) -> str | None:
    """The word of the index with ``key`` that looks most like what was typed."""
    query = ParsedQuery(raw=key, terms=[Term(key, key, frozenset([key]))])
    hits = get_backend().search(query, page_size=3, facets=False).hits
    forms = {
        token.surface.lower()
        for hit in hits
        for field in (hit.document.title, hit.document.creators, hit.document.body)
        for token in analysis.tokens(field, hit.document.language)
        if key in token.keys
    }
    forms = {form for form in forms if _in_script_of(typed, form)} or forms
    return max(
        sorted(forms),
        key=lambda form: SequenceMatcher(None, form, typed.lower()).ratio(),
        default=None,
    )


def _in_script_of(typed: str, key: str) -> bool:
    """Whether an index key is written in the script of the typed word (its marker
    aside): a Cyrillic typo is corrected in Cyrillic, never to a Latin spelling."""
    body = key.lstrip("0123456789")
    return bool(_CYRILLIC.search(body)) == bool(_CYRILLIC.search(typed))


def _as_typed(word: str, typed: str) -> str:
    """``word`` with the capitals of what was typed (Мурагат → Мұрағат)."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word


def _common_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
        min(len(a), len(b)),
    )


def _properly_spelt(typed: str, reached: frozenset[str]) -> str | None:
    """The Kazakh word that ``typed``, written without the Kazakh letters, stands for
    (мурагат → мұрағат), among the exact forms its folded stems ``reached`` in the
    engine, when the index does not hold the typed form itself.

    The form that agrees with the most of what was typed lends its letters to that part
    (соз after сөздер is сөз)."""
    lowered = typed.lower()
    exact, keys = analysis.word_keys(typed)
    folded = [key[1:] for key in keys if analysis.is_folded(key)]
    if not folded:
        return None
    forms = sorted(key[1:] for key in reached if key[:1] == analysis.EXACT)
    agreeing = [
        (_common_prefix(folded_form, lowered), form)
        for form in forms
        if (folded_form := analysis.keyboard_fold(form)) != form
    ]
    length, form = max(agreeing, key=lambda pair: pair[0], default=(0, ""))
    proper = form[:length] + lowered[length:]
    if length < min(map(len, folded)) or proper == lowered:
        return None
    return None if get_backend().holds(exact) else _as_typed(proper, typed)


def _nearest(bare: str) -> str | None:
    """The indexed word one edit away from an unknown word, in the script it was
    typed in, or None when the word is known or nothing is near."""
    backend = get_backend()
    _, keys = analysis.word_keys(bare) if analysis.words(bare) else ("", frozenset())
    if not keys or backend.vocabulary_of(keys):
        return None
    indexed = backend.vocabulary_of(analysis.edit_candidates(bare))
    candidates = sorted(key for key in indexed if _in_script_of(bare, key))
    best = max(candidates, key=indexed.__getitem__, default=None)
    surface = _surface(best, bare) if best else None
    return _as_typed(surface, bare) if surface else None


def did_you_mean(raw: str, results: Results) -> str | None:
    """The query as the reader most likely meant it, or None: words typed without the
    Kazakh letters spelt properly (кара соз → қара сөз, also when the folded words found
    something), and when nothing was found, unknown words replaced by the nearest
    indexed word in the script they were typed in. ``results`` are the query's."""
    changed, out = False, []
    for word in raw.split():
        bare = word.lstrip("-").split(":")[-1].strip('"')
        typed = analysis.words(bare)
        better = None
        if len(typed) == 1 and not bare.isdigit():
            bare = typed[0]
            better = _properly_spelt(bare, results.engine_keys)
            if better is None and not results.count:
                better = _nearest(bare)
        if better:
            out.append(word.replace(bare, better))
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None


def suggestions(fragment: str, limit: int = 8) -> list[dict[str, str]]:
    fragment = analysis.reader_text(fragment, 100)
    if len(fragment.replace(" ", "")) < 2:
        return []
    return [
        {
            "title": document.title,
            "kind": document.kind,
            "kind_label": kind_label(document.kind),
            "url": reader_url(document.url, current_language()),
        }
        for document in get_backend().suggest(fragment, limit=limit)
    ]
