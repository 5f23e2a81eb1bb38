"""Russian and English stems from Snowball, made consistent across word forms."""

import re
from functools import lru_cache

import snowballstemmer

_RUSSIAN = snowballstemmer.stemmer("russian")
_ENGLISH = snowballstemmer.stemmer("english")

# Fleeting vowel of the genitive plural: выставка/выставок, девушка/девушек, отец/отца.
_FLEETING = re.compile(r"(?<=[^аеиоуыэюя])[оеё](?=[кц]$)")


@lru_cache(maxsize=100_000)
def stem_ru(word: str) -> str:
    """Stem of a lowercase Russian word: библиотеки → библиотек.

    Snowball is not idempotent (архив → арх but архивов → архив, музей → муз but
    музеях → музе), so the stemmer is re-applied until the stem stops changing; then
    the fleeting о/е before a final к/ц is dropped so that выставок meets выставка.
    """
    stem = word
    for _ in range(3):
        shorter = _RUSSIAN.stemWord(stem)
        if shorter == stem:
            break
        stem = shorter
    if len(stem) >= 5:
        stem = _FLEETING.sub("", stem)
    return stem


@lru_cache(maxsize=100_000)
def stem_en(word: str) -> str:
    """Stem of a lowercase English word (Snowball English, "Porter2")."""
    return _ENGLISH.stemWord(word)
