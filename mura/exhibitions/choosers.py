"""The admin chooser for catalogue records used by exhibition blocks and story pages.

Resource is registered only through its per-kind proxy snippets, each limited to the
cataloguer's own institution; an editor building an exhibition needs every public
record of the union catalogue instead, whichever kind or institution holds it."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from mura.catalog.choices import Kind
from mura.catalog.models import Resource
from mura.institutions.models import Institution


class ResourceFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": _("Title, inventory number, reference code, ISBN")}
        ),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Kind.choices]
    )
    institution = forms.ModelChoiceField(
        label=_("Institution"),
        required=False,
        queryset=Institution.objects.public(),
        empty_label=_("All institutions"),
    )

    def filter(self, objects):
        text = (self.cleaned_data.get("q") or "").strip()
        if text:
            self.is_searching, self.search_query = True, text
            query = Q(public_id=text)
            # SQLite folds the case of ASCII letters only: try the usual spellings of
            # a Cyrillic word too, so "қобыз" finds "Қобыз" on every database.
            for variant in {text, text.lower(), text.upper(), text.capitalize()}:
                query |= (
                    Q(title__icontains=variant)
                    | Q(inventory_number__icontains=variant)
                    | Q(reference_code__icontains=variant)
                    | Q(isbn__icontains=variant)
                )
            objects = objects.filter(query)
        if self.cleaned_data.get("kind"):
            objects = objects.filter(kind=self.cleaned_data["kind"])
        if self.cleaned_data.get("institution"):
            objects = objects.filter(institution=self.cleaned_data["institution"])
        return objects


class ResourceChooseMixin:
    filter_form_class = ResourceFilterForm
    ordering = ["title", "pk"]

    def get_object_list(self):
        return Resource.objects.public().select_related("institution")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
            Column("date_text", label=_("Date")),
            Column("institution", label=_("Institution")),
        ]


class ResourceChooseView(ResourceChooseMixin, ChooseView):
    pass


class ResourceChooseResultsView(ResourceChooseMixin, ChooseResultsView):
    pass


class ResourceChooserViewSet(ChooserViewSet):
    model = Resource
    icon = "doc-full"
    choose_one_text = _("Choose a catalogue record")
    choose_another_text = _("Choose another record")
    edit_item_text = _("Edit the record")
    choose_view_class = ResourceChooseView
    choose_results_view_class = ResourceChooseResultsView
    # The catalogue's own forms keep their widgets for foreign keys to Resource.
    register_widget = False
    per_page = 20


resource_chooser_viewset = ResourceChooserViewSet(
    "exhibitions_resource_chooser", url_prefix="exhibitions/records"
)
ResourceChooserBlock = resource_chooser_viewset.get_block_class(
    name="ResourceChooserBlock", module_path="mura.exhibitions.choosers"
)
ResourceChooserWidget = resource_chooser_viewset.widget_class
