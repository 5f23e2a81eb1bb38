"""What a record links to: its people and organisations, places, holdings and files."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from mura.catalog.choices import (
    RIGHTS_URLS,
    Access,
    AgentRole,
    HoldingStatus,
    PlaceRole,
    Rights,
)
from mura.catalog.models.authorities import Organisation, Person, Place
from mura.catalog.models.resources import Resource


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
    rights = models.CharField(
        _("rights"),
        max_length=10,
        choices=Rights.choices,
        default=Rights.NOT_EVALUATED,
        help_text=_("What readers may do with this file."),
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

    @property
    def rights_url(self) -> str:
        return RIGHTS_URLS[self.rights]

    def clean(self) -> None:
        if (self.image_id is None) == (self.document_id is None):
            raise ValidationError(_("Attach either an image or a document."))
