"""Unicode clean-up, tokenisation and homoglyph repair.

Everything here runs before any language decision, identically for indexed text and for
queries, so that both sides see the same characters.
"""

import re
import unicodedata

#: Letters of Kazakh Cyrillic that Russian lacks: one of them settles the language.
KAZAKH_LETTERS = frozenset("әғқңөұүһі")

# What a Kazakh word becomes when typed on a Russian keyboard layout, or on a phone
# without the Kazakh letters: each Kazakh-only letter is replaced by the nearest Russian
# one (і by и; a Latin i typed for і is repaired to і first, see ``_HOMOGLYPHS``).
_KEYBOARD_FOLD = str.maketrans("әғқңөұүһі", "агкноуухи")

# Combining marks left over after NFKC (stress accents in Russian text, the dot that
# lower-casing a Turkish capital İ would add). Removing them keeps words in one token.
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489]")

#: A token is a run of letters (apostrophes inside Latin words are kept, then dropped by
#: the Latin folding) or a run of digits. Letters and digits never share a token, so an
#: index key that mixes them (the markers in ``keys.py``) can never collide with a word.
TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*|\d+")

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]")

# Letters that look alike in both scripts, as typed by people and OCR that mix
# keyboards: the seed article spells "оpen" with a Cyrillic "о". Pairs: Latin, Cyrillic.
_HOMOGLYPHS = (
    "aа cс eе iі kк oо pр xх yу hһ əә AА BВ CС EЕ HН IІ KК MМ OО PР TТ XХ YУ ƏӘ"
)
_LATIN_TO_CYRILLIC = {pair[0]: pair[1] for pair in _HOMOGLYPHS.split()}
_CYRILLIC_TO_LATIN = {pair[1]: pair[0] for pair in _HOMOGLYPHS.split()}


def normalize_text(text: str) -> str:
    """Return ``text`` in NFKC with stray combining marks removed, case preserved.

    NFKC folds compatibility forms (ligatures, full-width letters, superscript digits).
    The Turkish capital İ is mapped to I first because ``"İ".lower()`` is two
    characters, and offsets into the normalised text must survive lower-casing.
    """
    text = unicodedata.normalize("NFKC", text).replace("İ", "I")
    return _COMBINING.sub("", text)


def script(word: str) -> str:
    """Classify a token: "digits", "cyrl", "latn", "mixed" (both scripts) or "other"."""
    if word.isdigit():
        return "digits"
    has_cyrillic = _CYRILLIC.search(word) is not None
    has_latin = _LATIN.search(word) is not None
    if has_cyrillic and has_latin:
        return "mixed"
    if has_cyrillic:
        return "cyrl"
    return "latn" if has_latin else "other"


def repair_homoglyphs(word: str) -> str:
    """Rewrite a word that mixes Cyrillic and Latin letters into one script.

    The script with more letters wins when every letter of the other script has a
    look-alike in it; a tie goes to Cyrillic, the site's main script. Words that cannot
    be converted (a Latin "q" has no Cyrillic twin) are returned unchanged.
    """
    if script(word) != "mixed":
        return word
    latin = len(_LATIN.findall(word))
    cyrillic = len(_CYRILLIC.findall(word))
    to_cyrillic = "".join(_LATIN_TO_CYRILLIC.get(ch, ch) for ch in word)
    to_latin = "".join(_CYRILLIC_TO_LATIN.get(ch, ch) for ch in word)
    cyrillic_ok = script(to_cyrillic) == "cyrl"
    latin_ok = script(to_latin) == "latn"
    if cyrillic_ok and (cyrillic >= latin or not latin_ok):
        return to_cyrillic
    if latin_ok:
        return to_latin
    return word


def fold_word(word: str) -> str:
    """Lowercase a token and fold spelling variants that never distinguish two words.

    ё is written as е in most Russian text; apostrophes inside Latin words are informal
    stand-ins for diacritics (``a'`` for ә) and carry no letter of their own. A word
    that is nothing but apostrophes (ʼ is a letter to Unicode) keeps them, so that it
    still has a key.
    """
    word = repair_homoglyphs(word).lower().replace("ё", "е")
    return word.replace("'", "").replace("’", "").replace("ʼ", "") or word


def keyboard_fold(word: str) -> str:
    """A lowercase Cyrillic word as typed without the Kazakh letters: қазақ → казак."""
    return word.translate(_KEYBOARD_FOLD)
