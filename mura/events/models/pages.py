"""Event pages: the events index and an event's page with its after-the-event reports,
photos and materials. The pages' sub-routes are served by ``mura.events.page_views``."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from mura.events import page_views
from mura.events.choices import (
    LANGUAGE_CHOICES,
    Attendance,
    Audience,
    EventFormat,
    EventKind,
    TimeZoneName,
)
from mura.events.forms import EventPageForm
from mura.events.models.registrations import Registration
from mura.institutions.models import Institution, InstitutionOwned, Role
from mura.portal.models import BasePage
from mura.portal.places import Located
from mura.portal.restrictions import PortalPageQuerySet


class EventPageQuerySet(PortalPageQuerySet):
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

    def for_listing(self) -> "EventPageQuerySet":
        return self.live().public().select_related("institution", "listing_image")


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
        return page_views.event_index(request, self)

    @route(r"^calendar/$")
    def calendar_view(self, request):
        return page_views.event_calendar(request, self)


class EventPage(RoutablePageMixin, InstitutionOwned, Located, BasePage):
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

    @cached_property
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

    # The routes are thin: mura.events.page_views does the work.
    @route(r"^$")
    def event_view(self, request):
        return page_views.event_detail(request, self)

    @route(r"^register/$")
    def register_view(self, request):
        return page_views.register(request, self)

    @route(r"^register/resend/$")
    def register_resend_view(self, request):
        return page_views.register_resend(request, self)

    @route(r"^programme/$")
    def programme_view(self, request):
        return page_views.programme(request, self)

    @route(r"^registration/([\w-]{20,64})/$")
    def registration_view(self, request, token):
        return page_views.registration_detail(request, self, token)

    @route(r"^registration/([\w-]{20,64})/cancel/$")
    def registration_cancel_view(self, request, token):
        return page_views.registration_cancel(request, self, token)


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
