"""Code tables shared by reading and writing MARC: languages, relators, record kinds."""

from mura.catalog.models import AgentRole, Kind

LANGUAGES = {
    "kaz": "kk",
    "rus": "ru",
    "eng": "en",
    "ger": "de",
    "deu": "de",
    "ara": "ar",
    "tat": "tt",
    "chg": "chg",
    "mul": "mul",
    "zxx": "zxx",
}
LANGUAGE_CODES = {value: key for key, value in LANGUAGES.items() if key != "deu"}

MARC21_RELATORS = {
    "aut": AgentRole.AUTHOR,
    "cre": AgentRole.AUTHOR,
    "edt": AgentRole.EDITOR,
    "com": AgentRole.COMPILER,
    "trl": AgentRole.TRANSLATOR,
    "ill": AgentRole.ILLUSTRATOR,
    "pht": AgentRole.PHOTOGRAPHER,
    "pbl": AgentRole.PUBLISHER,
    "dnr": AgentRole.DONOR,
    "fmo": AgentRole.FORMER_OWNER,
    "art": AgentRole.MAKER,
    "dpc": AgentRole.DEPICTED,
}
ROLE_RELATORS = {role: code for code, role in MARC21_RELATORS.items() if code != "cre"}
UNIMARC_RELATORS = {
    "070": AgentRole.AUTHOR,
    "340": AgentRole.EDITOR,
    "220": AgentRole.COMPILER,
    "730": AgentRole.TRANSLATOR,
    "440": AgentRole.ILLUSTRATOR,
    "600": AgentRole.PHOTOGRAPHER,
    "650": AgentRole.PUBLISHER,
    "320": AgentRole.DONOR,
    "390": AgentRole.FORMER_OWNER,
}
# MARC 21 351 $c names the archival level, so the hierarchy survives a round trip.
ARCHIVAL_LEVELS = {
    Kind.FONDS: "Fonds",
    Kind.SERIES: "Series",
    Kind.FILE: "File",
    Kind.ARCHIVAL_ITEM: "Item",
}
KIND_LEADER = {
    Kind.BOOK: "am",
    Kind.PERIODICAL: "as",
    Kind.MANUSCRIPT: "tm",
    Kind.FONDS: "pc",
    Kind.SERIES: "pd",
    Kind.FILE: "pd",
    Kind.ARCHIVAL_ITEM: "pd",
    Kind.MUSEUM_OBJECT: "rm",
    Kind.PHOTO: "km",
    Kind.AUDIOVISUAL: "gm",
    Kind.E_RESOURCE: "mm",
}
