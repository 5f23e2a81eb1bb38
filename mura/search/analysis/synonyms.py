"""Kazakh words that name the same thing and should find each other.

Kept deliberately small: only purist coinages and the loans they replace, which Kazakh
writers use interchangeably for one institution (a museum is a мұражай or a музей).
Words that are merely related (кітапхана and библиотека are two languages, not two
Kazakh spellings) do not belong here.

Synonyms are added to query terms, not merged in the index, so the index keeps each
word's own stem and a backend can turn synonyms off (``synonyms=False``) without
reindexing.
"""

from .latin import cyrillic_skeleton
from .normalize import keyboard_fold

SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("музей", "мұражай"),
    ("архив", "мұрағат"),
)

#: Kazakh stem → the other stems of its group.
EXPANSIONS = {
    word: tuple(w for w in group if w != word) for group in SYNONYMS for word in group
}

#: The same in the Latin skeleton, so that "muragat" also finds архив.
SKELETON_EXPANSIONS = {
    cyrillic_skeleton(word): tuple(cyrillic_skeleton(w) for w in others)
    for word, others in EXPANSIONS.items()
}

#: The same for a stem typed without the Kazakh letters: мурагат also finds архив.
FOLDED_EXPANSIONS = {
    keyboard_fold(word): others
    for word, others in EXPANSIONS.items()
    if keyboard_fold(word) != word
}
