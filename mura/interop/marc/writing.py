"""Writing a catalogue record as MARC 21."""

from pymarc import Field, Indicators, Leader, Record, Subfield

from mura.catalog.models import AgentRole
from mura.interop.marc.codes import (
    ARCHIVAL_LEVELS,
    KIND_LEADER,
    LANGUAGE_CODES,
    ROLE_RELATORS,
)


def resource_to_marc21(resource, *, url: str) -> Record:
    """A MARC 21 record (UTF-8) from the current state of a catalogue record."""
    kind_codes = KIND_LEADER[resource.kind]
    archival = resource.kind in ARCHIVAL_LEVELS
    record = Record()
    record.leader = Leader(
        f"00000n{kind_codes}{'a' if archival else ' '}a2200000 i 4500"
    )
    record.add_field(Field(tag="001", data=resource.public_id))
    record.add_field(
        Field(tag="005", data=resource.updated_at.strftime("%Y%m%d%H%M%S.0"))
    )
    year_from, year_to = resource.year_from, resource.year_to
    dates = (
        f"s{year_from:04d}    "
        if year_from and (year_to in (None, year_from))
        else (
            f"m{year_from:04d}{year_to:04d}" if year_from and year_to else "nuuuuuuuu"
        )
    )
    language = LANGUAGE_CODES.get(resource.language, "und")
    record.add_field(
        Field(
            tag="008",
            data=f"{resource.created_at:%y%m%d}{dates}xx {' ' * 17}{language} d",
        )
    )

    def add(
        tag: str, pairs: list[tuple[str, str]], indicators: tuple[str, str] = (" ", " ")
    ) -> None:
        subfields = [Subfield(code, value) for code, value in pairs if value]
        if subfields:
            record.add_field(
                Field(tag=tag, indicators=Indicators(*indicators), subfields=subfields)
            )

    add("020", [("a", resource.isbn.replace("-", "").replace(" ", ""))])
    add("022", [("a", resource.issn)])
    if resource.language:
        add("041", [("a", language)])
    add("080", [("a", resource.udc)])
    add("084", [("a", resource.bbk), ("2", "rubbk")] if resource.bbk else [])
    links = list(resource.agents.all())
    main = next((link for link in links if link.role == AgentRole.AUTHOR), None)
    for link in links:
        person = link.person_id is not None
        heading = [("a", link.agent.name_kk)]
        if person and link.person.life_dates:
            heading.append(("d", link.person.life_dates))
        if link is main:
            add("100" if person else "110", heading, ("1" if person else "2", " "))
        else:
            add(
                "700" if person else "710",
                [*heading, ("4", ROLE_RELATORS.get(link.role, "oth"))],
                ("1" if person else "2", " "),
            )
    # ISBD punctuation, as leader/18 "i" says: "Title : other title / responsibility".
    title = [
        (
            "a",
            resource.title
            + _before(resource.other_title, " :", resource.responsibility, " /"),
        ),
        ("b", _with_mark(resource.other_title, resource.responsibility, " /")),
        ("c", resource.responsibility),
    ]
    add("245", title, ("1" if main else "0", "0"))
    add("250", [("a", resource.edition)])
    add(
        "264",
        [
            (
                "a",
                resource.publication_place
                and resource.publication_place
                + _before(resource.publisher, " :", resource.date_text, ","),
            ),
            ("b", _with_mark(resource.publisher, resource.date_text, ",")),
            ("c", resource.date_text),
        ],
        (" ", "1"),
    )
    add("300", [("a", resource.extent)])
    add("351", [("c", ARCHIVAL_LEVELS[resource.kind])] if archival else [])
    add("490", [("a", resource.series_title)], ("0", " "))
    for note in filter(None, resource.notes.splitlines()):
        add("500", [("a", note)])
    add("520", [("a", resource.description)])
    add("541", [("a", resource.provenance or resource.acquisition)])
    for subject in resource.subjects.all():
        add("650", [("a", subject.name_kk)], (" ", "4"))
    for link in resource.places.all():
        add("651", [("a", link.place.name_kk)], (" ", "4"))
    for holding in resource.holdings.all():
        add(
            "852",
            [
                ("a", resource.institution.slug),
                ("b", holding.location),
                ("h", holding.shelfmark),
                ("p", holding.barcode),
            ],
        )
    add("856", [("u", url)], ("4", "0"))
    if resource.url:
        add("856", [("u", resource.url)], ("4", "1"))
    return record


def _before(*pairs: str) -> str:
    """The ISBD mark before the first of the next elements present (value, mark, ...)."""
    for value, mark in zip(pairs[::2], pairs[1::2], strict=True):
        if value:
            return mark
    return ""


def _with_mark(value: str, following: str, mark: str) -> str:
    return value + mark if value and following else value
