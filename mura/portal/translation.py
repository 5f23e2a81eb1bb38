"""Fields stored once per language (name_kk, name_ru, name_en) read in the reader's language."""

from django.db import models
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel

LANGUAGE_CODES = ("kk", "ru", "en")


def current_language() -> str:
    language = (get_language() or "kk").split("-")[0]
    return language if language in LANGUAGE_CODES else "kk"


def localized(obj: object, field: str, language: str | None = None) -> tuple[str, str]:
    """The field in the given (or current) language, falling back to kk, ru, en in order,
    with the language of the value found."""
    language = language or current_language()
    for code in (language, *LANGUAGE_CODES):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value, code
    return "", language


def localized_value(obj: object, field: str, language: str | None = None) -> str:
    """The field in the given (or current) language, falling back to kk, ru, en in order."""
    return localized(obj, field, language)[0]


class TranslatedField:
    """Descriptor: `name = TranslatedField("name")` reads name_<current language>."""

    def __init__(self, field: str):
        self.field = field

    def __get__(
        self, instance: models.Model | None, owner: type
    ) -> "str | TranslatedField":
        if instance is None:
            return self
        return localized_value(instance, self.field)


def translated_panels(field: str) -> list[FieldPanel]:
    """The admin's panels for one field's kk, ru and en columns, in that order."""
    return [FieldPanel(f"{field}_{code}") for code in LANGUAGE_CODES]
