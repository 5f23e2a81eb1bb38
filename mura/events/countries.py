"""ISO 3166-1 alpha-2 countries named in the reader's language (from the CLDR data babel ships)."""

from babel import Locale

from mura.portal.translation import current_language

# CLDR territories that are two letters but not countries of ISO 3166-1.
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}
# Shown first: where the forum's guests come from.
NEIGHBOURS = ("KZ", "RU", "MN", "KG", "UZ", "CN", "TM", "TJ", "TR")


def country_names(language: str | None = None) -> dict[str, str]:
    territories = Locale.parse(language or current_language()).territories
    return {
        code: name
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    }


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Neighbours first, then every other country alphabetically."""
    names = country_names(language)
    first = [(code, names[code]) for code in NEIGHBOURS if code in names]
    rest = sorted(
        ((c, n) for c, n in names.items() if c not in NEIGHBOURS),
        key=lambda item: item[1],
    )
    return first + rest


def country_name(code: str, language: str | None = None) -> str:
    return country_names(language).get(code.upper(), code) if code else ""
