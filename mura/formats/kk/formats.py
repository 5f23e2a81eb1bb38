"""Kazakh formats, which Django does not ship: "08 сәуір 2019 ж.", "08.04.2019".

Month names come lowercase from the "alt. month" context (`E`), as Kazakh writes them
inside a date; the catalogue in locale/packages/django.conf gives them."""

DATE_FORMAT = "d E Y ж."
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d E Y ж. H:i"
YEAR_MONTH_FORMAT = "Y ж. E"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
