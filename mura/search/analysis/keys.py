"""Index keys: how one word becomes the tokens a full-text engine stores and matches.

Every key is a run of letters and digits, so SQLite FTS5 (ascii or unicode61) and
PostgreSQL ('simple', or ``array_to_tsvector``) keep it as one token. Words are letter
runs or digit runs (``normalize.TOKEN_RE``); a key that starts with a digit and goes on
with letters is therefore never a word, which is what the markers below rely on:

* ``0`` + form, ``0кітапханасының``: the exact form (a query ranks it higher);
* stem, ``кітапхана``: any Cyrillic form of a Kazakh noun;
* ``1`` + stem, ``1библиотек``: Russian forms (Snowball), only from Russian text;
* ``2`` + skeleton, ``2kitaphana``: Latin spellings of Kazakh Cyrillic text;
* ``4`` + folded stem, ``4казак``: Kazakh words with Kazakh letters as typed without
  them (қ → к, ә → а... ``normalize.keyboard_fold``), for queries typed so;
* ASCII stem, ``librari`` or ``kitaphana``: words written in Latin letters;
* digits, ``2019``: the same number (no marker, no stem);
* ``3`` + facet + hash letters, ``3subjectqkfz…``: a facet value of the document, among
  its identifier keys (``facet_key``; no word or query makes one).

Russian stems carry a marker because a Kazakh query word without Kazakh letters is also
tried as Russian (бала → бал) and must not then meet the Kazakh бал. Skeletons of
Cyrillic text carry one because they are lossy (қол and көл are both ``kol``): Latin
queries use them, Cyrillic queries use the exact Cyrillic stems and reach Latin-script
text only through unmarked skeletons. Folded stems carry one because they merge words
(қол, көл and Russian кол are all ``кол``): only query words without Kazakh letters
use them. Like the skeletons, they are kept in the spelling table, not per occurrence.
"""

import hashlib
import string
from functools import lru_cache

from .kazakh import stems_kk, stems_kk_folded, stems_kk_skeleton
from .latin import cyrillic_skeleton, latin_skeletons, russian_readings, squash
from .normalize import KAZAKH_LETTERS, fold_word, keyboard_fold, script
from .snowball import stem_en, stem_ru
from .synonyms import EXPANSIONS, FOLDED_EXPANSIONS, SKELETON_EXPANSIONS

EXACT = "0"
RUSSIAN = "1"
SKELETON = "2"
FOLDED = "4"
#: markers of keys kept in the spelling table (a query looks up the forms they reach)
_SPELLING_MARKERS = (SKELETON, FOLDED)


def _unique(keys: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


def _skeleton_stems(skeleton: str, synonyms: bool = False) -> list[str]:
    """Finished skeleton keys of a skeleton, with its synonyms' when asked.

    None for an empty skeleton: a word of letters the skeleton drops (ø, ß, ь) has no
    Latin spelling, and a bare marker would be a key of its own."""
    if not skeleton:
        return []
    stems = list(stems_kk_skeleton(skeleton))
    if synonyms:
        stems += [s for stem in stems for s in SKELETON_EXPANSIONS.get(stem, ())]
    return [squash(stem) for stem in stems]


@lru_cache(maxsize=1 << 18)
def document_keys(word: str, language: str) -> tuple[str, ...]:
    """Keys of one lowercase word of indexed text: exact form first, then its stem(s).

    ``language`` ("kk" or "ru") applies to Cyrillic words without Kazakh letters only.
    A Kazakh word that parses two ways (бизнесі: бизнес·і or бизне·сі) gets both stems.
    """
    word = fold_word(word)
    kind = script(word)
    if kind == "digits":
        return (word,)
    exact = EXACT + word
    if kind == "cyrl":
        if language == "ru" and KAZAKH_LETTERS.isdisjoint(word):
            return (exact, RUSSIAN + stem_ru(word))
        skeletons = _skeleton_stems(cyrillic_skeleton(word))
        folded = _folded_stems(word) if not KAZAKH_LETTERS.isdisjoint(word) else ()
        return _unique(
            [
                exact,
                *stems_kk(word),
                *(SKELETON + s for s in skeletons),
                *(FOLDED + s for s in folded),
            ]
        )
    if kind == "latn":
        skeletons = _skeleton_stems(latin_skeletons(word)[0])
        return _unique([exact, stem_en(word), *skeletons])
    return (exact, word)


def _folded_stems(word: str) -> tuple[str, ...]:
    """Stems of a Cyrillic word folded as typed without the Kazakh letters."""
    return stems_kk_folded(keyboard_fold(word))


def is_spelling(key: str) -> bool:
    """A key of the spelling table: a ``2``-marked Latin spelling (a skeleton, not a
    number) or a ``4``-marked keyboard-folded stem."""
    return key[0] in _SPELLING_MARKERS and not key.isdigit()


def is_folded(key: str) -> bool:
    """A ``4``-marked keyboard-folded stem (not a number)."""
    return key[0] == FOLDED and not key.isdigit()


@lru_cache(maxsize=1 << 18)
def stored_keys(
    word: str, language: str
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """(keys the engine stores, (Latin spelling, exact form) pairs) of one lowercase
    indexed word.

    The engine does not store what it can derive: a stem equal to the word itself is
    carried by the exact form (a query tries ``0`` + each of its keys), and the
    ``2``-marked Latin spellings and ``4``-marked folded stems of Cyrillic words go to
    a spelling table once per distinct word, where a Latin or keyboard-folded query
    looks up the exact forms they reach. That halves the tokens of an index of Kazakh
    text (bench/search_bench.py) and keeps a folded match apart from the typed form's
    own, which counts twice in the rank (exact spellings rank first).
    """
    keys = document_keys(word, language)
    exact = keys[0]
    stored = tuple(k for k in keys if k != exact[1:] and not is_spelling(k))
    return stored, tuple((k, exact) for k in keys if is_spelling(k))


def engine_alternatives(keys: frozenset[str]) -> tuple[set[str], set[str]]:
    """(keys to match in the engine, Latin spelling keys to look up) of a query word.

    Inverse of ``stored_keys``: a stem is also tried as an exact form."""
    direct = {k for k in keys if not is_spelling(k)}
    direct |= {EXACT + k for k in direct if not k[0].isdigit()}
    return direct, {k for k in keys if is_spelling(k)}


@lru_cache(maxsize=1 << 16)
def query_word_keys(word: str, synonyms: bool = True) -> tuple[str, tuple[str, ...]]:
    """(exact key, all keys) for one word of a query; an index word matches on any key.

    A query has no context to tell Kazakh from Russian, so a Cyrillic word without
    Kazakh letters is tried both ways, and as Kazakh typed without its letters (кара
    finds қара); a Latin word is tried in every reading of its ambiguous letters,
    against Cyrillic text, Latin-script text and Russian text read back into Cyrillic
    (abai finds Абая). With ``synonyms`` the stems of the word's synonyms are added
    (мұражай also finds музей).
    """
    word = fold_word(word)
    kind = script(word)
    if kind == "digits":
        return word, (word,)
    exact = EXACT + word
    keys = [exact]
    if kind == "cyrl":
        stems = list(stems_kk(word))
        if synonyms:
            stems += [other for stem in stems for other in EXPANSIONS.get(stem, ())]
        keys += stems
        keys += _skeleton_stems(cyrillic_skeleton(word), synonyms)
        if KAZAKH_LETTERS.isdisjoint(word):
            keys.append(RUSSIAN + stem_ru(word))
            folded = _folded_stems(word)
            keys += [FOLDED + stem for stem in folded]
            if synonyms:
                keys += [s for stem in folded for s in FOLDED_EXPANSIONS.get(stem, ())]
    elif kind == "latn":
        keys.append(stem_en(word))
        for skeleton in latin_skeletons(word):
            for stem in _skeleton_stems(skeleton, synonyms):
                keys += [stem, SKELETON + stem]
        keys += [RUSSIAN + stem_ru(reading) for reading in russian_readings(word)]
    else:
        keys.append(word)
    return exact, _unique(keys)


def fold_latin_to_cyrillic_keys(word: str) -> set[str]:
    """Keys through which a Latin-spelled Kazakh word finds Cyrillic text.

    One key per reading of the word's ambiguous letters: ``kitapkhana`` gives
    ``2kitaphana`` (kh = х, the right one) and ``2kitapkana`` (kh = қ).
    """
    return {
        SKELETON + stem
        for skeleton in latin_skeletons(fold_word(word))
        for stem in _skeleton_stems(skeleton)
    }


def clear_caches() -> None:
    """Forget cached keys (after the protected-word list changed)."""
    document_keys.cache_clear()
    stored_keys.cache_clear()
    query_word_keys.cache_clear()


#: Facet values are matched by the engine: a key among the identifier keys.
FACET_MARKER = "3"


@lru_cache(maxsize=65_536)  # the same values recur on many documents
def facet_key(name: str, value: str) -> str:
    """The engine key of a document's facet value (``3subjectqkfz…``): the marker, the
    facet and ten letters of a hash of the value. Letters and digits only, like every
    key; no word of a text or a query is one (a word is letters or digits, not both)."""
    digest = hashlib.blake2b(value.encode(), digest_size=10).digest()
    letters = string.ascii_lowercase
    return FACET_MARKER + name + "".join(letters[byte % 26] for byte in digest)
