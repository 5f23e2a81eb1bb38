"""Which language a piece of text is in, decided from its letters.

Kazakh Cyrillic has nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і); one of them
settles a word. Many Kazakh words have none (бала, ата, тарихи, облыстар), and Russian
morphology would happily "recognise" them, so a word without Kazakh letters counts as
Russian only on positive evidence: a Russian function word, a letter Kazakh words do not
use, or an inflection Kazakh words do not end in. Single words are rarely decisive, so
the vote is taken per sentence, falling back to the whole field, and finally to Kazakh,
the site's default language.
"""

import re
from functools import lru_cache

from .normalize import KAZAKH_LETTERS, TOKEN_RE, normalize_text

_RUSSIAN_WORDS = frozenset(
    """
    что чтобы если она оно они это этот эта эти как так для из со об при или но же бы ли
    уже был была были было быть есть все всё его ее её их мы вы также который которая
    которые которое которых только между после через под над без можно нет где когда кто
    чем свой своей года году лет
    """.split()
)
# One-letter prepositions count only in lowercase: capitals are initials (В.Я. Шишков).
_RUSSIAN_LETTER_WORDS = frozenset("и в к с у о я".split())
_RUSSIAN_LETTERS = frozenset("ёъщэ")
_RUSSIAN_ENDINGS = tuple(
    """
    ого его ому ему ый ая яя ое ее ые ие ых ую юю ть ться тся ешь ишь ами ями ах ях ии
    ию ией ью ье ья ение ения ений ание ания ость ости ство ства ки ги
    """.split()
)
# Surnames end in -ов/-ев/-ий in both languages, so these count on lowercase words only.
_RUSSIAN_LOWERCASE_ENDINGS = ("ов", "ев", "ий")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[a-zA-Z\u00c0-\u024f]")
_KAZAKH_LATIN = re.compile("[äğıñŋöūüşçáǵńóúýÄĞÑŊÖŪÜŞÇ]|[qQ](?![uU])")

SENTENCE_END = re.compile(r"[.!?;\n]+")


@lru_cache(maxsize=1 << 18)
def word_evidence(word: str) -> str:
    """ "kk" or "ru" when a word (as written, case kept) shows its language, else ""."""
    lower = word.lower()
    if not KAZAKH_LETTERS.isdisjoint(lower):
        return "kk"
    if not _CYRILLIC.match(lower):
        return ""
    if lower in _RUSSIAN_WORDS or word in _RUSSIAN_LETTER_WORDS:
        return "ru"
    if not _RUSSIAN_LETTERS.isdisjoint(lower):
        return "ru"
    if len(lower) >= 4 and (
        lower.endswith(_RUSSIAN_ENDINGS)
        or (word[0].islower() and lower.endswith(_RUSSIAN_LOWERCASE_ENDINGS))
    ):
        return "ru"
    return ""


def detect_language(text: str) -> str:
    """Return "kk", "ru" or "en" for a field of text.

    Cyrillic text is Kazakh unless Russian evidence outweighs Kazakh evidence; mostly
    Latin text is Kazakh when it uses letters of the Kazakh Latin alphabets (ä, ğ, ı, ñ,
    ş, q...), otherwise English.
    """
    words = TOKEN_RE.findall(normalize_text(text))
    latin = sum(1 for word in words if _LATIN.match(word))
    if latin * 2 > len(words):
        return "kk" if any(_KAZAKH_LATIN.search(word) for word in words) else "en"
    evidence = [word_evidence(word) for word in words]
    russian, kazakh = evidence.count("ru"), evidence.count("kk")
    return "ru" if russian > kazakh else "kk"
