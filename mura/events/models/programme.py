"""An event's programme (speakers, sections, timetable slots) and the extra questions of
its registration form. They hang on the original language version of the event page."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mura.events.choices import SessionKind
from mura.institutions.models import Institution
from mura.portal.translation import LANGUAGE_CODES, TranslatedField


class Speaker(models.Model):
    """A speaker or moderator as the programme names them (the events app's own person record)."""

    name = models.CharField(_("name"), max_length=200)
    position_kk = models.CharField(_("position (Kazakh)"), max_length=300, blank=True)
    position_ru = models.CharField(_("position (Russian)"), max_length=300, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=300, blank=True)
    organisation_kk = models.CharField(
        _("organisation (Kazakh)"), max_length=300, blank=True
    )
    organisation_ru = models.CharField(
        _("organisation (Russian)"), max_length=300, blank=True
    )
    organisation_en = models.CharField(
        _("organisation (English)"), max_length=300, blank=True
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution on the portal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Only when the speaker works at an institution of the portal."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        default="KZ",
        help_text=_("ISO 3166 code, e.g. KZ, RU, MN."),
    )

    position = TranslatedField("position")
    organisation = TranslatedField("organisation")

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def affiliation(self) -> str:
        return self.organisation or (
            self.institution.name if self.institution_id else ""
        )


class EventSection(models.Model):
    """A section, track, master class or training of the programme; may limit its own places."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    kind = models.CharField(
        _("kind"),
        max_length=24,
        choices=SessionKind.choices,
        default=SessionKind.SECTION,
    )
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    room_kk = models.CharField(_("room (Kazakh)"), max_length=200, blank=True)
    room_ru = models.CharField(_("room (Russian)"), max_length=200, blank=True)
    room_en = models.CharField(_("room (English)"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for unlimited.")
    )
    registrable = models.BooleanField(
        _("chosen at registration"),
        default=True,
        help_text=_("Participants tick it in the registration form."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    title = TranslatedField("title")
    room = TranslatedField("room")

    class Meta:
        verbose_name = _("programme section")
        verbose_name_plural = _("programme sections")
        ordering = ["event", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.title


class SlotQuerySet(models.QuerySet):
    def for_timetable(self) -> "SlotQuerySet":
        return (
            self.select_related("section")
            .prefetch_related("speakers", "moderators")
            .order_by("day", "start_time", "sort_order", "pk")
        )


class ProgrammeSlot(models.Model):
    """One item of the timetable, in the event's own time zone."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="slots",
    )
    section = models.ForeignKey(
        EventSection,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
    )
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("starts"))
    end_time = models.TimeField(_("ends"))
    kind = models.CharField(
        _("kind"),
        max_length=24,
        choices=SessionKind.choices,
        default=SessionKind.SECTION,
    )
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    room_kk = models.CharField(
        _("room (Kazakh)"),
        max_length=200,
        blank=True,
        help_text=_("The section's room if empty."),
    )
    room_ru = models.CharField(_("room (Russian)"), max_length=200, blank=True)
    room_en = models.CharField(_("room (English)"), max_length=200, blank=True)
    speakers = models.ManyToManyField(
        Speaker, verbose_name=_("speakers"), blank=True, related_name="talks"
    )
    moderators = models.ManyToManyField(
        Speaker, verbose_name=_("moderators"), blank=True, related_name="moderated"
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SlotQuerySet.as_manager()

    title = TranslatedField("title")
    room = TranslatedField("room")

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["event", "day", "start_time", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gte=models.F("start_time")),
                name="slot_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.start_time:%H:%M} {self.title}"

    @property
    def room_holder(self) -> "ProgrammeSlot | EventSection | None":
        """The slot itself when it names a room in any language, else its section."""
        if any(getattr(self, f"room_{code}") for code in LANGUAGE_CODES):
            return self
        return self.section if self.section_id else None

    @property
    def where(self) -> str:
        """The room in the reader's language (falling back to kk, ru, en)."""
        holder = self.room_holder
        return holder.room if holder else ""

    def starts_at(self, tz: ZoneInfo) -> datetime:
        return datetime.combine(self.day, self.start_time, tzinfo=tz)

    def ends_at(self, tz: ZoneInfo) -> datetime:
        return datetime.combine(self.day, self.end_time, tzinfo=tz)


class ExtraQuestion(models.Model):
    """A question an organiser adds to one event's registration form."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        YES_NO = "yes-no", _("Yes or no")
        CHOICE = "choice", _("One of the options")

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    label_kk = models.CharField(_("question (Kazakh)"), max_length=300)
    label_ru = models.CharField(_("question (Russian)"), max_length=300, blank=True)
    label_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    kind = models.CharField(
        _("answer type"), max_length=16, choices=Kind.choices, default=Kind.TEXT
    )
    options = models.TextField(
        _("options"),
        blank=True,
        help_text=_("One option per line, for “one of the options”."),
    )
    required = models.BooleanField(_("required"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    label = TranslatedField("label")

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["event", "sort_order", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]
