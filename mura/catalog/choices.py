"""The catalogue's fixed vocabularies: kinds of record and their groups, access,
languages, and the roles of linked people, places and copies."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    BOOK = "book", _("Book")
    PERIODICAL = "periodical", _("Periodical")
    MANUSCRIPT = "manuscript", _("Manuscript")
    FONDS = "fonds", _("Archival fonds")
    SERIES = "series", _("Archival series (inventory)")
    FILE = "file", _("Archival file")
    ARCHIVAL_ITEM = "archival_item", _("Archival item")
    MUSEUM_OBJECT = "museum_object", _("Museum object")
    PHOTO = "photo", _("Photograph")
    AUDIOVISUAL = "audiovisual", _("Audio or video recording")
    E_RESOURCE = "e_resource", _("Electronic resource")


class KindGroup(models.TextChoices):
    """The admin edits each group with its own form (and its own menu item)."""

    LIBRARY = "library", _("Library items")
    ARCHIVE = "archive", _("Archival descriptions")
    MUSEUM = "museum", _("Museum objects")
    OTHER = "other", _("Other resources")


KIND_GROUPS: dict[str, list[str]] = {
    KindGroup.LIBRARY: [Kind.BOOK, Kind.PERIODICAL],
    KindGroup.ARCHIVE: [Kind.FONDS, Kind.SERIES, Kind.FILE, Kind.ARCHIVAL_ITEM],
    KindGroup.MUSEUM: [Kind.MUSEUM_OBJECT],
    KindGroup.OTHER: [Kind.MANUSCRIPT, Kind.PHOTO, Kind.AUDIOVISUAL, Kind.E_RESOURCE],
}
GROUP_OF_KIND: dict[str, str] = {
    kind: group for group, kinds in KIND_GROUPS.items() for kind in kinds
}

# Which archival level may sit under which: fonds → series → file → item.
ARCHIVAL_PARENT_KIND: dict[str, str] = {
    Kind.SERIES: Kind.FONDS,
    Kind.FILE: Kind.SERIES,
    Kind.ARCHIVAL_ITEM: Kind.FILE,
}


class Access(models.TextChoices):
    PUBLIC = "public", _("Public")
    ON_SITE = "on_site", _("On site only")
    STAFF = "staff", _("Staff only")


class Language(models.TextChoices):
    KAZAKH = "kk", _("Kazakh")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    CHAGATAI = "chg", _("Chagatai")
    ARABIC = "ar", _("Arabic")
    TATAR = "tt", _("Tatar")
    GERMAN = "de", _("German")
    MULTIPLE = "mul", _("Several languages")
    NONE = "zxx", _("No linguistic content")


class AgentRole(models.TextChoices):
    AUTHOR = "author", _("Author")
    EDITOR = "editor", _("Editor")
    COMPILER = "compiler", _("Compiler")
    TRANSLATOR = "translator", _("Translator")
    ILLUSTRATOR = "illustrator", _("Illustrator")
    FONDS_CREATOR = "fonds_creator", _("Fonds creator")
    PHOTOGRAPHER = "photographer", _("Photographer")
    MAKER = "maker", _("Maker")
    DEPICTED = "depicted", _("Depicted")
    FORMER_OWNER = "former_owner", _("Former owner")
    DONOR = "donor", _("Donor")
    PUBLISHER = "publisher", _("Publisher")


class PlaceRole(models.TextChoices):
    PUBLICATION = "publication", _("Place of publication")
    ORIGIN = "origin", _("Place of origin")
    FIND = "find", _("Place of find")
    DEPICTED = "depicted", _("Depicted place")
    SUBJECT = "subject", _("Place as subject")


class HoldingStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    READING_ROOM = "reading_room", _("Reading room only")
    ON_LOAN = "on_loan", _("On loan")
    IN_REPAIR = "in_repair", _("In conservation")
    MISSING = "missing", _("Missing")


class Rights(models.TextChoices):
    """What a reader may do with a digital image: rightsstatements.org and Creative
    Commons statements, each with its address (`RIGHTS_URLS`)."""

    NOT_EVALUATED = "CNE", _("Copyright not evaluated")
    PUBLIC_DOMAIN = "PDM", _("Public domain")
    NO_KNOWN_COPYRIGHT = "NKC", _("No known copyright")
    CC_BY = "CC-BY", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "CC-BY-SA", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_NC = "CC-BY-NC", _("Creative Commons Attribution-NonCommercial 4.0")
    IN_COPYRIGHT_EDU = "InC-EDU", _("In copyright: educational use permitted")
    IN_COPYRIGHT = "InC", _("In copyright")


RIGHTS_URLS: dict[str, str] = {
    Rights.NOT_EVALUATED: "http://rightsstatements.org/vocab/CNE/1.0/",
    Rights.PUBLIC_DOMAIN: "https://creativecommons.org/publicdomain/mark/1.0/",
    Rights.NO_KNOWN_COPYRIGHT: "http://rightsstatements.org/vocab/NKC/1.0/",
    Rights.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Rights.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Rights.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Rights.IN_COPYRIGHT_EDU: "http://rightsstatements.org/vocab/InC-EDU/1.0/",
    Rights.IN_COPYRIGHT: "http://rightsstatements.org/vocab/InC/1.0/",
}
