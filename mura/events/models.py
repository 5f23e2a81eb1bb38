"""Events: pages that tell readers about them, the programme, registration and its waiting list.

The programme (sections, slots, speakers), the extra questions and the registrations are
ordinary models attached to the original language version of an event page: they are live
operational data (places are counted against them), not versioned page content, and the
Russian and English translations of the page share them."""

import secrets
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from mura.events.forms import EventPageForm
from mura.institutions.models import Institution, InstitutionOwned, Role
from mura.portal.models import BasePage
from mura.portal.translation import TranslatedField


class EventKind(models.TextChoices):
    PROFESSIONAL_SESSION = "professional-session", _("Professional session")
    FORUM = "forum", _("Forum")
    CONFERENCE = "conference", _("Conference")
    SEMINAR = "seminar", _("Seminar")
    ROUND_TABLE = "round-table", _("Round table")
    EXHIBITION_OPENING = "exhibition-opening", _("Exhibition opening")
    TRAVELLING_EXHIBITION = "travelling-exhibition", _("Travelling exhibition stop")
    MASTER_CLASS = "master-class", _("Master class")
    TRAINING = "training", _("Training")
    LITERARY_MEETING = "literary-meeting", _("Literary meeting")
    BOOK_PRESENTATION = "book-presentation", _("Book presentation")
    EXCURSION = "excursion", _("Excursion")
    OTHER = "other", _("Other event")


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventFormat(models.TextChoices):
    OPEN_SPACE = "open-space", _("Open space")
    PANEL = "panel", _("Panel discussion")
    WORKSHOP = "workshop", _("Workshop")
    PLENARY = "plenary", _("Plenary sessions and sections")
    LECTURE = "lecture", _("Lecture")
    CEREMONY = "ceremony", _("Ceremony")


class Audience(models.TextChoices):
    SPECIALISTS = "specialists", _("Specialists")
    PUBLIC = "public", _("General public")
    YOUTH = "youth", _("Young people")
    CHILDREN = "children", _("Children")


class TimeZoneName(models.TextChoices):
    """Zones of Kazakhstan and of the neighbours whose guests come to the region's events."""

    ALMATY = "Asia/Almaty", _("Almaty, Astana, Pavlodar (Asia/Almaty)")
    QYZYLORDA = "Asia/Qyzylorda", _("Kyzylorda (Asia/Qyzylorda)")
    AQTOBE = "Asia/Aqtobe", _("Aktobe (Asia/Aqtobe)")
    AQTAU = "Asia/Aqtau", _("Aktau (Asia/Aqtau)")
    ATYRAU = "Asia/Atyrau", _("Atyrau (Asia/Atyrau)")
    ORAL = "Asia/Oral", _("Oral (Asia/Oral)")
    QOSTANAY = "Asia/Qostanay", _("Kostanay (Asia/Qostanay)")
    MOSCOW = "Europe/Moscow", _("Moscow (Europe/Moscow)")
    NOVOSIBIRSK = "Asia/Novosibirsk", _("Novosibirsk (Asia/Novosibirsk)")
    BARNAUL = "Asia/Barnaul", _("Barnaul (Asia/Barnaul)")
    OMSK = "Asia/Omsk", _("Omsk (Asia/Omsk)")
    HOVD = "Asia/Hovd", _("Ölgii, Khovd (Asia/Hovd)")
    ULAANBAATAR = "Asia/Ulaanbaatar", _("Ulaanbaatar (Asia/Ulaanbaatar)")


LANGUAGE_CHOICES = [("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))]


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


class EventPageQuerySet(PageQuerySet):
    def originals(self) -> "EventPageQuerySet":
        """Only the first language version of each event: programme and registrations hang on it."""
        earlier = EventPage.objects.filter(
            translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
        )
        return self.exclude(Exists(earlier))

    def upcoming(self, now: datetime | None = None) -> "EventPageQuerySet":
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now: datetime | None = None) -> "EventPageQuerySet":
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def for_listing(self) -> "EventPageQuerySet":
        return self.live().public().select_related("institution", "listing_image")

    def with_counts(self) -> "EventPageQuerySet":
        """`confirmed` and `waiting`: how many registrations hold a place or wait for one."""
        status = Registration.Status
        return self.annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=status.CONFIRMED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=status.WAITLISTED)
            ),
        )


class EventIndexPage(RoutablePageMixin, BasePage):
    """Upcoming and past events, with filters and a month calendar."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def events(self) -> EventPageQuerySet:
        return EventPage.objects.child_of(self).for_listing()

    @route(r"^$")
    def index_view(self, request):
        from mura.events import views

        return views.event_index(request, self)

    @route(r"^calendar/$")
    def calendar_view(self, request):
        from mura.events import views

        return views.event_calendar(request, self)


class EventPage(RoutablePageMixin, InstitutionOwned, BasePage):
    """One event of an institution: from a one-day session to a two-day international forum."""

    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=EventKind.choices,
        default=EventKind.PROFESSIONAL_SESSION,
    )
    event_format = models.CharField(
        _("format"), max_length=32, choices=EventFormat.choices, blank=True
    )
    attendance = models.CharField(
        _("attendance"),
        max_length=16,
        choices=Attendance.choices,
        default=Attendance.IN_PERSON,
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TimeZoneName.choices,
        default=TimeZoneName.ALMATY,
        help_text=_(
            "Start and end are entered and shown in this zone: Kyzylorda's clock differs from Almaty's."
        ),
    )
    venue_name = models.CharField(_("venue"), max_length=300, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    online_url = models.URLField(_("online broadcast link"), blank=True)
    partners = ParentalManyToManyField(
        Institution,
        verbose_name=_("partner institutions"),
        blank=True,
        related_name="partner_events",
    )
    partners_text = models.CharField(
        _("other partners"),
        max_length=500,
        blank=True,
        help_text=_("Partners that are not on the portal."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=16,
        choices=Audience.choices,
        default=Audience.SPECIALISTS,
    )
    occasion = models.CharField(
        _("occasion"),
        max_length=300,
        blank=True,
        help_text=_("E.g. «Тәуелсіздіктің 30 жылдығы», «кітапхананың 125 жылдығы»."),
    )
    languages = models.CharField(
        _("languages"),
        max_length=20,
        default="kk,ru",
        help_text=_("Codes separated by commas: kk, ru, en."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in lists."),
    )
    description = RichTextField(_("description"), blank=True)
    registration_open = models.BooleanField(_("registration is open"), default=False)
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for unlimited places; over the limit people join the waiting list."
        ),
    )
    contact_email = models.EmailField(_("organisers' e-mail"), blank=True)
    comments_enabled = models.BooleanField(_("readers may comment"), default=True)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    institution_role = Role.ORGANISER
    base_form_class = EventPageForm

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("institution"), FieldPanel("kind")]),
        FieldRowPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("attendance"),
                FieldPanel("audience"),
            ]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online_url"),
            ],
            heading=_("Venue"),
        ),
        FieldPanel("partners"),
        FieldPanel("partners_text"),
        FieldRowPanel([FieldPanel("occasion"), FieldPanel("languages")]),
        FieldPanel("lead"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("registration_open"),
                        FieldPanel("registration_closes"),
                        FieldPanel("capacity"),
                    ]
                ),
                FieldPanel("contact_email"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("comments_enabled"),
        InlinePanel(
            "reports", heading=_("After the event: news reports"), label=_("report")
        ),
        InlinePanel("photos", heading=_("After the event: photos"), label=_("photo")),
        InlinePanel(
            "materials", heading=_("After the event: materials"), label=_("document")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("description"),
        index.SearchField("occasion"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(self.tzinfo)

    @property
    def local_end(self) -> datetime:
        return self.end.astimezone(self.tzinfo)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def language_codes(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]

    @property
    def language_labels(self) -> list[str]:
        labels = dict(LANGUAGE_CHOICES)
        return [str(labels.get(code, code)) for code in self.language_codes]

    @property
    def original(self) -> "EventPage":
        """The first language version, which owns the programme and the registrations."""
        if not self.pk:
            return self
        return (
            EventPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .first()
            or self
        )

    def accepts_registrations(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        if not self.registration_open or self.end < now:
            return False
        return self.registration_closes is None or now < self.registration_closes

    def comments_open(self) -> bool:
        return self.comments_enabled

    def has_free_places(self, confirmed: int) -> bool:
        return self.capacity is None or confirmed < self.capacity

    # The routes are thin: the views module does the work.
    @route(r"^$")
    def event_view(self, request):
        from mura.events import views

        return views.event_detail(request, self)

    @route(r"^register/$")
    def register_view(self, request):
        from mura.events import views

        return views.register(request, self)

    @route(r"^programme/$")
    def programme_view(self, request):
        from mura.events import views

        return views.programme(request, self)

    @route(r"^registration/([\w-]{20,64})/$")
    def registration_view(self, request, token):
        from mura.events import views

        return views.registration_detail(request, self, token)

    @route(r"^registration/([\w-]{20,64})/cancel/$")
    def registration_cancel_view(self, request, token):
        from mura.events import views

        return views.registration_cancel(request, self, token)


class EventReport(Orderable):
    """A news report about the event, linked from its page once it is over."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="reports")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("news report")
        verbose_name_plural = _("news reports")


class EventPhoto(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class EventMaterial(Orderable):
    """A presentation or other document from the event."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=300,
        blank=True,
        help_text=_("The document's own title if empty."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    @property
    def label(self) -> str:
        return self.title or self.document.title


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary session")
    SECTION = "section", _("Section")
    MASTER_CLASS = "master-class", _("Master class")
    TRAINING = "training", _("Training")
    LITERARY_MEETING = "literary-meeting", _("Literary meeting")
    EXCURSION = "excursion", _("Excursion")
    OPENING = "opening", _("Opening")
    COFFEE_BREAK = "coffee-break", _("Coffee break")


class EventSection(models.Model):
    """A section, track, master class or training of the programme; may limit its own places."""

    event = models.ForeignKey(
        EventPage,
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
    room = models.CharField(_("room"), max_length=200, blank=True)
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
        EventPage,
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
    room = models.CharField(
        _("room"),
        max_length=200,
        blank=True,
        help_text=_("The section's room if empty."),
    )
    speakers = models.ManyToManyField(
        Speaker, verbose_name=_("speakers"), blank=True, related_name="talks"
    )
    moderators = models.ManyToManyField(
        Speaker, verbose_name=_("moderators"), blank=True, related_name="moderated"
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SlotQuerySet.as_manager()

    title = TranslatedField("title")

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
    def where(self) -> str:
        return self.room or (self.section.room if self.section_id else "")

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
        EventPage,
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


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_code() -> str:
    """Eight characters without look-alikes (0/O, 1/I), easy to read out at the door."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> "RegistrationQuerySet":
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.Status.WAITLISTED).order_by("pk")

    def attended(self, now: datetime | None = None) -> "RegistrationQuerySet":
        """Confirmed and checked in at an event that has started: who may hold a
        certificate of attendance."""
        return self.confirmed().filter(
            checked_in_at__isnull=False, event__start__lte=now or timezone.now()
        )

    def valid_certificates(self) -> "RegistrationQuerySet":
        return self.attended().filter(
            certificate_code__isnull=False, certificate_revoked_at__isnull=True
        )


class Registration(models.Model):
    """One person's registration for an event: confirmed, on the waiting list or cancelled."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Participation(models.TextChoices):
        IN_PERSON = "in-person", _("In person")
        ONLINE = "online", _("Online")

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.CONFIRMED
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=300)
    position = models.CharField(_("position"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2)
    region = models.CharField(_("region or city"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    participation = models.CharField(
        _("participation"),
        max_length=16,
        choices=Participation.choices,
        default=Participation.IN_PERSON,
    )
    accessibility = models.TextField(_("accessibility needs"), blank=True)
    answers = models.JSONField(
        _("answers to extra questions"), default=dict, blank=True
    )
    sections = models.ManyToManyField(
        EventSection,
        verbose_name=_("sections"),
        blank=True,
        related_name="registrations",
    )
    consent_at = models.DateTimeField(_("consent to personal data processing given"))
    language = models.CharField(_("language"), max_length=8, default="kk")
    token = models.CharField(
        _("secret link token"),
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
    )
    code = models.CharField(
        _("check-in code"), max_length=12, unique=True, default=new_code, editable=False
    )
    certificate_code = models.CharField(
        _("certificate code"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )
    certificate_revoked_at = models.DateTimeField(
        _("certificate revoked"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="unique_active_registration_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} · {self.event}"

    @property
    def position_in_queue(self) -> int | None:
        """1 for the first person on the waiting list; None when not waiting."""
        if self.status != self.Status.WAITLISTED:
            return None
        return (
            Registration.objects.filter(
                event_id=self.event_id, status=self.Status.WAITLISTED, pk__lt=self.pk
            ).count()
            + 1
        )

    @property
    def sections_label(self) -> str:
        return "; ".join(section.title for section in self.sections.all())

    @property
    def country_name(self) -> str:
        from mura.events.countries import country_name

        return country_name(self.country)


def section_counts(event: EventPage) -> dict[int, int]:
    """Confirmed participants per section of the event."""
    rows = (
        EventSection.objects.filter(event=event)
        .annotate(
            taken=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
            )
        )
        .values_list("pk", "taken")
    )
    return dict(rows)


def programme_days(event: EventPage) -> list[dict]:
    """The timetable grouped by day, then by start time (parallel items side by side)."""
    tz = event.tzinfo
    days: dict[date, dict[time, list[ProgrammeSlot]]] = {}
    for slot in ProgrammeSlot.objects.filter(event=event.original).for_timetable():
        days.setdefault(slot.day, {}).setdefault(slot.start_time, []).append(slot)
    return [
        {
            "number": number,
            "date": day,
            "rows": [
                {
                    "time": start,
                    "slots": slots,
                    "starts_at": datetime.combine(day, start, tzinfo=tz),
                }
                for start, slots in rows.items()
            ],
        }
        for number, (day, rows) in enumerate(days.items(), start=1)
    ]
