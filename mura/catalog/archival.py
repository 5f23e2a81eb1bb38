"""Archival shelfmarks and extents in the reader's language.

A reference code names the archive, then fonds, inventory, file and sheets with each
language's abbreviations: Kazakh "Қ." (қор), "Т." (тізімдеме), "І." (іс), "П." (парақ);
Russian "Ф.", "Оп.", "Д.", "Л.". Records may hold either, or a mix; what does not read
as such a code is shown as it is."""

import re

from mura.portal.translation import current_language

#: Each level's abbreviation by language: fonds, inventory, file, sheets.
LEVELS = {
    "kk": ("Қ.", "Т.", "І.", "П."),
    "ru": ("Ф.", "Оп.", "Д.", "Л."),
    "en": ("F.", "Op.", "D.", "L."),
}
LEVEL_OF = {
    abbreviation.rstrip("."): level
    for abbreviations in LEVELS.values()
    for level, abbreviation in enumerate(abbreviations)
}
PART = re.compile(
    r"(?P<abbreviation>" + "|".join(sorted(LEVEL_OF, key=len, reverse=True)) + r")\. "
    r"(?P<value>[^\s.]+)(?:\. |$)"
)
#: "4 п." or "12 л.": a number of sheets.
SHEETS = re.compile(r"^(?P<count>\d+(?:[–-]\d+)?) ?(?:п|л|l|ff)\.$")
SHEETS_LABEL = {"kk": "п.", "ru": "л.", "en": "ff."}


def shelfmark(code: str, language: str | None = None) -> str:
    """`code` with its level abbreviations in `language` (the reader's by default)."""
    abbreviations = LEVELS[language or current_language()]
    head, parts, position = code, [], None
    for match in PART.finditer(code):
        if position is None:
            head, position = code[: match.start()], match.start()
        if match.start() != position:
            return code
        level = LEVEL_OF[match["abbreviation"]]
        parts.append(f"{abbreviations[level]} {match['value']}")
        position = match.end()
    if position is None or position != len(code):
        return code
    return head + ". ".join(parts)


def extent(value: str, language: str | None = None) -> str:
    """A count of sheets ("4 п.") with the abbreviation of `language`; else `value`."""
    match = SHEETS.match(value.strip())
    if not match:
        return value
    return f"{match['count']} {SHEETS_LABEL[language or current_language()]}"
