"""The union catalogue: one Resource table for every kind, authorities, collections.

The models live in authorities.py, collections.py, resources.py and links.py; the choices
in mura.catalog.choices, re-exported here for the modules that read them with the models."""

from mura.catalog.choices import (
    ARCHIVAL_PARENT_KIND,
    GROUP_OF_KIND,
    KIND_GROUPS,
    Access,
    AgentRole,
    HoldingStatus,
    Kind,
    KindGroup,
    Language,
    PlaceRole,
)
from mura.catalog.models.authorities import (
    Authority,
    Organisation,
    Person,
    Place,
    Subject,
)
from mura.catalog.models.collections import (
    Collection,
    CollectionQuerySet,
)
from mura.catalog.models.editions import (
    CandidateStatus,
    Edition,
    EditionCandidate,
    EditionKey,
    EditionRecord,
    MatchReason,
    Work,
)
from mura.catalog.models.links import (
    DigitalFile,
    Holding,
    ResourceAgent,
    ResourcePlace,
)
from mura.catalog.models.resources import (
    GROUP_MODELS,
    PUBLIC_ID_ALPHABET,
    PUBLIC_ID_LENGTH,
    ArchivalDescription,
    LibraryItem,
    MuseumObject,
    OtherResource,
    Resource,
    ResourceQuerySet,
    group_model,
    new_public_id,
)

__all__ = [
    "ARCHIVAL_PARENT_KIND",
    "Access",
    "AgentRole",
    "ArchivalDescription",
    "Authority",
    "CandidateStatus",
    "Collection",
    "CollectionQuerySet",
    "DigitalFile",
    "Edition",
    "EditionCandidate",
    "EditionKey",
    "EditionRecord",
    "GROUP_MODELS",
    "GROUP_OF_KIND",
    "Holding",
    "HoldingStatus",
    "KIND_GROUPS",
    "Kind",
    "KindGroup",
    "Language",
    "LibraryItem",
    "MatchReason",
    "MuseumObject",
    "Organisation",
    "OtherResource",
    "PUBLIC_ID_ALPHABET",
    "PUBLIC_ID_LENGTH",
    "Person",
    "Place",
    "PlaceRole",
    "Resource",
    "ResourceAgent",
    "ResourcePlace",
    "ResourceQuerySet",
    "Subject",
    "Work",
    "group_model",
    "new_public_id",
]
