"""Text analysis for Mura's search: Kazakh, Russian and English, Cyrillic and Latin.

Pure Python (no Django), so every search backend indexes and queries through the same
code; the rest of the search app uses only what this package exports.
``docs/SEARCH_ANALYSIS.md`` explains the pipeline, the key encoding and the figures.
"""

from .analyzer import (
    QueryTerm,
    Token,
    add_protected_words,
    analyze,
    analyze_query,
    engine_keys,
    index_keys,
    query_keys,
)
from .engine import (
    analyse_fields,
    field_keys,
    identifier_key,
    prefix_keys,
    reader_text,
    tokens,
    typable,
    word_keys,
    words,
)
from .fuzzy import edit_candidates
from .kazakh import stem_kk
from .keys import (
    EXACT,
    FACET_MARKER,
    FOLDED,
    RUSSIAN,
    SKELETON,
    engine_alternatives,
    facet_key,
    fold_latin_to_cyrillic_keys,
    is_folded,
    is_spelling,
)
from .language import detect_language
from .normalize import keyboard_fold, repair_homoglyphs
from .pool import AnalysisPool
from .snowball import stem_en, stem_ru
from .synonyms import SYNONYMS

__all__ = [
    "FACET_MARKER",
    "EXACT",
    "FOLDED",
    "RUSSIAN",
    "SKELETON",
    "SYNONYMS",
    "AnalysisPool",
    "QueryTerm",
    "Token",
    "add_protected_words",
    "analyse_fields",
    "analyze",
    "analyze_query",
    "detect_language",
    "edit_candidates",
    "engine_alternatives",
    "engine_keys",
    "facet_key",
    "field_keys",
    "fold_latin_to_cyrillic_keys",
    "identifier_key",
    "index_keys",
    "is_folded",
    "is_spelling",
    "keyboard_fold",
    "prefix_keys",
    "query_keys",
    "reader_text",
    "repair_homoglyphs",
    "stem_en",
    "stem_kk",
    "stem_ru",
    "tokens",
    "typable",
    "word_keys",
    "words",
]
