"""How a record reads: its labelled fields and citations."""

from datetime import date

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from mura.catalog import archival
from mura.catalog.choices import AgentRole, HoldingStatus, Kind, KindGroup
from mura.catalog.models import Resource

RECORD_FIELDS: dict[str, list[str]] = {
    KindGroup.LIBRARY: [
        "other_title",
        "responsibility",
        "edition",
        "publication_place",
        "publisher",
        "date_text",
        "extent",
        "series_title",
        "isbn",
        "issn",
        "udc",
        "bbk",
        "frequency",
        "numbering",
        "language",
        "provenance",
        "notes",
    ],
    KindGroup.ARCHIVE: [
        "reference_code",
        "date_text",
        "extent",
        "language",
        "access_conditions",
        "provenance",
        "notes",
    ],
    KindGroup.MUSEUM: [
        "inventory_number",
        "main_fund_number",
        "object_category",
        "material",
        "technique",
        "dimensions",
        "date_text",
        "condition",
        "provenance",
        "acquisition",
        "exhibition_history",
        "notes",
    ],
    KindGroup.OTHER: [
        "other_title",
        "responsibility",
        "date_text",
        "extent",
        "language",
        "script",
        "material",
        "technique",
        "dimensions",
        "media_format",
        "url",
        "reference_code",
        "inventory_number",
        "provenance",
        "notes",
    ],
}


#: Fields whose abbreviations are read in the reader's language.
READER_FORMS = {"reference_code": archival.shelfmark, "extent": archival.extent}


def record_fields(resource: Resource) -> list[tuple[str, str]]:
    """(label, value) pairs of the filled fields, labels in the reader's language."""
    rows = []
    for name in RECORD_FIELDS[resource.group]:
        value = getattr(resource, name)
        if not value:
            continue
        field = Resource._meta.get_field(name)
        if field.choices:
            value = getattr(resource, f"get_{name}_display")()
        elif name in READER_FORMS:
            value = READER_FORMS[name](value)
        rows.append((capfirst(str(field.verbose_name)), str(value)))
    return rows


def how_to_see(resource: Resource) -> str:
    """Where and how a reader sees the original, in the reader's language."""
    if resource.group == KindGroup.LIBRARY:
        statuses = {copy.status for copy in resource.holdings.all()}
        if HoldingStatus.AVAILABLE in statuses:
            return _("Ask for it at the loan desk or read it in the reading room.")
        return _("It can be read in the library's reading room.")
    if resource.group == KindGroup.ARCHIVE:
        return _(
            "Order it for the archive's reading room: write ahead, naming the "
            "reference code, and it will be ready for your visit."
        )
    if resource.group == KindGroup.MUSEUM:
        return _(
            "Ask the museum whether it is on display, or arrange to see it in the "
            "study room."
        )
    return _("Ask the holding institution how to see the original.")


def request_subject(resource: Resource) -> str:
    """The subject line of a reader's e-mail asking to see the record."""
    code = resource.reference_code or resource.inventory_number or resource.public_id
    return _("Request: %(title)s (%(code)s)") % {"title": resource.title, "code": code}


def _initials_form(name: str) -> str:
    """ "Торайғыров, Сұлтанмахмұт" → "Торайғыров, С." (GOST heading form)."""
    if "," not in name:
        return name
    surname, given = (part.strip() for part in name.split(",", 1))
    initials = " ".join(
        f"{part[0]}." for part in given.split() if part and part[0].isalpha()
    )
    return f"{surname}, {initials}" if initials else surname


def first_author(resource: Resource) -> str:
    for link in resource.agents.all():
        if link.role == AgentRole.AUTHOR and link.person_id:
            return link.person.name
    return ""


def _media_designation(resource: Resource) -> str:
    if resource.kind == Kind.PHOTO:
        return _("Image : unmediated")
    if resource.kind == Kind.MUSEUM_OBJECT:
        return _("Three-dimensional form : unmediated")
    if resource.kind in (Kind.E_RESOURCE, Kind.AUDIOVISUAL):
        return (
            _("Text : electronic")
            if resource.kind == Kind.E_RESOURCE
            else _("Moving image : electronic")
        )
    return _("Text : unmediated")


def _date_not_in_title(resource: Resource) -> bool:
    """Whether the date adds to the title ("Хат, 1942 ж." already gives its year)."""
    return bool(resource.date_text) and resource.date_text not in resource.title


def cite_gost(resource: Resource, url: str, today: date | None = None) -> str:
    """A bibliographic reference in the style of GOST R 7.0.100-2018."""
    today = today or timezone.localdate()
    author = first_author(resource)
    head = f"{_initials_form(author)} " if author else ""
    title = resource.title
    if resource.other_title:
        title += f" : {resource.other_title}"
    if resource.responsibility:
        title += f" / {resource.responsibility}"
    parts = [f"{head}{title}"]
    if resource.group == KindGroup.LIBRARY or resource.kind == Kind.MANUSCRIPT:
        if resource.edition:
            parts.append(resource.edition)
        imprint = resource.publication_place
        if resource.publisher:
            imprint = (
                f"{imprint} : {resource.publisher}" if imprint else resource.publisher
            )
        if resource.date_text:
            imprint = (
                f"{imprint}, {resource.date_text}" if imprint else resource.date_text
            )
        if imprint:
            parts.append(imprint)
        if resource.extent:
            parts.append(archival.extent(resource.extent))
        if resource.series_title:
            parts.append(f"({resource.series_title})")
        if resource.isbn:
            parts.append(f"ISBN {resource.isbn}")
        parts.append(_media_designation(resource))
        reference = ". – ".join(part.rstrip(". ") for part in parts)
    else:
        if _date_not_in_title(resource):
            parts.append(resource.date_text)
        if resource.material:
            parts.append(resource.material)
        reference = (
            ". – ".join(part.rstrip(". ") for part in parts)
            + f" // {resource.institution.name}"
        )
        if resource.reference_code:
            reference += f". {archival.shelfmark(resource.reference_code)}"
        if resource.inventory_number:
            reference += ". " + _("Inv. No. %(number)s") % {
                "number": resource.inventory_number
            }
    reference += ". – " + _("URL: %(url)s (accessed: %(date)s)") % {
        "url": url,
        "date": today.strftime("%d.%m.%Y"),
    }
    return reference + "."


def cite_plain(resource: Resource, url: str) -> str:
    pieces = [
        part.rstrip(". ")
        for part in (
            first_author(resource),
            resource.title,
            resource.date_text if _date_not_in_title(resource) else "",
        )
        if part
    ]
    holder = resource.institution.name
    if resource.reference_code:
        holder += f", {archival.shelfmark(resource.reference_code)}"
    elif resource.inventory_number:
        holder += f", {resource.inventory_number}"
    return ". ".join(pieces) + f". {holder}. {url}"
