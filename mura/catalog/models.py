"""The union catalogue: one Resource table for every kind, authorities, collections.

Kind-specific fields are ordinary nullable/blank columns rather than a JSON blob:
each per-kind admin form is then a plain list of FieldPanels with model
validation, the fields are queryable and indexable (ISBN, inventory numbers,
reference codes), and the future MARC/CSV importer maps source fields to
column names one to one. Columns a kind does not use stay empty."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from mura.institutions.models import InstitutionOwned, Role
from mura.portal.translation import TranslatedField

# NOID-style alphabet: digits and consonants only, so no words and no 0/o, 1/l confusion.
PUBLIC_ID_ALPHABET = "0123456789bcdfghjkmnpqrstvwxz"
PUBLIC_ID_LENGTH = 10


def new_public_id() -> str:
    """A permanent, opaque identifier for the record's public address."""
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


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


class Authority(index.Indexed, models.Model):
    """Abstract: an authority record with its name in three languages and variant forms.

    Indexed so the admin choosers (the autocomplete in record forms) can search it."""

    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (Latin script)"), max_length=300, blank=True)
    variant_names = models.TextField(
        _("variant names"),
        blank=True,
        help_text=_(
            "Other forms of the name, one per line: other scripts, old spellings, pseudonyms."
        ),
    )
    note = models.TextField(_("note"), blank=True)

    name = TranslatedField("name")
    name_fields = ("name_kk", "name_ru", "name_en", "variant_names")
    search_fields = [
        *(index.SearchField(field) for field in name_fields),
        *(index.AutocompleteField(field) for field in name_fields),
    ]

    class Meta:
        abstract = True
        ordering = ["name_kk"]

    def __str__(self) -> str:
        return self.name

    @property
    def variants(self) -> list[str]:
        return [
            line.strip() for line in self.variant_names.splitlines() if line.strip()
        ]


class Person(Authority):
    life_dates = models.CharField(
        _("life dates"),
        max_length=100,
        blank=True,
        help_text=_("As written, e.g. 1893–1920."),
    )
    birth_year = models.SmallIntegerField(_("year of birth"), null=True, blank=True)
    death_year = models.SmallIntegerField(_("year of death"), null=True, blank=True)

    class Meta(Authority.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return f"{self.name} ({self.life_dates})" if self.life_dates else self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:person", kwargs={"pk": self.pk})


class Organisation(Authority):
    dates = models.CharField(_("dates of existence"), max_length=100, blank=True)
    named_after = models.ForeignKey(
        Person,
        verbose_name=_("named after"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations_named_after",
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("portal institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When the organisation is one of the portal's institutions."),
    )

    class Meta(Authority.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def get_absolute_url(self) -> str:
        return reverse("catalog:organisation", kwargs={"pk": self.pk})


class Place(Authority):
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta(Authority.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def get_absolute_url(self) -> str:
        return reverse("catalog:place", kwargs={"pk": self.pk})


class Subject(Authority):
    """A topic term of the multilingual vocabulary (the name fields hold its labels)."""

    broader = models.ForeignKey(
        "self",
        verbose_name=_("broader term"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
    )

    class Meta(Authority.Meta):
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def get_absolute_url(self) -> str:
        return reverse("catalog:subject", kwargs={"pk": self.pk})


class CollectionQuerySet(models.QuerySet):
    def public(self) -> "CollectionQuerySet":
        return self.filter(is_public=True)


class Collection(models.Model):
    """A curated set of records across kinds and institutions; may nest."""

    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subcollections",
    )
    is_public = models.BooleanField(_("shown on the portal"), default=True)

    objects = CollectionQuerySet.as_manager()

    title = TranslatedField("title")
    description = TranslatedField("description")

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["title_kk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:collection", kwargs={"slug": self.slug})

    def ancestors(self) -> list["Collection"]:
        chain, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.insert(0, node)
            node = node.parent
        return chain


class ResourceQuerySet(models.QuerySet):
    def alive(self) -> "ResourceQuerySet":
        return self.filter(is_deleted=False)

    def public(self) -> "ResourceQuerySet":
        """What anonymous readers, the API and harvesters may see."""
        return self.filter(
            is_deleted=False, access=Access.PUBLIC, institution__is_public=True
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
            models.Index(fields=["institution", "kind"], name="catalog_res_inst_kind"),
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


class ResourceAgent(Orderable):
    """A person or organisation linked to a record in a role."""

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="agents")
    role = models.CharField(
        _("role"), max_length=20, choices=AgentRole.choices, default=AgentRole.AUTHOR
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="links",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="links",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("person or organisation")
        verbose_name_plural = _("persons and organisations")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="catalog_agent_person_xor_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agent} · {self.get_role_display()}"

    def clean(self) -> None:
        if (self.person_id is None) == (self.organisation_id is None):
            raise ValidationError(_("Choose either a person or an organisation."))

    @property
    def agent(self) -> Person | Organisation | None:
        return self.person or self.organisation


class PlaceRole(models.TextChoices):
    PUBLICATION = "publication", _("Place of publication")
    ORIGIN = "origin", _("Place of origin")
    FIND = "find", _("Place of find")
    DEPICTED = "depicted", _("Depicted place")
    SUBJECT = "subject", _("Place as subject")


class ResourcePlace(Orderable):
    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="places")
    role = models.CharField(
        _("role"), max_length=20, choices=PlaceRole.choices, default=PlaceRole.ORIGIN
    )
    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.PROTECT, related_name="links"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return f"{self.place} · {self.get_role_display()}"


class HoldingStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    READING_ROOM = "reading_room", _("Reading room only")
    ON_LOAN = "on_loan", _("On loan")
    IN_REPAIR = "in_repair", _("In conservation")
    MISSING = "missing", _("Missing")


class Holding(Orderable):
    """One copy of a library item."""

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="holdings")
    shelfmark = models.CharField(_("shelfmark"), max_length=100)
    location = models.CharField(
        _("location"),
        max_length=200,
        blank=True,
        help_text=_("Department or reading room."),
    )
    barcode = models.CharField(_("inventory or barcode"), max_length=100, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=HoldingStatus.choices,
        default=HoldingStatus.AVAILABLE,
    )

    class Meta(Orderable.Meta):
        verbose_name = _("copy")
        verbose_name_plural = _("copies")

    def __str__(self) -> str:
        return self.shelfmark


class DigitalFile(Orderable):
    """A scan, photo, PDF or recording of the record; images get renditions in the background."""

    resource = ParentalKey(Resource, on_delete=models.CASCADE, related_name="files")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document, audio or video"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    access = models.CharField(
        _("access"), max_length=10, choices=Access.choices, default=Access.PUBLIC
    )

    class Meta(Orderable.Meta):
        verbose_name = _("digital file")
        verbose_name_plural = _("digital files")
        constraints = [
            models.CheckConstraint(
                condition=Q(image__isnull=False, document__isnull=True)
                | Q(image__isnull=True, document__isnull=False),
                name="catalog_file_image_xor_document",
            )
        ]

    def __str__(self) -> str:
        return self.caption or str(self.image or self.document)

    def clean(self) -> None:
        if (self.image_id is None) == (self.document_id is None):
            raise ValidationError(_("Attach either an image or a document."))
