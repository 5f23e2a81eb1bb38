"""Numbers, changes and cells of the statistics tables, in the admin's language."""

from datetime import date

from django import template
from django.utils.formats import date_format, number_format

register = template.Library()


@register.filter
def stat_number(value) -> str:
    return "—" if value is None else number_format(value, force_grouping=True)


@register.filter
def stat_change(value: float) -> str:
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{number_format(abs(value), 1)} %"


@register.filter
def stat_cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, int):
        return stat_number(value)
    return str(value)
