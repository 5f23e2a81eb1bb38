from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mura.portal.places import Located
from mura.portal.translation import TranslatedField


class Region(models.TextChoices):
    """Regions and cities of republican significance of Kazakhstan (since 2022)."""

    ABAI = "abai", _("Abai Region")
    AKMOLA = "akmola", _("Akmola Region")
    AKTOBE = "aktobe", _("Aktobe Region")
    ALMATY_REGION = "almaty-region", _("Almaty Region")
    ATYRAU = "atyrau", _("Atyrau Region")
    EAST_KAZAKHSTAN = "east-kazakhstan", _("East Kazakhstan Region")
    JAMBYL = "jambyl", _("Jambyl Region")
    JETISU = "jetisu", _("Jetisu Region")
    WEST_KAZAKHSTAN = "west-kazakhstan", _("West Kazakhstan Region")
    KARAGANDA = "karaganda", _("Karaganda Region")
    KOSTANAY = "kostanay", _("Kostanay Region")
    KYZYLORDA = "kyzylorda", _("Kyzylorda Region")
    MANGYSTAU = "mangystau", _("Mangystau Region")
    PAVLODAR = "pavlodar", _("Pavlodar Region")
    NORTH_KAZAKHSTAN = "north-kazakhstan", _("North Kazakhstan Region")
    TURKISTAN = "turkistan", _("Turkistan Region")
    ULYTAU = "ulytau", _("Ulytau Region")
    ASTANA = "astana", _("Astana")
    ALMATY = "almaty", _("Almaty")
    SHYMKENT = "shymkent", _("Shymkent")
    ABROAD = "abroad", _("Outside Kazakhstan")


class InstitutionQuerySet(models.QuerySet):
    def public(self) -> "InstitutionQuerySet":
        return self.filter(is_public=True)

    def of_kind(self, kind: str) -> "InstitutionQuerySet":
        return self.filter(kind=kind)


class Institution(Located, models.Model):
    """A library, archive or museum that publishes on the portal and holds catalogue records."""

    class Kind(models.TextChoices):
        LIBRARY = "library", _("Library")
        ARCHIVE = "archive", _("Archive")
        MUSEUM = "museum", _("Museum")

    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    short_name_kk = models.CharField(
        _("short name (Kazakh)"), max_length=120, blank=True
    )
    short_name_ru = models.CharField(
        _("short name (Russian)"), max_length=120, blank=True
    )
    short_name_en = models.CharField(
        _("short name (English)"), max_length=120, blank=True
    )
    named_after_kk = models.CharField(
        _("named after (Kazakh)"),
        max_length=200,
        blank=True,
        help_text=_("The person the institution is named after, e.g. Ә.Тәжібаев."),
    )
    named_after_ru = models.CharField(
        _("named after (Russian)"), max_length=200, blank=True
    )
    named_after_en = models.CharField(
        _("named after (English)"), max_length=200, blank=True
    )
    region = models.CharField(_("region"), max_length=32, choices=Region.choices)
    city_kk = models.CharField(_("city (Kazakh)"), max_length=120, blank=True)
    city_ru = models.CharField(_("city (Russian)"), max_length=120, blank=True)
    city_en = models.CharField(_("city (English)"), max_length=120, blank=True)
    address_kk = models.CharField(_("address (Kazakh)"), max_length=300, blank=True)
    address_ru = models.CharField(_("address (Russian)"), max_length=300, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    opening_hours_kk = models.TextField(
        _("opening hours (Kazakh)"),
        blank=True,
        help_text=_("One line per day or group of days, e.g. Mon–Fri 09:00–19:00."),
    )
    opening_hours_ru = models.TextField(_("opening hours (Russian)"), blank=True)
    opening_hours_en = models.TextField(_("opening hours (English)"), blank=True)
    founded = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo or photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_public = models.BooleanField(_("shown on the portal"), default=True)

    objects = InstitutionQuerySet.as_manager()

    name = TranslatedField("name")
    short_name = TranslatedField("short_name")
    named_after = TranslatedField("named_after")
    city = TranslatedField("city")
    address = TranslatedField("address")
    description = TranslatedField("description")
    opening_hours = TranslatedField("opening_hours")

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["kind", "name_kk"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("institutions:detail", kwargs={"slug": self.slug})

    @property
    def website_host(self) -> str:
        """The website's address as a reader types it: no scheme, no trailing slash."""
        return self.website.split("://", 1)[-1].removeprefix("www.").rstrip("/")


class Role(models.TextChoices):
    EDITOR = "editor", _("Editor")
    CATALOGUER = "cataloguer", _("Cataloguer")
    MODERATOR = "moderator", _("Moderator")
    ORGANISER = "organiser", _("Event organiser")


class Membership(models.Model):
    """A staff user's role in one institution; the admin checks it before every change."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="institution_memberships",
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("staff membership")
        verbose_name_plural = _("staff memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "institution", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.institution} · {self.get_role_display()}"


class InstitutionOwned(models.Model):
    """Abstract: content that belongs to one institution and is changed by its staff.

    `institution_role` names the role that may change it (editors for news,
    organisers for events, cataloguers for records)."""

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    institution_role = Role.EDITOR

    class Meta:
        abstract = True
