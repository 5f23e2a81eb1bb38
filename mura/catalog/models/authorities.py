"""Authority records: people, organisations, places and subjects, named in three
languages with variant forms."""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from mura.portal.places import Located
from mura.portal.translation import TranslatedField


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
    note = models.TextField(
        _("biography or history"),
        blank=True,
        help_text=_("Shown on the authority's page."),
    )
    viaf_id = models.CharField(
        _("VIAF identifier"),
        max_length=32,
        blank=True,
        validators=[RegexValidator(r"^[0-9]+$", _("Digits only, e.g. 59879459."))],
    )
    wikidata_id = models.CharField(
        _("Wikidata identifier"),
        max_length=32,
        blank=True,
        validators=[RegexValidator(r"^Q[0-9]+$", _("Q and digits, e.g. Q2578727."))],
    )

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
    def external_links(self) -> list[tuple[str, str, str]]:
        """(authority file, identifier, address) for each identifier known."""
        links = []
        if self.viaf_id:
            links.append(
                ("VIAF", self.viaf_id, f"https://viaf.org/viaf/{self.viaf_id}/")
            )
        if self.wikidata_id:
            links.append(
                (
                    "Wikidata",
                    self.wikidata_id,
                    f"https://www.wikidata.org/wiki/{self.wikidata_id}",
                )
            )
        return links

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


class Place(Located, Authority):
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
