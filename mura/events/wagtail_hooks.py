"""Events in the admin: programme, speakers, questions and registrations, scoped per institution."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from mura.audit.services import personal_data_exported
from mura.events import admin_views
from mura.events import registration_display as display
from mura.events.models import (
    EventPage,
    EventSection,
    ExtraQuestion,
    ProgrammeSlot,
    Registration,
    Speaker,
)
from mura.institutions.models import Role
from mura.institutions.permissions import institutions_for, is_union_admin
from mura.institutions.policies import InstitutionRolePolicy
from mura.portal.dashboard import DashboardPanel, DashboardRow
from mura.portal.exports import SafeSpreadsheetExportMixin
from mura.portal.translation import translated_panels

# Speakers are shared by all institutions' programmes. Registrations change only
# through the services (confirm, cancel, check in), never by editing the row.
register_permission_policy(Speaker, InstitutionRolePolicy(Speaker, role=Role.ORGANISER))
for _model in (EventSection, ProgrammeSlot, ExtraQuestion):
    register_permission_policy(
        _model,
        InstitutionRolePolicy(
            _model, role=Role.ORGANISER, institution="event__institution"
        ),
    )
register_permission_policy(
    Registration,
    InstitutionRolePolicy(
        Registration,
        role=Role.ORGANISER,
        institution="event__institution",
        actions={"view"},
    ),
)


DASHBOARD_ROWS = 8


class OrganiserForm(WagtailAdminModelForm):
    """Offers only the user's own events (their first language version) and their sections."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        events = admin_views.organised_events(self.for_user)
        if "event" in self.fields:
            self.fields["event"].queryset = events
        if "section" in self.fields:
            self.fields["section"].queryset = EventSection.objects.filter(
                event__in=events
            ).select_related("event")


class ScopedIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Listing and CSV/XLSX export start from the rows the user may see (get_base_queryset),
    so Wagtail's filters, search and sorting narrow those rows and the export is the
    listing the user is looking at; the event filter offers only the user's own events."""

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        )

    @cached_property
    def filters(self):
        filters = super().filters
        if filters and "event" in filters.form.fields:
            # The form's field lists the choices, the filter's own names the active one.
            for field in (filters.form.fields["event"], filters.filters["event"].field):
                field.queryset = admin_views.organised_events(self.request.user)
                field.label_from_instance = display.event_title
        return filters


class ScopedViewSet(ModelViewSet):
    """Index, edit, delete and inspect see only what the policy allows the user."""

    add_to_admin_menu = False
    index_view_class = ScopedIndexView

    def _scoped(self, view_class):
        viewset = self

        class Scoped(view_class):
            def get_object(self, queryset=None):
                found = super().get_object(queryset)
                if not viewset.permission_policy.user_has_permission_for_instance(
                    self.request.user, "view", found
                ):
                    raise Http404
                return found

        return Scoped

    @property
    def edit_view_class(self):
        return self._scoped(super().edit_view_class)

    @property
    def delete_view_class(self):
        return self._scoped(super().delete_view_class)

    @property
    def inspect_view_class(self):
        return self._scoped(super().inspect_view_class)


class SpeakerViewSet(ScopedViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", "organisation_kk", "country"]
    search_fields = ["name", "organisation_kk", "organisation_ru", "position_kk"]
    list_filter = ["country"]
    form_fields = [
        "name",
        "position_kk",
        "position_ru",
        "position_en",
        "organisation_kk",
        "organisation_ru",
        "organisation_en",
        "institution",
        "country",
    ]


class SectionViewSet(ScopedViewSet):
    model = EventSection
    icon = "list-ul"
    menu_label = _("Programme sections")
    list_display = ["title_kk", "event", "kind", "room_kk", "capacity", "registrable"]
    list_filter = ["event", "kind"]
    search_fields = ["title_kk", "title_ru"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("event"), FieldPanel("kind")]),
            *translated_panels("title"),
            FieldRowPanel(translated_panels("room")),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("sort_order")]),
            FieldPanel("registrable"),
        ],
        base_form_class=OrganiserForm,
    )


class SlotViewSet(ScopedViewSet):
    model = ProgrammeSlot
    icon = "time"
    menu_label = _("Programme items")
    list_display = [
        "title_kk",
        "event",
        "day",
        "start_time",
        "end_time",
        "kind",
        "section",
    ]
    list_filter = ["event", "kind", "day"]
    search_fields = ["title_kk", "title_ru"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("event"), FieldPanel("section")]),
            FieldRowPanel(
                [FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")]
            ),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order")]),
            *translated_panels("title"),
            FieldRowPanel(translated_panels("room")),
            FieldPanel("speakers"),
            FieldPanel("moderators"),
        ],
        base_form_class=OrganiserForm,
    )


class QuestionViewSet(ScopedViewSet):
    model = ExtraQuestion
    icon = "help"
    menu_label = _("Registration questions")
    list_display = ["label_kk", "event", "kind", "required"]
    list_filter = ["event", "kind"]
    search_fields = ["label_kk", "label_ru", "label_en"]
    edit_handler = ObjectList(
        [
            FieldPanel("event"),
            *translated_panels("label"),
            FieldRowPanel(
                [FieldPanel("kind"), FieldPanel("required"), FieldPanel("sort_order")]
            ),
            FieldPanel("options"),
        ],
        base_form_class=OrganiserForm,
    )


def _registered(registration: Registration) -> str:
    return display.event_time(registration.event, registration.created_at)


def _checked_in(registration: Registration) -> str:
    return display.event_time(registration.event, registration.checked_in_at)


class RegistrationIndexView(ScopedIndexView):
    """The listing in words and on the event's clock; the export adds one column per
    question of the events it covers, and times as spreadsheet dates on that clock."""

    def get_base_queryset(self):
        # The listing shows each row's event; the export lists each row's sections.
        return (
            super()
            .get_base_queryset()
            .select_related("event")
            .prefetch_related("sections")
        )

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self.questions = display.event_questions(
            queryset.values_list("event_id", flat=True).distinct()
        )
        self.titles = {
            event.pk: display.event_title(event)
            for event in EventPage.objects.filter(pk__in=queryset.values("event_id"))
        }
        self.list_export = [
            *RegistrationViewSet.list_export,
            *(f"answer_{question.pk}" for question in self.questions),
        ]
        personal_data_exported(
            rows=queryset,
            owner_field="event",
            what="registrations",
            file_format=spreadsheet_format,
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_heading(self, queryset, field):
        for question in self.questions:
            if field == f"answer_{question.pk}":
                return str(question.label)
        return super().get_heading(queryset, field)

    def to_row_dict(self, item):
        return display.export_row(item, self.list_export, self.questions, self.titles)


class RegistrationInspectView(InspectView):
    def get_country_display_value(self):
        return display.country_in_words(self.object)

    def get_answers_display_value(self):
        """Each question over its answer, as the view shows its own fields (a question
        ends in its own "?", so "question: answer" on one line read "…?: Да")."""
        answers = display.answers_in_words(self.object)
        if not answers:
            return display.EMPTY
        return format_html(
            "<dl>{}</dl>", format_html_join("", "<dt>{}</dt><dd>{}</dd>", answers)
        )

    def get_sections_display_value(self):
        return display.sections_in_words(self.object)

    def get_event_display_value(self):
        return display.event_title(self.object.event)

    def get_created_at_display_value(self):
        return display.event_time(self.object.event, self.object.created_at)

    def get_checked_in_at_display_value(self):
        return display.event_time(self.object.event, self.object.checked_in_at)

    def get_cancelled_at_display_value(self):
        return display.event_time(self.object.event, self.object.cancelled_at)

    def get_consent_at_display_value(self):
        return display.event_time(self.object.event, self.object.consent_at)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return display.EMPTY if value in (None, "") else value


class RegistrationViewSet(ScopedViewSet):
    """Read-only lists with filters and CSV/XLSX export; changes go through the services."""

    model = Registration
    index_view_class = RegistrationIndexView
    icon = "form"
    menu_label = _("Registrations")
    inspect_view_enabled = True
    list_display = [
        "name",
        "organisation",
        Column(
            "country", label=capfirst(_("country")), accessor=display.country_in_words
        ),
        "region",
        "status",
        Column(
            "event",
            label=capfirst(_("event")),
            accessor=lambda r: display.event_title(r.event),
        ),
        Column("created_at", label=capfirst(_("registered")), accessor=_registered),
        Column("checked_in_at", label=capfirst(_("checked in")), accessor=_checked_in),
    ]
    list_filter = ["event", "status", "country", "participation", "created_at"]
    search_fields = ["name", "email", "organisation", "region", "code"]
    list_export = [
        "pk",
        "name",
        "email",
        "organisation",
        "position",
        "country",
        "region",
        "phone",
        "participation",
        "status",
        "sections",
        "accessibility",
        "event",
        "time_zone",
        "created_at",
        "checked_in_at",
        "code",
    ]
    export_headings = {
        "pk": "ID",
        "sections": _("Sections"),
        "time_zone": _("time zone"),
    }
    export_filename = "registrations"
    exclude_form_fields: list[str] = []
    inspect_view_fields = [
        "name",
        "email",
        "organisation",
        "position",
        "country",
        "region",
        "phone",
        "participation",
        "accessibility",
        "sections",
        "answers",
        "status",
        "event",
        "code",
        "created_at",
        "checked_in_at",
        "cancelled_at",
    ]

    @property
    def inspect_view_class(self):
        return self._scoped(RegistrationInspectView)


class EventsGroup(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 260
    # The check-in and the registrations overview sit in this group, where their
    # names have room (at the top level Russian labels were cut).
    submenu_hook = "register_events_menu_item"
    items = (
        RegistrationViewSet("event_registrations"),
        SectionViewSet("event_sections"),
        SlotViewSet("event_slots"),
        SpeakerViewSet("event_speakers"),
        QuestionViewSet("event_questions"),
    )


@hooks.register("register_admin_viewset")
def register_event_viewsets():
    return EventsGroup()


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path(
            "events/overview/",
            admin_views.EventOverviewListView.as_view(),
            name="events_overview",
        ),
        path(
            "events/overview/<int:pk>/",
            admin_views.EventOverviewView.as_view(),
            name="events_overview_event",
        ),
        path(
            "events/overview/<int:pk>/badges.pdf",
            admin_views.badges,
            name="events_badges",
        ),
        path(
            "events/overview/<int:pk>/certificates.pdf",
            admin_views.certificates,
            name="events_certificates",
        ),
        path(
            "events/overview/<int:pk>/certificates/issue/",
            admin_views.certificates_issue,
            name="events_certificates_issue",
        ),
        path(
            "events/check-in/", admin_views.CheckInView.as_view(), name="events_checkin"
        ),
    ]


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return (
            is_union_admin(request.user)
            or institutions_for(request.user, Role.ORGANISER).exists()
        )


@hooks.register("register_events_menu_item")
def register_check_in_menu_item():
    return OrganiserMenuItem(
        _("Event check-in"), reverse("events_checkin"), icon_name="tick", order=10
    )


@hooks.register("register_events_menu_item")
def register_overview_menu_item():
    return OrganiserMenuItem(
        _("Event registrations"),
        reverse("events_overview"),
        icon_name="date",
        order=11,
    )


def _places(event) -> str:
    if event.capacity is None:
        return gettext("%(confirmed)d registered, no limit") % {
            "confirmed": event.confirmed
        }
    return gettext("%(confirmed)d of %(capacity)d places taken") % {
        "confirmed": event.confirmed,
        "capacity": event.capacity,
    }


@hooks.register("construct_homepage_panels")
def add_upcoming_events_panel(request, panels):
    """The organiser's upcoming events with registrations against capacity."""
    if not institutions_for(request.user, Role.ORGANISER).exists():
        return
    events = (
        admin_views.organised_events(request.user)
        .upcoming()
        .with_counts()
        .select_related("institution")[:DASHBOARD_ROWS]
    )
    rows = [
        DashboardRow(
            label=display.event_title(event),
            url=reverse("events_overview_event", args=(event.pk,)),
            details=(
                display.event_time(event, event.start),
                _places(event),
                ngettext(
                    "%(count)d on the waiting list",
                    "%(count)d on the waiting list",
                    event.waiting,
                )
                % {"count": event.waiting}
                if event.waiting
                else "",
            ),
        )
        for event in events
    ]
    panels.append(
        DashboardPanel(
            name="upcoming-events",
            heading=gettext("Upcoming events"),
            rows=rows,
            empty=gettext("No upcoming events."),
            order=60,
            more_url=reverse("events_overview"),
            more_label=gettext("Registrations by event"),
        )
    )
