"""Readers' views per day, and two rollups of them kept in the same write: the only
things statistics store; every other figure is read from the apps' own rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mura.institutions.models import Institution


class ViewKind(models.TextChoices):
    NEWS = "news", _("News")
    ITEM = "item", _("Catalogue records")
    STORY = "story", _("Stories")
    EXHIBITION = "exhibition", _("Exhibitions")
    EVENT = "event", _("Events")


class CountedViews(models.Model):
    """What every row of views has: the institution whose thing was seen, and a count."""

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
        # A lone index here would lure SQLite's planner from the covering one.
        db_index=False,
    )
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        abstract = True


class DailyViews(CountedViews):
    """How many readers saw one thing on one day. The thing is named by a key that all
    its language versions share (a page's translation key, a record's public id); the
    readers themselves are never stored, only told apart for the day by a salted hash."""

    kind = models.CharField(_("kind"), max_length=16, choices=ViewKind.choices)
    key = models.CharField(_("key"), max_length=64)
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("views of a day")
        verbose_name_plural = _("views per day")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "day"], name="one_row_per_thing_per_day"
            )
        ]
        indexes = [
            models.Index(
                fields=["day", "kind", "institution", "key", "views"],
                name="statistics_day_covering",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} {self.day}: {self.views}"


class MonthlyViews(CountedViews):
    """One thing's views in one calendar month: the sum of its `DailyViews` rows, added
    to with them, so a long period reads a row per thing per month."""

    kind = models.CharField(_("kind"), max_length=16, choices=ViewKind.choices)
    key = models.CharField(_("key"), max_length=64)
    month = models.DateField(_("month"), help_text=_("Its first day."))

    class Meta:
        verbose_name = _("views of a month")
        verbose_name_plural = _("views per month")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "month"], name="one_row_per_thing_per_month"
            )
        ]
        indexes = [
            models.Index(
                fields=["kind", "month", "institution", "key", "views"],
                name="statistics_month_covering",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} {self.month:%Y-%m}: {self.views}"


class InstitutionDailyViews(CountedViews):
    """All views of one institution's things on one day: the sum of its `DailyViews`
    rows, added to with them, for the views per day and per institution."""

    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("an institution's views of a day")
        verbose_name_plural = _("institutions' views per day")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "day"], name="one_row_per_institution_per_day"
            )
        ]
        indexes = [
            models.Index(
                fields=["day", "institution", "views"], name="statistics_day_total"
            )
        ]

    def __str__(self) -> str:
        return f"{self.institution_id} {self.day}: {self.views}"
