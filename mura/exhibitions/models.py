"""Virtual exhibitions and "history of one artifact" stories built from catalogue records."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from mura.catalog.models import Person, Resource
from mura.exhibitions.blocks import (
    ChapterStreamBlock,
    ExhibitionStreamBlock,
    TimelineEntryBlock,
    public_records,
    public_records_read,
)
from mura.exhibitions.choosers import ResourceChooserWidget
from mura.exhibitions.route import route
from mura.exhibitions.seo import exhibition_jsonld, exhibition_meta, story_jsonld
from mura.institutions.forms import InstitutionPageForm
from mura.institutions.models import InstitutionOwned, Role
from mura.portal.locales import page_locale_attach
from mura.portal.models import BasePage
from mura.portal.places import Located
from mura.portal.restrictions import PortalPageQuerySet

INTRO_FEATURES = ["bold", "italic", "link"]


ARTIFACT_FACTS = (
    "date_text",
    "object_category",
    "material",
    "technique",
    "dimensions",
    "inventory_number",
    "reference_code",
)


def artifact_facts(resource: Resource) -> list[tuple[str, str]]:
    """The few facts beside the story: when, of what, how big, under which number."""
    return [
        (
            capfirst(str(Resource._meta.get_field(name).verbose_name)),
            getattr(resource, name),
        )
        for name in ARTIFACT_FACTS
        if getattr(resource, name)
    ]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class CommentsMixin:
    """Readers comment on exhibitions and stories (moderated by the comments app) unless turned off."""

    comments_enabled: bool

    def comments_open(self) -> bool:
        return self.comments_enabled


class CuratedPage(CommentsMixin, InstitutionOwned, BasePage):
    """What an exhibition and an artifact story share: an institution's editors write
    them under the exhibitions index, with an introduction, and readers may comment."""

    introduction = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    comments_enabled = models.BooleanField(_("readers may comment"), default=True)

    institution_role = Role.EDITOR
    base_form_class = InstitutionPageForm
    parent_page_types = ["exhibitions.ExhibitionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True


#: The exhibitions list's filters: ?show=now (open today) and ?show=travelling.
SHOW_FILTERS = {
    "now": _("On show now"),
    "travelling": _("Travelling"),
}


class ExhibitionIndexPage(BasePage):
    """The portal's exhibitions: current, upcoming and past ones, and the artifact stories."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["exhibitions.ExhibitionPage", "exhibitions.ArtifactStoryPage"]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        verbose_name = _("exhibitions index")
        verbose_name_plural = _("exhibitions indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        exhibitions = ExhibitionPage.objects.child_of(self).for_listing()
        today = timezone.localdate()
        show = request.GET.get("show", "")
        if show not in SHOW_FILTERS:
            show = ""
        if show == "travelling":
            exhibitions = exhibitions.travelling()
        context["show"] = show
        context["show_filters"] = SHOW_FILTERS
        context["current_exhibitions"] = list(exhibitions.current(today))
        if show != "now":
            context["upcoming_exhibitions"] = list(exhibitions.upcoming(today))
            context["past_exhibitions"] = list(exhibitions.past(today))
        context["none_travelling"] = show == "travelling" and not (
            context["current_exhibitions"]
            or context["upcoming_exhibitions"]
            or context["past_exhibitions"]
        )
        if not show:
            context["stories"] = ArtifactStoryPage.objects.child_of(self).for_listing()
        return context


class ExhibitionPageQuerySet(PortalPageQuerySet):
    def for_listing(self) -> "ExhibitionPageQuerySet":
        return self.live().public().select_related("institution", "listing_image")

    def travelling(self) -> "ExhibitionPageQuerySet":
        """Shown at more than one place, one after another."""
        return self.annotate(stops=models.Count("venues")).filter(stops__gt=1)

    def current(self, today: date) -> "ExhibitionPageQuerySet":
        """Open today; an exhibition without an end date stays open."""
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=today),
            Q(end_date__isnull=True) | Q(end_date__gte=today),
        ).order_by("-start_date", "-pk")

    def upcoming(self, today: date) -> "ExhibitionPageQuerySet":
        return self.filter(start_date__gt=today).order_by("start_date", "pk")

    def past(self, today: date) -> "ExhibitionPageQuerySet":
        return self.filter(end_date__lt=today).order_by("-end_date", "-pk")


class ExhibitionPage(CuratedPage):
    """A virtual exhibition, possibly the online side of one held in a hall or travelling."""

    curators = models.TextField(
        _("curators"),
        blank=True,
        help_text=_("One per line, e.g. «А.Сейітова, бас қор сақтаушы»."),
    )
    start_date = models.DateField(_("opens"), null=True, blank=True)
    end_date = models.DateField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a permanent exhibition."),
    )
    body = StreamField(ExhibitionStreamBlock(), verbose_name=_("sections"), blank=True)

    objects = PageManager.from_queryset(ExhibitionPageQuerySet)()

    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("institution"),
        FieldPanel("curators"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
        InlinePanel(
            "venues",
            heading=_("In halls and on tour"),
            label=_("venue"),
            help_text=_(
                "Where the exhibition can be seen in person: a hall, or each stop of a travelling exhibition."
            ),
        ),
        FieldPanel("comments_enabled"),
    ]

    class Meta:
        verbose_name = _("virtual exhibition")
        verbose_name_plural = _("virtual exhibitions")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The exhibition closes before it opens.")}
            )

    def get_context(self, request, *args, **kwargs):
        page_locale_attach(self)
        prefetch_related_objects(
            [self],
            models.Prefetch(
                "venues",
                ExhibitionVenue.objects.select_related("event").order_by(
                    # Venues made without the admin's ordering follow their dates.
                    "sort_order",
                    "start_date",
                    "pk",
                ),
            ),
        )
        public_records_read(self.body)
        context = super().get_context(request, *args, **kwargs)
        meta = exhibition_meta(request, self)
        context["meta"] = meta
        context["jsonld"] = exhibition_jsonld(request, self, meta)
        venues = list(self.venues.all())
        context["venues"] = venues
        context["route"] = (
            route(venues, timezone.localdate()) if len(venues) > 1 else None
        )
        return context

    @property
    def curator_list(self) -> list[str]:
        return _lines(self.curators)

    def is_past(self, today: date | None = None) -> bool:
        return self.end_date is not None and self.end_date < (
            today or timezone.localdate()
        )


class ExhibitionVenue(Located, Orderable):
    """A hall where the exhibition is shown, or one stop of a travelling exhibition."""

    page = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(
        _("venue"),
        max_length=300,
        help_text=_("e.g. Ә.Тәжібаев атындағы облыстық кітапхана"),
    )
    city = models.CharField(_("city or village"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The stop's opening or programme in the events calendar."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("city")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        PageChooserPanel("event", "events.EventPage"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.city) if part)


class ArtifactStoryPageQuerySet(PortalPageQuerySet):
    def for_listing(self) -> "ArtifactStoryPageQuerySet":
        return (
            self.live()
            .public()
            .select_related("institution", "listing_image", "artifact")
            .prefetch_related("artifact__files__image")
            .order_by("-first_published_at", "-pk")
        )


class ArtifactStoryPage(CuratedPage):
    """«Бір жәдігердің тарихы»: one catalogue record at the centre and its story in chapters."""

    artifact = models.ForeignKey(
        Resource,
        verbose_name=_("the artifact"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The catalogue record the story is about."),
    )
    authors = models.CharField(_("story by"), max_length=300, blank=True)
    chapters = StreamField(ChapterStreamBlock(), verbose_name=_("chapters"), blank=True)
    provenance = StreamField(
        [("entry", TimelineEntryBlock())],
        verbose_name=_("provenance timeline"),
        blank=True,
        help_text=_("Where the artifact has been, from its making to today."),
    )
    sources = RichTextField(
        _("sources"), features=["italic", "link", "ol", "ul"], blank=True
    )

    objects = PageManager.from_queryset(ArtifactStoryPageQuerySet)()

    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("chapters"),
    ]

    content_panels = BasePage.content_panels + [
        FieldPanel("institution"),
        FieldPanel("artifact", widget=ResourceChooserWidget()),
        FieldPanel("authors"),
        FieldPanel("introduction"),
        FieldPanel("chapters"),
        FieldPanel("provenance"),
        MultiFieldPanel(
            [
                InlinePanel("related_items", label=_("related record")),
                InlinePanel("related_people", label=_("person")),
            ],
            heading=_("Related records and people"),
        ),
        FieldPanel("sources"),
        FieldPanel("comments_enabled"),
    ]

    class Meta:
        verbose_name = _("artifact story")
        verbose_name_plural = _("artifact stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        artifact = self.public_artifact
        related = self.public_related_items()
        meta = exhibition_meta(request, self, artifact=artifact)
        context.update(
            artifact=artifact,
            artifact_fields=artifact_facts(artifact) if artifact else [],
            related_items=related,
            related_people=list(self.related_people.select_related("person")),
            meta=meta,
            jsonld=story_jsonld(
                request, self, meta, artifact=artifact, related=related
            ),
        )
        return context

    @property
    def public_artifact(self) -> Resource | None:
        """The artifact, unless readers may not see it (then the story tells it without the record)."""
        if self.artifact_id is None:
            return None
        records = public_records([self.artifact_id])
        return records[0] if records else None

    def public_related_items(self) -> list[Resource]:
        return public_records([link.resource_id for link in self.related_items.all()])


class ArtifactStoryItem(Orderable):
    page = ParentalKey(
        ArtifactStoryPage, on_delete=models.CASCADE, related_name="related_items"
    )
    resource = models.ForeignKey(
        Resource,
        verbose_name=_("catalogue record"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("resource", widget=ResourceChooserWidget())]

    class Meta(Orderable.Meta):
        verbose_name = _("related record")
        verbose_name_plural = _("related records")


class ArtifactStoryPerson(Orderable):
    page = ParentalKey(
        ArtifactStoryPage, on_delete=models.CASCADE, related_name="related_people"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        _("part in the story"),
        max_length=300,
        blank=True,
        help_text=_("e.g. the master who made it, the donor"),
    )

    panels = [FieldPanel("person"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
