"""The events app's fixed vocabularies, shared by its models, forms and API."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    PROFESSIONAL_SESSION = "professional-session", _("Professional session")
    FORUM = "forum", _("Forum")
    CONFERENCE = "conference", _("Conference")
    SEMINAR = "seminar", _("Seminar")
    ROUND_TABLE = "round-table", _("Round table")
    EXHIBITION_OPENING = "exhibition-opening", _("Exhibition opening")
    TRAVELLING_EXHIBITION = "travelling-exhibition", _("Travelling exhibition stop")
    MASTER_CLASS = "master-class", _("Master class")
    TRAINING = "training", _("Training")
    LITERARY_MEETING = "literary-meeting", _("Literary meeting")
    BOOK_PRESENTATION = "book-presentation", _("Book presentation")
    EXCURSION = "excursion", _("Excursion")
    OTHER = "other", _("Other event")


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventFormat(models.TextChoices):
    OPEN_SPACE = "open-space", _("Open space")
    PANEL = "panel", _("Panel discussion")
    WORKSHOP = "workshop", _("Workshop")
    PLENARY = "plenary", _("Plenary sessions and sections")
    LECTURE = "lecture", _("Lecture")
    CEREMONY = "ceremony", _("Ceremony")


class Audience(models.TextChoices):
    SPECIALISTS = "specialists", _("Specialists")
    PUBLIC = "public", _("General public")
    YOUTH = "youth", _("Young people")
    CHILDREN = "children", _("Children")


class TimeZoneName(models.TextChoices):
    """Zones of Kazakhstan and of the neighbours whose guests come to the region's events."""

    ALMATY = "Asia/Almaty", _("Almaty, Astana, Pavlodar (Asia/Almaty)")
    QYZYLORDA = "Asia/Qyzylorda", _("Kyzylorda (Asia/Qyzylorda)")
    AQTOBE = "Asia/Aqtobe", _("Aktobe (Asia/Aqtobe)")
    AQTAU = "Asia/Aqtau", _("Aktau (Asia/Aqtau)")
    ATYRAU = "Asia/Atyrau", _("Atyrau (Asia/Atyrau)")
    ORAL = "Asia/Oral", _("Oral (Asia/Oral)")
    QOSTANAY = "Asia/Qostanay", _("Kostanay (Asia/Qostanay)")
    MOSCOW = "Europe/Moscow", _("Moscow (Europe/Moscow)")
    NOVOSIBIRSK = "Asia/Novosibirsk", _("Novosibirsk (Asia/Novosibirsk)")
    BARNAUL = "Asia/Barnaul", _("Barnaul (Asia/Barnaul)")
    OMSK = "Asia/Omsk", _("Omsk (Asia/Omsk)")
    HOVD = "Asia/Hovd", _("Ölgii, Khovd (Asia/Hovd)")
    ULAANBAATAR = "Asia/Ulaanbaatar", _("Ulaanbaatar (Asia/Ulaanbaatar)")


LANGUAGE_CHOICES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary session")
    SECTION = "section", _("Section")
    MASTER_CLASS = "master-class", _("Master class")
    TRAINING = "training", _("Training")
    LITERARY_MEETING = "literary-meeting", _("Literary meeting")
    EXCURSION = "excursion", _("Excursion")
    OPENING = "opening", _("Opening")
    COFFEE_BREAK = "coffee-break", _("Coffee break")


class Participation(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
