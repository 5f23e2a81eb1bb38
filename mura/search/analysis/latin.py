"""One lossy ASCII "skeleton" that every spelling of a Kazakh word folds to.

Kazakh is written in Cyrillic, in the 2021 Latin alphabet, in the 2018 acute alphabet,
in Turkish-style Latin and in plain ASCII, and these disagree (``ı`` is І in 2021 but Ы
in Turkish-style spelling; ``kh`` is Х in passports and Қ in *Kazakhstan*). No reverse
transliteration can be exact, so both scripts are folded to one key that drops what the
spellings disagree on (the table in ``docs/SEARCH_ANALYSIS.md``):
ы/і/и/й → i, у/ұ/ү → u, ә → a, ө → o, қ → k, ғ → g, ң → n, х/һ → h. Vowel harmony is
lost (қол and көл meet), so only Latin input is matched through skeletons; Cyrillic
queries keep matching exact Cyrillic stems.
"""

import re
import unicodedata
from itertools import product

_CYRILLIC_SKELETON = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip
_CYRILLIC_TABLE = str.maketrans(_CYRILLIC_SKELETON)

# Single Latin letters of every scheme in kk_latin_alphabet.md, after lower-casing.
_LATIN_LETTERS = {
    "ä": "a", "á": "a", "à": "a", "â": "a", "ğ": "g", "ǵ": "g", "ı": "i", "ï": "i",
    "í": "i", "ì": "i", "î": "i", "y": "i", "ñ": "n", "ń": "n", "ŋ": "n", "ö": "o",
    "ó": "o", "ō": "o", "ū": "u", "ü": "u", "ú": "u", "ý": "u", "ù": "u", "û": "u",
    "w": "u", "ş": "sh", "ș": "sh", "ç": "ch", "é": "e", "è": "e", "ê": "e", "q": "k",
    "j": "j", "ə": "a",
}  # fmt: skip
_LATIN_TABLE = str.maketrans(_LATIN_LETTERS)

# Letter groups whose reading depends on the scheme: every reading is tried, in order of
# likelihood (the first is used when indexing Latin-script text).
_AMBIGUOUS = (
    ("kh", ("h", "k")),  # Х in passports and English, Қ in "Kazakhstan"
    ("zh", ("j",)),
    ("gh", ("g",)),
    ("ng", ("ng", "n")),  # нг in loans (тренинг), ң in informal spelling
    ("ts", ("ts",)),  # kept whole so that "c" below is not applied to it
    ("x", ("h", "ks")),  # Х in Turkish-style spelling, кс in English
    ("c", ("ts", "k", "s")),  # Ц in Turkish-style spelling, к/с in English
)
_AMBIGUOUS_RE = re.compile("|".join(group for group, _ in _AMBIGUOUS))
_READINGS = dict(_AMBIGUOUS)
_MAX_VARIANTS = 8

_DOUBLE = re.compile(r"(.)\1+")


def cyrillic_skeleton(word: str) -> str:
    """Skeleton of a lowercase Cyrillic word (Kazakh or Russian letters)."""
    return word.translate(_CYRILLIC_TABLE)


def latin_skeletons(word: str) -> list[str]:
    """Skeletons of a lowercase Latin word, one per reading of its ambiguous letters.

    The first reading is the most likely one. At most eight readings are returned, so a
    query word costs a bounded number of index keys.
    """
    word = word.translate(_LATIN_TABLE)
    word = "".join(
        ch for ch in unicodedata.normalize("NFD", word) if ch.isascii() and ch.isalpha()
    )
    pieces = _AMBIGUOUS_RE.split(word)
    groups = [_READINGS[group] for group in _AMBIGUOUS_RE.findall(word)]
    variants: list[str] = []
    for choice in product(*groups):
        spelled = pieces[0] + "".join(
            reading + piece for reading, piece in zip(choice, pieces[1:], strict=True)
        )
        if spelled not in variants:
            variants.append(spelled)
        if len(variants) == _MAX_VARIANTS:
            break
    return variants


def squash(skeleton: str) -> str:
    """Collapse doubled letters of a finished skeleton key.

    сессия, sessiya and sessia all end as ``sesia``: informal spellings often drop one
    of two equal letters, and й + ы (музейі) leave two i's. Applied after stemming,
    because doubled letters at a suffix boundary (азаматтар) guide the stemmer.
    """
    return _DOUBLE.sub(r"\1", skeleton)


# Russian words as English and passports spell them (Абая → abaya, Кунанбаев →
# kunanbaev), read back: the longest letter group first.
_RUSSIAN_GROUPS = (
    ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("gh", "г"),
    ("ts", "ц"),
    ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ia", "я"), ("iu", "ю"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "у"), ("x", "кс"), ("y", "ы"), ("z", "з"),
)  # fmt: skip
_RUSSIAN_RE = re.compile("|".join(group for group, _ in _RUSSIAN_GROUPS))
_RUSSIAN_LETTERS = dict(_RUSSIAN_GROUPS)
# и or ы after a vowel, not before one, is й (Абай, Кунанбаев → -ай, but Аида).
_SHORT_I = re.compile("(?<=[аеоуыэяю])[иы](?![аеиоуыэюя])")
# Letters of Kazakh Latin schemes with no plain ASCII letter of their own.
_RUSSIAN_LATIN = str.maketrans({"ı": "y", "ş": "sh", "ș": "sh", "ç": "ch", "ə": "a"})


def russian_readings(word: str) -> list[str]:
    """A lowercase Latin word read back as the Russian Cyrillic it may transliterate:
    ``abai`` → абай, ``auezov`` → ауезов and ауэзов (е after a vowel is often э)."""
    ascii_word = "".join(
        ch
        for ch in unicodedata.normalize("NFD", word.translate(_RUSSIAN_LATIN))
        if ch.isascii() and ch.isalpha()
    )
    cyrillic = _RUSSIAN_RE.sub(lambda m: _RUSSIAN_LETTERS[m.group()], ascii_word)
    cyrillic = _SHORT_I.sub("й", cyrillic)
    readings = [cyrillic] if cyrillic else []
    with_e = re.sub("(?<=[аеиоуыэяю])е", "э", cyrillic)
    if with_e != cyrillic:
        readings.append(with_e)
    return readings
