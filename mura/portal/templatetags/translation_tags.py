"""Text shown in another language than the page's: labelled in the reader's language and
marked with its `lang`, so that a screen reader switches voice."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from mura.portal.translation import current_language, localized

register = template.Library()

#: What a page says above content that is not yet translated, by the content's language.
NOTES = {
    "kk": _("Not yet translated: this text is in Kazakh."),
    "ru": _("Not yet translated: this text is in Russian."),
    "en": _("Not yet translated: this text is in English."),
}
#: The same, short, for cards and lists.
LABELS = {"kk": _("In Kazakh"), "ru": _("In Russian"), "en": _("In English")}


@register.simple_tag
def translated(obj: object, field: str) -> str:
    """`obj.<field>_<language>` in the reader's language; a fallback carries its `lang`."""
    value, language = localized(obj, field)
    if not value or language == current_language():
        return value
    return format_html('<span lang="{}">{}</span>', language, value)


@register.simple_tag
def untranslated_label(language: str) -> str:
    """The short label for content in `language`, or nothing in the page's own language."""
    return "" if language == current_language() else str(LABELS.get(language, ""))


@register.inclusion_tag("includes/untranslated_note.html")
def untranslated_note(language: str) -> dict:
    """The note above content in `language`, or nothing in the page's own language."""
    if language == current_language():
        return {"note": ""}
    return {"note": NOTES.get(language, ""), "language": language}
