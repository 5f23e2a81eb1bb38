"""Catalogue records: one Resource table for every kind, with a proxy per group for the
admin.

Kind-specific fields are ordinary nullable/blank columns rather than a JSON blob:
each per-kind admin form is then a plain list of FieldPanels with model
validation, the fields are queryable and indexable (ISBN, inventory numbers,
reference codes), and the future MARC/CSV importer maps source fields to
column names one to one. Columns a kind does not use stay empty."""

import secrets
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import RevisionMixin

from mura.catalog.choices import (
    ARCHIVAL_PARENT_KIND,
    GROUP_OF_KIND,
    Access,
    Kind,
    KindGroup,
    Language,
)
from mura.catalog.models.authorities import Subject
from mura.catalog.models.collections import Collection
from mura.institutions.models import InstitutionOwned, Role

if TYPE_CHECKING:
    from mura.catalog.models.links import DigitalFile

PUBLIC_ID_ALPHABET = "0123456789bcdfghjkmnpqrstvwxz"
PUBLIC_ID_LENGTH = 10


def new_public_id() -> str:
    """A permanent, opaque identifier for the record's public address."""
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


class ResourceQuerySet(models.QuerySet):
    def alive(self) -> "ResourceQuerySet":
        return self.filter(is_deleted=False)

    def public(self) -> "ResourceQuerySet":
        """What anonymous readers, the API and harvesters may see."""
        return self.filter(
            is_deleted=False, access=Access.PUBLIC, institution__is_public=True
        )

    def one_per_edition(self) -> "ResourceQuerySet":
        """Each edition's public description, and the records with no edition."""
        return self.filter(
            Q(edition_link__isnull=True)
            | Q(edition_link__edition__primary=models.F("pk"))
            | Q(edition_link__edition__primary__isnull=True)
        )

    def for_listing(self) -> "ResourceQuerySet":
        return self.select_related("institution").prefetch_related("files__image")


class Resource(RevisionMixin, InstitutionOwned, ClusterableModel):
    """One catalogue record of any kind, held by one institution."""

    public_id = models.CharField(
        _("permanent identifier"),
        max_length=20,
        unique=True,
        default=new_public_id,
        editable=False,
        help_text=_("Used in the record's permanent address; never changes."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, db_index=True
    )
    access = models.CharField(
        _("access"), max_length=10, choices=Access.choices, default=Access.PUBLIC
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The fonds, series or file this description belongs to."),
    )
    sequence = models.PositiveIntegerField(_("order within the parent"), default=0)
    reference_code = models.CharField(
        _("reference code"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("e.g. ҚОММ Ф. 1. Оп. 2. Д. 15"),
    )

    # Common description
    title = models.CharField(_("title"), max_length=1000)
    other_title = models.CharField(
        _("other title information"), max_length=1000, blank=True
    )
    responsibility = models.CharField(
        _("statement of responsibility"), max_length=1000, blank=True
    )
    date_text = models.CharField(
        _("date"),
        max_length=200,
        blank=True,
        help_text=_("As written, e.g. 1920-е жж."),
    )
    year_from = models.SmallIntegerField(_("from year"), null=True, blank=True)
    year_to = models.SmallIntegerField(_("to year"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=3, choices=Language.choices, blank=True
    )
    extent = models.CharField(
        _("extent"),
        max_length=300,
        blank=True,
        help_text=_("Pages, sheets, items, duration."),
    )
    description = models.TextField(_("description / scope and content"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    provenance = models.CharField(
        _("provenance"),
        max_length=500,
        blank=True,
        help_text=_("e.g. gift of the Elbasy Library, 2019"),
    )

    # Library items
    edition = models.CharField(_("edition"), max_length=200, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    publication_place = models.CharField(
        _("place of publication"), max_length=200, blank=True
    )
    series_title = models.CharField(_("series"), max_length=300, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=32, blank=True, db_index=True)
    issn = models.CharField(_("ISSN"), max_length=16, blank=True)
    national_number = models.CharField(
        _("national bibliography or LCCN number"), max_length=40, blank=True
    )
    uniform_title = models.CharField(
        _("uniform title"),
        max_length=500,
        blank=True,
        help_text=_(
            "The work's title in its original language, e.g. for translations."
        ),
    )
    udc = models.CharField(_("UDC"), max_length=100, blank=True)
    bbk = models.CharField(_("BBK"), max_length=100, blank=True)
    frequency = models.CharField(_("frequency"), max_length=100, blank=True)
    numbering = models.CharField(_("issues held"), max_length=300, blank=True)

    # Archival descriptions (ISAD(G) essentials beyond the common fields)
    access_conditions = models.TextField(_("conditions of access"), blank=True)

    # Museum objects
    inventory_number = models.CharField(
        _("inventory number"), max_length=100, blank=True
    )
    main_fund_number = models.CharField(
        _("main fund (KP) number"), max_length=100, blank=True
    )
    object_category = models.CharField(_("category"), max_length=200, blank=True)
    material = models.CharField(_("material"), max_length=300, blank=True)
    technique = models.CharField(_("technique"), max_length=300, blank=True)
    dimensions = models.CharField(_("dimensions"), max_length=200, blank=True)
    condition = models.CharField(_("condition"), max_length=300, blank=True)
    acquisition = models.CharField(_("acquisition"), max_length=500, blank=True)
    exhibition_history = models.TextField(_("exhibition history"), blank=True)

    # Manuscripts, audio/video, electronic resources
    script = models.CharField(
        _("script"),
        max_length=100,
        blank=True,
        help_text=_("e.g. Arabic script (tote)"),
    )
    media_format = models.CharField(_("format"), max_length=100, blank=True)
    url = models.URLField(_("online address"), max_length=500, blank=True)

    subjects = ParentalManyToManyField(
        Subject, verbose_name=_("subjects"), blank=True, related_name="resources"
    )
    collections = ParentalManyToManyField(
        Collection, verbose_name=_("collections"), blank=True, related_name="resources"
    )

    # Import and harvesting
    source_id = models.CharField(
        _("identifier in the source system"), max_length=100, blank=True
    )
    original_format = models.CharField(
        _("format of the original record"), max_length=20, blank=True
    )
    original_record = models.TextField(_("original record"), blank=True)
    source_hash = models.CharField(
        _("fingerprint of the source record"),
        max_length=40,
        blank=True,
        editable=False,
        help_text=_("A re-import skips a record whose source has not changed."),
    )
    is_deleted = models.BooleanField(_("deleted"), default=False)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = ResourceQuerySet.as_manager()

    institution_role = Role.CATALOGUER
    # Links to authorities, images and documents are explicit foreign keys already;
    # indexing them again costs more than the record itself on a 100,000-record import.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("catalogue record")
        verbose_name_plural = _("catalogue records")
        ordering = ["sequence", "title"]
        indexes = [
            # Covers the statistics' catalogue growth per institution and kind.
            models.Index(
                fields=["institution", "kind", "is_deleted", "created_at"],
                name="catalog_res_growth",
            ),
            models.Index(fields=["year_from", "year_to"], name="catalog_res_years"),
            models.Index(fields=["parent", "sequence"], name="catalog_res_parent_seq"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_from__isnull=True)
                | Q(year_to__isnull=True)
                | Q(year_from__lte=models.F("year_to")),
                name="catalog_resource_years_ordered",
            ),
            models.UniqueConstraint(
                fields=["institution", "source_id"],
                condition=~Q(source_id=""),
                name="catalog_resource_unique_source_id",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:item", kwargs={"public_id": self.public_id})

    def clean(self) -> None:
        errors = {}
        if self.parent_id is not None:
            expected = ARCHIVAL_PARENT_KIND.get(self.kind)
            if expected is None:
                errors["parent"] = _(
                    "Only archival series, files and items belong to a parent description."
                )
            elif self.parent.kind != expected:
                errors["parent"] = _("This level must sit under a %(kind)s.") % {
                    "kind": Kind(expected).label
                }
            elif self.parent.institution_id != self.institution_id:
                errors["parent"] = _(
                    "The parent description belongs to another institution."
                )
            elif self.pk is not None and self.parent_id == self.pk:
                errors["parent"] = _("A description cannot be part of itself.")
        if (
            self.year_from is not None
            and self.year_to is not None
            and self.year_from > self.year_to
        ):
            errors["year_to"] = _("The end year is before the start year.")
        if errors:
            raise ValidationError(errors)

    def _update_from_revision(self, revision, changed=True):
        # One UPDATE instead of a second full save() with its signals.
        self.latest_revision = revision
        type(self).objects.filter(pk=self.pk).update(latest_revision=revision)

    def comments_open(self) -> bool:
        """Readers may comment on what they may see (asked by mura.comments)."""
        return not self.is_deleted and self.access == Access.PUBLIC

    def public_images(self) -> list["DigitalFile"]:
        """The files that are images a reader may see (uses prefetched files)."""
        return [
            file
            for file in self.files.all()
            if file.image_id and file.access == Access.PUBLIC
        ]

    @property
    def group(self) -> str:
        return GROUP_OF_KIND[self.kind]

    @property
    def is_archival(self) -> bool:
        return self.group == KindGroup.ARCHIVE

    def ancestors(self) -> list["Resource"]:
        """Fonds → series → file above this record, top first (at most three queries)."""
        chain, node = [], self.parent
        while node is not None and len(chain) < 4:
            chain.insert(0, node)
            node = node.parent
        return chain


class LibraryItem(Resource):
    class Meta:
        proxy = True
        verbose_name = _("library item")
        verbose_name_plural = _("library items")


class ArchivalDescription(Resource):
    class Meta:
        proxy = True
        verbose_name = _("archival description")
        verbose_name_plural = _("archival descriptions")


class MuseumObject(Resource):
    class Meta:
        proxy = True
        verbose_name = _("museum object")
        verbose_name_plural = _("museum objects")


class OtherResource(Resource):
    class Meta:
        proxy = True
        verbose_name = _("other resource")
        verbose_name_plural = _("other resources")


GROUP_MODELS: dict[str, type[Resource]] = {
    KindGroup.LIBRARY: LibraryItem,
    KindGroup.ARCHIVE: ArchivalDescription,
    KindGroup.MUSEUM: MuseumObject,
    KindGroup.OTHER: OtherResource,
}


def group_model(kind: str) -> type[Resource]:
    """The proxy class the admin uses for this kind (its history lives under that class)."""
    return GROUP_MODELS[GROUP_OF_KIND[kind]]
