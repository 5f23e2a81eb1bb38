"""Catalogue admin: one form per kind group, scoped to the cataloguer's institutions."""

from django import forms
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import RevisionsRevertMixin
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    PreviewRevisionView,
    RevisionsCompareView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from mura.catalog import edition_admin
from mura.catalog.choices import ARCHIVAL_PARENT_KIND, KIND_GROUPS, KindGroup
from mura.catalog.display import first_author
from mura.catalog.models import (
    GROUP_MODELS,
    ArchivalDescription,
    Collection,
    LibraryItem,
    MuseumObject,
    Organisation,
    OtherResource,
    Person,
    Place,
    Resource,
    Subject,
)
from mura.catalog.selectors import document_readable
from mura.catalog.services import resource_delete, resource_save
from mura.institutions.models import Role
from mura.institutions.permissions import can_act_for, institutions_for
from mura.institutions.policies import InstitutionRolePolicy
from mura.portal.dashboard import DashboardAction, DashboardPanel, DashboardRow
from mura.portal.dates import format_local_datetime
from mura.portal.translation import translated_panels


class ResourceForm(WagtailAdminModelForm):
    """Offers only the user's institutions, the group's kinds and fitting parent descriptions."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        group = next(group for group, proxy in GROUP_MODELS.items() if proxy is model)
        kinds = KIND_GROUPS[group]
        institutions = (
            institutions_for(self.for_user, Role.CATALOGUER) if self.for_user else None
        )
        if "kind" in self.fields:
            self.fields["kind"].choices = [
                (value, label)
                for value, label in self.fields["kind"].choices
                if value in kinds
            ]
        if "institution" in self.fields and institutions is not None:
            self.fields["institution"].queryset = institutions
            if institutions.count() == 1 and not self.instance.pk:
                self.fields["institution"].initial = institutions.first().pk
        if "parent" in self.fields and institutions is not None:
            self.fields["parent"].queryset = (
                Resource.objects.alive()
                .filter(
                    institution__in=institutions,
                    kind__in=set(ARCHIVAL_PARENT_KIND.values()),
                )
                .exclude(pk=self.instance.pk)
                .order_by("reference_code", "title")
            )


class ScopedObjectMixin:
    """A record of another institution does not exist for this user, whatever the view.

    404 rather than 403: the listing hides these records, and the answer should
    not reveal which identifiers another institution uses."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if isinstance(obj, Resource) and not can_act_for(
            self.request.user, obj.institution, Role.CATALOGUER
        ):
            raise Http404
        return obj


class ServiceSaveMixin:
    """Saves through `resource_save`, the code path the importer and the API share."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        self.has_content_changes = self.form.has_changed()
        instance = resource_save(
            resource=instance,
            user=self.request.user,
            previous_revision=getattr(self, "revision", None),
        )
        self.new_revision = instance.latest_revision
        return instance


class ResourceCreateView(ServiceSaveMixin, CreateView):
    pass


def view_on_site_button(resource: Resource, priority: int) -> Button:
    """The record's public page, in the admin's language, in a new tab."""
    return Button(
        _("View on site"),
        url=resource.get_absolute_url(),
        icon_name="view",
        attrs={"target": "_blank", "rel": "noreferrer"},
        priority=priority,
    )


def record_year(resource: Resource) -> str:
    if resource.date_text:
        return resource.date_text
    years = [str(y) for y in (resource.year_from, resource.year_to) if y is not None]
    return "–".join(dict.fromkeys(years))


class ResourceIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return [
            *super().get_list_more_buttons(instance),
            view_on_site_button(instance, 5),
        ]


class ResourceEditView(ServiceSaveMixin, ScopedObjectMixin, EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, view_on_site_button(self.object, 5)]


class ResourceRevertView(
    ServiceSaveMixin, ScopedObjectMixin, RevisionsRevertMixin, EditView
):
    view_name = "revisions_revert"


class ResourceDeleteView(ScopedObjectMixin, DeleteView):
    """Deleting keeps a tombstone: the record disappears from lists, its address answers 410."""

    def delete_action(self):
        resource_delete(resource=self.object, user=self.request.user)


class ResourceHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ResourceInspectView(ScopedObjectMixin, InspectView):
    pass


class ResourceUsageView(ScopedObjectMixin, UsageView):
    pass


class ResourcePreviewRevisionView(ScopedObjectMixin, PreviewRevisionView):
    pass


class ResourceCompareView(ScopedObjectMixin, RevisionsCompareView):
    pass


def _row(*names: str) -> FieldRowPanel:
    return FieldRowPanel([FieldPanel(name) for name in names])


IDENTITY = [_row("kind", "access"), FieldPanel("institution")]
DATES = [_row("date_text", "year_from", "year_to")]
AGENTS = InlinePanel(
    "agents", heading=_("Persons and organisations"), label=_("person or organisation")
)
PLACES = InlinePanel("places", heading=_("Places"), label=_("place"))
FILES = InlinePanel("files", heading=_("Digital files"), label=_("file"))
SUBJECTS = FieldPanel("subjects", widget=forms.CheckboxSelectMultiple)
COLLECTIONS = FieldPanel("collections", widget=forms.CheckboxSelectMultiple)


def _tabs(
    description: list, *, links: list, extra: list | None = None
) -> TabbedInterface:
    tabs = [
        ObjectList(description, heading=_("Description")),
        ObjectList(links, heading=_("Links")),
        ObjectList([FILES], heading=_("Digital files")),
    ]
    if extra:
        tabs.insert(2, ObjectList(extra, heading=_("Copies")))
    return TabbedInterface(tabs, base_form_class=ResourceForm)


LIBRARY_PANELS = _tabs(
    [
        *IDENTITY,
        FieldPanel("title"),
        FieldPanel("other_title"),
        FieldPanel("responsibility"),
        MultiFieldPanel(
            [
                _row("edition", "publication_place", "publisher"),
                *DATES,
                _row("extent", "language"),
            ],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [_row("series_title", "isbn", "issn"), _row("udc", "bbk")],
            heading=_("Series and classes"),
        ),
        MultiFieldPanel([_row("frequency", "numbering")], heading=_("Periodicals")),
        FieldPanel("description"),
        FieldPanel("notes"),
        FieldPanel("provenance"),
    ],
    links=[AGENTS, SUBJECTS, PLACES, COLLECTIONS],
    extra=[InlinePanel("holdings", heading=_("Copies"), label=_("copy"))],
)

ARCHIVE_PANELS = _tabs(
    [
        *IDENTITY,
        _row("parent", "sequence"),
        FieldPanel("reference_code"),
        FieldPanel("title"),
        *DATES,
        _row("extent", "language"),
        FieldPanel("description", heading=_("Scope and content")),
        FieldPanel("access_conditions"),
        FieldPanel("notes"),
        FieldPanel("provenance"),
    ],
    links=[AGENTS, SUBJECTS, PLACES, COLLECTIONS],
)

MUSEUM_PANELS = _tabs(
    [
        *IDENTITY,
        _row("inventory_number", "main_fund_number"),
        FieldPanel("title", heading=_("Name of the object")),
        FieldPanel("object_category"),
        _row("material", "technique"),
        _row("dimensions", "condition"),
        *DATES,
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("provenance"), FieldPanel("acquisition")],
            heading=_("Provenance"),
        ),
        FieldPanel("exhibition_history"),
        FieldPanel("notes"),
    ],
    links=[AGENTS, PLACES, SUBJECTS, COLLECTIONS],
)

OTHER_PANELS = _tabs(
    [
        *IDENTITY,
        FieldPanel("title"),
        FieldPanel("other_title"),
        FieldPanel("responsibility"),
        *DATES,
        _row("extent", "language"),
        _row("script", "material"),
        _row("technique", "dimensions"),
        _row("media_format", "url"),
        _row("inventory_number", "reference_code"),
        FieldPanel("description"),
        FieldPanel("notes"),
        FieldPanel("provenance"),
    ],
    links=[AGENTS, PLACES, SUBJECTS, COLLECTIONS],
)


RECORD_COLUMNS = [
    Column(
        "author", label=capfirst(_("author")), accessor=lambda r: first_author(r) or "—"
    ),
    Column("year", label=capfirst(_("year")), accessor=lambda r: record_year(r) or "—"),
]


class ResourceViewSet(SnippetViewSet):
    index_view_class = ResourceIndexView
    add_view_class = ResourceCreateView
    edit_view_class = ResourceEditView
    delete_view_class = ResourceDeleteView
    history_view_class = ResourceHistoryView
    inspect_view_class = ResourceInspectView
    usage_view_class = ResourceUsageView
    revisions_view_class = ResourcePreviewRevisionView
    revisions_compare_view_class = ResourceCompareView
    revisions_revert_view_class = ResourceRevertView
    copy_view_enabled = False
    list_display = [
        "title",
        *RECORD_COLUMNS,
        "kind",
        "institution",
        "access",
        "updated_at",
    ]
    list_filter = ["kind", "access", "institution"]
    search_fields = ["title", "reference_code", "inventory_number", "isbn", "public_id"]
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return (
            self.model.objects.alive()
            .filter(
                kind__in=KIND_GROUPS[self.group],
                institution__in=institutions_for(request.user, Role.CATALOGUER),
            )
            .select_related("institution")
            .prefetch_related("agents__person")
            .order_by("-updated_at")
        )


class LibraryItemViewSet(ResourceViewSet):
    model = LibraryItem
    group = KindGroup.LIBRARY
    icon = "doc-full"
    edit_handler = LIBRARY_PANELS


class ArchivalDescriptionViewSet(ResourceViewSet):
    model = ArchivalDescription
    group = KindGroup.ARCHIVE
    icon = "folder-open-inverse"
    list_display = [
        "reference_code",
        "title",
        RECORD_COLUMNS[1],
        "kind",
        "institution",
        "access",
        "updated_at",
    ]
    edit_handler = ARCHIVE_PANELS


class MuseumObjectViewSet(ResourceViewSet):
    model = MuseumObject
    group = KindGroup.MUSEUM
    icon = "image"
    list_display = [
        "inventory_number",
        "title",
        *RECORD_COLUMNS,
        "institution",
        "access",
        "updated_at",
    ]
    edit_handler = MUSEUM_PANELS


class OtherResourceViewSet(ResourceViewSet):
    model = OtherResource
    group = KindGroup.OTHER
    icon = "media"
    edit_handler = OTHER_PANELS


def _names(*extra: str) -> list:
    return [
        MultiFieldPanel([_row("name_kk", "name_ru", "name_en")], heading=_("Name")),
        *[FieldPanel(name) for name in extra],
        FieldPanel("variant_names"),
        FieldPanel("note"),
        _row("viaf_id", "wikidata_id"),
    ]


class AuthorityViewSet(SnippetViewSet):
    list_display = ["name_kk", "name_ru", "name_en"]
    search_fields = ["name_kk", "name_ru", "name_en", "variant_names"]
    search_backend_name = None
    copy_view_enabled = False


class PersonViewSet(AuthorityViewSet):
    model = Person
    icon = "user"
    list_display = ["name_kk", "name_ru", "name_en", "life_dates"]
    panels = _names("life_dates", "birth_year", "death_year")


class OrganisationViewSet(AuthorityViewSet):
    model = Organisation
    icon = "group"
    panels = _names("dates", "named_after", "institution")


class PlaceViewSet(AuthorityViewSet):
    model = Place
    icon = "site"
    panels = _names("latitude", "longitude")


class SubjectViewSet(AuthorityViewSet):
    model = Subject
    icon = "tag"
    panels = _names("broader")


class CollectionViewSet(SnippetViewSet):
    model = Collection
    icon = "folder-inverse"
    list_display = ["title_kk", "slug", "parent", "is_public"]
    search_fields = ["title_kk", "title_ru", "title_en"]
    search_backend_name = None
    panels = [
        _row("slug", "is_public"),
        MultiFieldPanel([_row("title_kk", "title_ru", "title_en")], heading=_("Title")),
        *translated_panels("description"),
        FieldPanel("parent"),
        FieldPanel("cover_image"),
    ]


class CatalogueGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (
        LibraryItemViewSet,
        ArchivalDescriptionViewSet,
        MuseumObjectViewSet,
        OtherResourceViewSet,
        PersonViewSet,
        OrganisationViewSet,
        PlaceViewSet,
        SubjectViewSet,
        CollectionViewSet,
    )


# Records belong to an institution. Authorities and collections are the union
# catalogue's shared vocabularies: every cataloguer adds and corrects them, only union
# admins delete them.
for _model in (LibraryItem, ArchivalDescription, MuseumObject, OtherResource):
    register_permission_policy(
        _model,
        InstitutionRolePolicy(_model, role=Role.CATALOGUER, institution="institution"),
        exact_class=True,
    )
for _model in (Person, Organisation, Place, Subject, Collection):
    register_permission_policy(
        _model,
        InstitutionRolePolicy(_model, role=Role.CATALOGUER, admin_actions={"delete"}),
        exact_class=True,
    )

register_snippet(CatalogueGroup)


@hooks.register("before_serve_document")
def refuse_documents_of_closed_records(document, request):
    """Files of on-site and staff-only records are not served to the public, whatever
    address they are asked for by (/documents/<id>/<name>)."""
    if not document_readable(request.user, document.pk):
        raise Http404


RECORD_MODELS = {
    KindGroup.LIBRARY: LibraryItem,
    KindGroup.ARCHIVE: ArchivalDescription,
    KindGroup.MUSEUM: MuseumObject,
    KindGroup.OTHER: OtherResource,
}
EDIT_URL_NAMES = {
    kind: f"wagtailsnippets_catalog_{model._meta.model_name}:edit"
    for group, model in RECORD_MODELS.items()
    for kind in KIND_GROUPS[group]
}
DASHBOARD_ROWS = 8


@hooks.register("construct_homepage_panels")
def add_recent_records_panel(request, panels):
    """The latest records of the cataloguer's institutions, with their public pages."""
    institutions = institutions_for(request.user, Role.CATALOGUER)
    if not institutions.exists():
        return
    records = (
        Resource.objects.alive()
        .filter(institution__in=institutions)
        .select_related("institution")
        .prefetch_related("agents__person")
        .order_by("-updated_at", "-pk")[:DASHBOARD_ROWS]
    )
    rows = [
        DashboardRow(
            label=record.title,
            url=reverse(EDIT_URL_NAMES[record.kind], args=(record.pk,)),
            details=(
                " · ".join(
                    part for part in (first_author(record), record_year(record)) if part
                ),
                f"{record.get_kind_display()} · {record.institution}",
                format_local_datetime(record.updated_at),
            ),
            actions=(
                DashboardAction(
                    label=gettext("View on site"), url=record.get_absolute_url()
                ),
            ),
        )
        for record in records
    ]
    panels.append(
        DashboardPanel(
            name="recent-records",
            heading=gettext("Recent catalogue records"),
            rows=rows,
            empty=gettext("Your institutions have no catalogue records yet."),
            order=70,
        )
    )


@hooks.register("register_admin_urls")
def register_edition_urls():
    return [
        path(
            "editions/",
            edition_admin.ReviewQueueView.as_view(),
            name="catalog_edition_queue",
        ),
        path(
            "editions/<int:pk>/",
            edition_admin.EditionView.as_view(),
            name="catalog_edition",
        ),
        path(
            "editions/<int:pk>/merge/",
            edition_admin.edition_merge_view,
            name="catalog_edition_merge",
        ),
        path(
            "editions/records/<int:resource_id>/split/",
            edition_admin.edition_split_view,
            name="catalog_edition_split",
        ),
        path(
            "editions/candidates/<int:pk>/",
            edition_admin.candidate_decide_view,
            name="catalog_edition_candidate",
        ),
    ]


class EditionQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return institutions_for(request.user, Role.CATALOGUER).exists()


@hooks.register("register_admin_menu_item")
def register_edition_menu_item() -> MenuItem:
    return EditionQueueMenuItem(
        _("Editions to review"),
        reverse("catalog_edition_queue"),
        icon_name="doc-full",
        order=260,
    )


@hooks.register("register_log_actions")
def register_edition_log_actions(actions):
    actions.register_action(
        "mura.edition.merge", _("Merge editions"), _("Editions merged")
    )
    actions.register_action(
        "mura.edition.split",
        _("Split an edition"),
        _("Record split off into an edition of its own"),
    )
