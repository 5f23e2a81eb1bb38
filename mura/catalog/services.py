"""Writes to the catalogue. Admin forms, the importer, the demo and the benchmark
all save records through `resource_save`, so validation, year normalisation,
history and background derivatives happen the same way everywhere."""

import re
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision

from mura.catalog.choices import Kind
from mura.catalog.editions import edition_leave, editions_link
from mura.catalog.models import (
    DigitalFile,
    Holding,
    Organisation,
    Person,
    Resource,
    ResourceAgent,
    ResourcePlace,
    group_model,
)
from mura.catalog.search_index import indexing_deferred
from mura.catalog.tasks import make_derivatives
from mura.institutions.models import Institution

YEAR_RE = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
CENTURY_MARK_RE = re.compile(r"(ғ\.|ғғ|ғасыр|в\.|вв|век|c\.|cent)", re.IGNORECASE)
ROMAN_RE = re.compile(r"\b(X{0,2}(?:IX|IV|V?I{0,3}))\b")
ROMAN = {"I": 1, "V": 5, "X": 10}
CHILD_KEYS = {"agents", "places", "holdings", "files"}
M2M_KEYS = {"subjects", "collections"}


def _roman(value: str) -> int:
    total, previous = 0, 0
    for char in reversed(value.upper()):
        number = ROMAN[char]
        total = total - number if number < previous else total + number
        previous = max(previous, number)
    return total


def years_from_text(text: str) -> tuple[int | None, int | None]:
    """Normalise a date as written ("1920–1935 жж.", "XIX ғ.", "1956") to a year range for facets."""
    years = [int(year) for year in YEAR_RE.findall(text)]
    if years:
        return min(years), max(years)
    centuries = (
        [_roman(match) for match in ROMAN_RE.findall(text) if match]
        if CENTURY_MARK_RE.search(text)
        else []
    )
    if centuries:
        return (min(centuries) - 1) * 100, max(centuries) * 100 - 1
    return None, None


def _apply_data(resource: Resource, data: dict[str, Any]) -> None:
    for key, value in data.items():
        if key == "agents":
            resource.agents = [
                ResourceAgent(
                    role=role,
                    person=agent if isinstance(agent, Person) else None,
                    organisation=agent if isinstance(agent, Organisation) else None,
                )
                for role, agent in value
            ]
        elif key == "places":
            resource.places = [
                ResourcePlace(role=role, place=place) for role, place in value
            ]
        elif key == "holdings":
            resource.holdings = [Holding(**holding) for holding in value]
        elif key == "files":
            resource.files = [DigitalFile(**file) for file in value]
        elif key in M2M_KEYS:
            getattr(resource, key).set(list(value))
        else:
            setattr(resource, key, value)


def resource_validate(*, resource: Resource, check_database: bool = True) -> None:
    """Normalise the years and validate a record with its links, copies and files
    (ValidationError). ``check_database=False`` skips the checks that ask the database
    (unique identifiers, linked rows existing): for a caller that has checked them for
    a whole batch (the importer, whose links come from the database)."""
    if resource.year_from is None and resource.year_to is None and resource.date_text:
        resource.year_from, resource.year_to = years_from_text(resource.date_text)
    links = (
        []
        if check_database
        else [
            field.name
            for field in Resource._meta.concrete_fields
            if field.is_relation and field.name != "parent"
        ]
    )
    resource.full_clean(
        exclude=links,
        validate_unique=check_database,
        validate_constraints=check_database,
    )
    for child in [
        *resource.agents.all(),
        *resource.places.all(),
        *resource.holdings.all(),
        *resource.files.all(),
    ]:
        # Their clean() covers the check constraints; skip the extra query per constraint.
        exclude = ["resource"]
        if not check_database:
            exclude += [f.name for f in child._meta.concrete_fields if f.is_relation]
        child.full_clean(exclude=exclude, validate_constraints=False)


@transaction.atomic
def resource_save(
    *,
    resource: Resource,
    user: AbstractBaseUser | None = None,
    previous_revision: Revision | None = None,
    link_edition: bool = True,
) -> Resource:
    """Validate and store a record (with its links, copies and files), record a revision
    and attach it to its edition (``link_edition=False``: the caller links a batch)."""
    is_new = resource.pk is None
    resource_validate(resource=resource)
    # Indexed once, at the end of the block, when the record has its edition.
    with indexing_deferred():
        resource.save()
        resource.save_revision(
            user=user,
            clean=False,
            log_action="wagtail.create" if is_new else True,
            previous_revision=previous_revision,
        )
        if link_edition:
            editions_link(resources=[resource])
    image_ids = [file.pk for file in resource.files.all() if file.image_id]
    if image_ids:
        transaction.on_commit(
            lambda: [make_derivatives.enqueue(file_id) for file_id in image_ids]
        )
    return resource


def resource_build(
    *,
    institution: Institution | None,
    kind: str,
    data: dict[str, Any],
    resource: Resource | None = None,
) -> Resource:
    """A new record of a kind (or ``resource`` changed) with ``data`` applied, unsaved:
    `data` holds field values plus agents/places/subjects/... lists."""
    if resource is None:
        if institution is None:
            raise ValueError("a new record needs its institution")
        resource = group_model(Kind(kind))(institution=institution, kind=kind)
    else:
        resource = _as_group_model(resource)
        if "date_text" in data and "year_from" not in data:
            resource.year_from = resource.year_to = None
    _apply_data(resource, data)
    return resource


def resource_create(
    *,
    institution: Institution,
    kind: str,
    data: dict[str, Any],
    user: AbstractBaseUser | None = None,
    link_edition: bool = True,
) -> Resource:
    """Create a record of a kind; `data` holds field values plus agents/places/subjects/... lists."""
    resource = resource_build(institution=institution, kind=kind, data=data)
    return resource_save(resource=resource, user=user, link_edition=link_edition)


def resource_update(
    *, resource: Resource, data: dict[str, Any], user: AbstractBaseUser | None = None
) -> Resource:
    resource = resource_build(
        institution=None, kind=resource.kind, data=data, resource=resource
    )
    return resource_save(resource=resource, user=user)


@transaction.atomic
def resource_delete(
    *, resource: Resource, user: AbstractBaseUser | None = None
) -> Resource:
    """Keep a tombstone, so the address answers 410 and harvesters learn of the deletion."""
    resource = _as_group_model(resource)
    resource.is_deleted = True
    resource.deleted_at = timezone.now()
    resource.save(update_fields=["is_deleted", "deleted_at", "updated_at"])
    log(instance=resource, action="wagtail.delete", user=user)
    edition_leave(resource=resource)
    return resource


def resources_create_many(
    *,
    institution: Institution,
    records: Iterable[tuple[str, dict[str, Any]]],
    user: AbstractBaseUser | None = None,
    batch_size: int = 500,
) -> int:
    """The importer's entry point: (kind, data) pairs, one transaction per batch."""
    count = 0
    batch: list[tuple[str, dict[str, Any]]] = []

    def flush() -> None:
        with transaction.atomic(), indexing_deferred():
            saved = [
                resource_create(
                    institution=institution,
                    kind=kind,
                    data=data,
                    user=user,
                    link_edition=False,
                )
                for kind, data in batch
            ]
            editions_link(resources=saved)
        batch.clear()

    for record in records:
        batch.append(record)
        count += 1
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    return count


def _as_group_model(resource: Resource) -> Resource:
    """History is kept per admin group; make sure we save through the group's proxy class."""
    model = group_model(resource.kind)
    if type(resource) is not model:
        resource.__class__ = model
    return resource
