"""What tells that two catalogue records describe one edition: normalised identifiers,
titles, names, publishers and extents, and the verdict on a pair. Pure Python, so the
labelled pairs in ``mura/testdata/editions`` measure it without a database.

A false merge is worse than a missed one: ``compare`` says SAME only on an identifier
with a compatible title, or on the whole description (title, first creator, year,
publisher, extent); what is close but not certain is UNSURE and waits for staff."""

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from enum import StrEnum

# Cyrillic and Latin spellings of a name fold to one lossy ASCII skeleton: the letters
# transliteration schemes disagree on meet (қ/к/х/q/kh → k, ы/і/и/й/y → i, ұ/ү/у/w → u).
_CYRILLIC = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "k", "һ": "k", "ц": "c",
    "ч": "C", "ш": "S", "щ": "S", "ъ": "", "ы": "i", "і": "i", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}  # fmt: skip
_LATIN_GROUPS = (
    ("shch", "S"), ("sch", "S"), ("sh", "S"), ("ch", "C"), ("zh", "j"), ("gh", "g"),
    ("kh", "k"), ("ts", "c"), ("yu", "iu"), ("ya", "ia"), ("ye", "e"),
)  # fmt: skip
_LATIN = {
    "ä": "a", "á": "a", "ə": "a", "ö": "o", "ó": "o", "ü": "u", "ú": "u", "ý": "u",
    "ū": "u", "w": "u", "ı": "i", "í": "i", "ï": "i", "y": "i", "j": "j", "ğ": "g",
    "ǵ": "g", "ñ": "n", "ń": "n", "ŋ": "n", "ş": "S", "ș": "S", "ç": "C", "q": "k",
    "h": "k", "x": "k", "é": "e",
}  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")
_PUNCTUATION = re.compile(r"[^\w\s#]+")
_SPACES = re.compile(r"\s+")
# "Т. 1", "том 2", "Vol. 3", "Кн. 2", "Вып. 13", "Ч. 2", "2-том", "2-бөлім": one form.
_VOLUME = re.compile(
    r"(?:\b(?:т|том|tom|vol|volume|кн|книга|кітап|вып|выпуск|ч|часть|бөлім|part|pt)"
    r"\s*\.?\s*(\d+)\b)|(?:\b(\d+)\s*-?\s*(?:том|бөлім|кітап)\b)",
    re.IGNORECASE,
)
_EDITION_NUMBER = re.compile(r"(\d+)")
_PAGES = re.compile(
    r"(\d+)\s*(?:\]\s*)?(?:б\b|бет|с\b|стр|p\b|pp|pages|л\b|s\b)", re.IGNORECASE
)
_NUMBER = re.compile(r"\d+")
_PUBLISHER_NOISE = re.compile(
    r"\b(?:тоо|жшс|ао|ооо|зао|ип|изд|издво|издательство|баспасы|баспа|"
    r"publishing|publishers|publisher|press|ltd|llp|inc)\b"
)


def skeleton(text: str) -> str:
    """ASCII skeleton of a word or name in Cyrillic or Latin letters."""
    text = unicodedata.normalize("NFC", text.lower())
    if any("а" <= char <= "я" or char in "әғқңөұүһіё" for char in text):
        folded = "".join(_CYRILLIC.get(char, char) for char in text)
    else:
        folded = text
        for group, replacement in _LATIN_GROUPS:
            folded = folded.replace(group, replacement)
        folded = "".join(_LATIN.get(char, char) for char in folded)
    folded = "".join(
        char
        for char in unicodedata.normalize("NFD", folded)
        if char.isascii() and (char.isalnum() or char == " ")
    )
    return _DOUBLE.sub(r"\1", _SPACES.sub(" ", folded).strip())


def _isbn13_check(first12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def isbn13(value: str) -> str:
    """The ISBN as 13 digits ("5-7667-0123-4" → "9785766701237"), or "" when it is not
    10 or 13 digits. A wrong check digit is kept: both libraries copy it from the book."""
    digits = re.sub(r"[^0-9Xx]", "", value).upper()
    if len(digits) == 10 and digits[:9].isdigit():
        return "978" + digits[:9] + _isbn13_check("978" + digits[:9])
    if len(digits) == 13 and digits.isdigit():
        return digits
    return ""


def isbns(value: str) -> list[str]:
    """Every valid ISBN written in a field ("978-5-…; 5-…", "(в пер.)" after it)."""
    found = []
    for part in re.split(r"[;,]|\s(?=[0-9])", value):
        number = isbn13(re.sub(r"\(.*?\)|[^0-9Xx-]", "", part))
        if number and number not in found:
            found.append(number)
    return found


def issn(value: str) -> str:
    digits = re.sub(r"[^0-9Xx]", "", value).upper()
    return digits if len(digits) == 8 else ""


def national_number(value: str) -> str:
    """An LCCN or national bibliography number in one form ("85-1234" → "85001234")."""
    value = re.sub(r"\s+", "", value).upper()
    match = re.fullmatch(r"([A-Z]*)(\d{2,4})-(\d{1,6})", value)
    if match:
        return f"{match[1]}{match[2]}{int(match[3]):06d}"
    return re.sub(r"[^0-9A-ZА-ЯӘҒҚҢӨҰҮҺІ]", "", value)


def plain_text(text: str) -> str:
    """Lower case, ё as е, no punctuation, single spaces."""
    text = unicodedata.normalize("NFC", text.lower()).replace("ё", "е")
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


def volumes(text: str) -> tuple[int, ...]:
    return tuple(int(a or b) for a, b in _VOLUME.findall(text))


def title_key(title: str) -> str:
    """The main title without subtitle, responsibility or volume numbers."""
    main = re.split(r"\s[:/=]\s?|\s?[:/=]\s", title, maxsplit=1)[0]
    return plain_text(_VOLUME.sub(" ", main))


def creator_name(name: str) -> tuple[str, str]:
    """(surname skeleton, first initial) of a heading "Surname, Given" or "Surname G."."""
    name = name.strip()
    if "," in name:
        surname, given = name.split(",", 1)
    else:
        words = name.split()
        surname, given = (words[0], " ".join(words[1:])) if words else ("", "")
    given_skeleton = skeleton(given)
    return skeleton(surname).replace(" ", ""), given_skeleton[:1]


def publisher_key(value: str) -> str:
    words = _PUBLISHER_NOISE.sub(" ", plain_text(value).replace("-", ""))
    return skeleton(words).replace(" ", "")


def pages(extent: str) -> int | None:
    match = _PAGES.search(extent)
    if match:
        return int(match[1])
    numbers = _NUMBER.findall(extent)
    return int(max(numbers, key=int)) if numbers else None


def edition_number(statement: str) -> int | None:
    """The edition's number ("3-басылым", "Изд. 2-е"); a first edition is as unnumbered."""
    match = _EDITION_NUMBER.search(statement)
    return int(match[1]) if match and int(match[1]) > 1 else None


@dataclass(frozen=True)
class Description:
    """What matching reads from one record, normalised."""

    title: str
    volumes: tuple[int, ...] = ()
    surname: str = ""
    initial: str = ""
    year: int | None = None
    publisher: str = ""
    pages: int | None = None
    edition: int | None = None
    isbns: tuple[str, ...] = ()
    issn: str = ""
    national: str = ""
    work_title: str = ""
    words: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def read(
        cls,
        *,
        title: str,
        other_title: str = "",
        creator: str = "",
        year: int | None = None,
        publisher: str = "",
        extent: str = "",
        edition: str = "",
        isbn: str = "",
        issn_value: str = "",
        national: str = "",
        uniform_title: str = "",
    ) -> "Description":
        surname, initial = creator_name(creator)
        key = title_key(title)
        return cls(
            title=key,
            volumes=volumes(f"{title} {other_title}"),
            surname=surname,
            initial=initial,
            year=year,
            publisher=publisher_key(publisher),
            pages=pages(extent),
            edition=edition_number(edition),
            isbns=tuple(isbns(isbn)),
            issn=issn(issn_value),
            national=national_number(national) if national else "",
            work_title=title_key(uniform_title) if uniform_title else key,
            words=frozenset(key.split()),
        )

    def as_data(self) -> dict:
        data = asdict(self)
        data["words"] = sorted(self.words)
        return data

    @classmethod
    def from_data(cls, data: dict) -> "Description":
        return cls(
            **{
                **data,
                "volumes": tuple(data["volumes"]),
                "isbns": tuple(data["isbns"]),
                "words": frozenset(data["words"]),
            }
        )

    def keys(self) -> list[str]:
        """Where candidate editions are looked up: identifiers, and a description block."""
        keys = [f"isbn:{number}" for number in self.isbns]
        if self.issn:
            keys.append(f"issn:{self.issn}")
        if self.national:
            keys.append(f"nat:{self.national}")
        if self.title:
            keys.append(f"desc:{self.title[:120]}|{self.surname}|{self.year or ''}")
        return keys

    def work_key(self) -> str:
        """Editions of one work share this: uniform (or own) title and first creator."""
        return f"{self.work_title[:150]}|{self.surname}" if self.surname else ""


class Verdict(StrEnum):
    SAME = "same"
    UNSURE = "unsure"
    DIFFERENT = "different"


def titles_agree(a: Description, b: Description) -> bool:
    if a.title == b.title:
        return True
    if not a.words or not b.words:
        return False
    shared = len(a.words & b.words) / len(a.words | b.words)
    return shared >= 0.6 or a.title.startswith(b.title) or b.title.startswith(a.title)


def creators_agree(a: Description, b: Description) -> bool:
    if a.surname != b.surname:
        return False
    return not (a.initial and b.initial and a.initial != b.initial)


def compare(a: Description, b: Description) -> tuple[Verdict, str]:
    """Whether two records describe one edition, and why (a word for the review queue)."""
    if a.volumes != b.volumes:
        return Verdict.DIFFERENT, "volume"
    if a.edition and b.edition and a.edition != b.edition:
        return Verdict.DIFFERENT, "edition"
    identifier = next(
        (
            name
            for name, shared in (
                ("isbn", set(a.isbns) & set(b.isbns)),
                ("issn", a.issn and a.issn == b.issn),
                ("national", a.national and a.national == b.national),
            )
            if shared
        ),
        "",
    )
    if identifier:
        if not titles_agree(a, b):
            return Verdict.UNSURE, f"{identifier}-title"
        if a.year and b.year and abs(a.year - b.year) > 2:
            return Verdict.UNSURE, f"{identifier}-year"
        return Verdict.SAME, identifier
    if a.title != b.title or not creators_agree(a, b) or a.year != b.year:
        return Verdict.DIFFERENT, "description"
    if (a.publisher and b.publisher and a.publisher != b.publisher) or (
        a.pages and b.pages and a.pages != b.pages
    ):
        return Verdict.DIFFERENT, "description"
    if a.isbns and b.isbns:
        return Verdict.UNSURE, "isbn-differs"
    if a.edition != b.edition:
        return Verdict.UNSURE, "edition-statement"
    if a.year and a.publisher and b.publisher and a.pages and b.pages:
        return Verdict.SAME, "description"
    return Verdict.UNSURE, "description-incomplete"
