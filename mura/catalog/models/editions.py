"""Editions and works: what several institutions' records of one book share.

Each institution's record stays a `Resource` as it came; an `Edition` gathers the
records that describe one edition (the fullest public one is its public description)
and a `Work` gathers the editions of one work. `EditionKey` rows are where an incoming
record looks for its edition; `EditionCandidate` is the review queue of matches that
were close but not certain."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mura.catalog.models.resources import Resource


class Work(models.Model):
    title = models.CharField(_("title"), max_length=1000)
    key = models.CharField(_("matching key"), max_length=300, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("work")
        verbose_name_plural = _("works")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:work", kwargs={"pk": self.pk})


class Edition(models.Model):
    work = models.ForeignKey(
        Work,
        verbose_name=_("work"),
        on_delete=models.PROTECT,
        related_name="editions",
    )
    primary = models.ForeignKey(
        Resource,
        verbose_name=_("public description"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The fullest record of the edition, shown to readers."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return str(self.primary) if self.primary_id else f"#{self.pk}"


class MatchReason(models.TextChoices):
    FIRST = "first", _("first record of the edition")
    ISBN = "isbn", _("same ISBN")
    ISSN = "issn", _("same ISSN")
    NATIONAL = "national", _("same national bibliography or LCCN number")
    DESCRIPTION = "description", _("same title, creator, year, publisher and extent")
    STAFF = "staff", _("merged by staff")


class EditionRecord(models.Model):
    """One institution's record as a description of an edition."""

    resource = models.OneToOneField(
        Resource,
        verbose_name=_("record"),
        on_delete=models.CASCADE,
        related_name="edition_link",
    )
    edition = models.ForeignKey(
        Edition,
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="links",
    )
    reason = models.CharField(
        _("matched by"), max_length=20, choices=MatchReason.choices
    )
    #: the record's normalised description (edition_keys.Description.as_data)
    description = models.JSONField(_("normalised description"), default=dict)

    class Meta:
        verbose_name = _("record of an edition")
        verbose_name_plural = _("records of editions")

    def __str__(self) -> str:
        return f"{self.resource} → {self.edition_id}"


class EditionKey(models.Model):
    key = models.CharField(_("key"), max_length=200, db_index=True)
    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="edition_keys"
    )
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="keys")

    class Meta:
        verbose_name = _("edition key")
        verbose_name_plural = _("edition keys")

    def __str__(self) -> str:
        return self.key


class CandidateStatus(models.TextChoices):
    PENDING = "pending", _("waiting for review")
    MERGED = "merged", _("merged")
    REJECTED = "rejected", _("not the same edition")


class EditionCandidate(models.Model):
    """A record that may describe another edition: staff decide."""

    resource = models.ForeignKey(
        Resource,
        verbose_name=_("record"),
        on_delete=models.CASCADE,
        related_name="edition_candidates",
    )
    edition = models.ForeignKey(
        Edition,
        verbose_name=_("possible edition"),
        on_delete=models.CASCADE,
        related_name="candidates",
    )
    reason = models.CharField(_("why it is uncertain"), max_length=40)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CandidateStatus.choices,
        default=CandidateStatus.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("possible same edition")
        verbose_name_plural = _("possible same editions")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "edition"], name="catalog_candidate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource} ? {self.edition_id}"
