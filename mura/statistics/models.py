"""Readers' views per day: the only thing statistics store; every other figure is read
from the apps' own rows."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from mura.institutions.models import Institution


class ViewKind(models.TextChoices):
    NEWS = "news", _("News")
    ITEM = "item", _("Catalogue records")
    STORY = "story", _("Stories")
    EXHIBITION = "exhibition", _("Exhibitions")
    EVENT = "event", _("Events")


class DailyViews(models.Model):
    """How many readers saw one thing on one day. The thing is named by a key that all
    its language versions share (a page's translation key, a record's public id); the
    readers themselves are never stored, only told apart for the day by a salted hash."""

    kind = models.CharField(_("kind"), max_length=16, choices=ViewKind.choices)
    key = models.CharField(_("key"), max_length=64)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

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
                fields=["day", "institution"], name="statistics_day_institution"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} {self.day}: {self.views}"
