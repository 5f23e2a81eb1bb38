"""The admin's edition pages: the review queue of uncertain matches, one edition's
records with a split per record, and a merge of two editions. Staff act only on
records of institutions where they catalogue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mura.catalog.editions import candidate_decide, edition_split, editions_merge
from mura.catalog.models import (
    CandidateStatus,
    Edition,
    EditionCandidate,
    EditionRecord,
    Resource,
)
from mura.institutions.models import Role
from mura.institutions.permissions import can_act_for, institutions_for


def _require(request: HttpRequest, resource: Resource) -> None:
    if not can_act_for(request.user, resource.institution, Role.CATALOGUER):
        raise PermissionDenied


class ReviewQueueView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Editions to review")
    header_icon = "doc-full"
    template_name = "catalog/admin/edition_queue.html"

    def dispatch(self, request, *args, **kwargs):
        if not institutions_for(request.user, Role.CATALOGUER).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        mine = institutions_for(self.request.user, Role.CATALOGUER)
        candidates = (
            EditionCandidate.objects.filter(
                status=CandidateStatus.PENDING, resource__institution__in=mine
            )
            .select_related("resource__institution", "edition__primary__institution")
            .order_by("-created_at", "pk")[:200]
        )
        return super().get_context_data(candidates=candidates, **kwargs)


class EditionView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full"
    template_name = "catalog/admin/edition.html"

    def get_page_title(self):
        return gettext("Edition: %(title)s") % {"title": self.edition}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("catalog_edition_queue"),
                "label": gettext("Editions to review"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, pk: int, **kwargs):
        self.edition = get_object_or_404(
            Edition.objects.select_related("primary", "work"), pk=pk
        )
        if not institutions_for(request.user, Role.CATALOGUER).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        links = self.edition.links.select_related("resource__institution").order_by(
            "pk"
        )
        rows = [
            (
                link,
                can_act_for(
                    self.request.user, link.resource.institution, Role.CATALOGUER
                ),
            )
            for link in links
        ]
        return super().get_context_data(edition=self.edition, rows=rows, **kwargs)


@require_POST
def edition_split_view(request: HttpRequest, resource_id: int) -> HttpResponse:
    link = get_object_or_404(
        EditionRecord.objects.select_related("resource__institution"),
        resource_id=resource_id,
    )
    _require(request, link.resource)
    if link.edition.links.count() < 2:
        messages.error(request, gettext("This record is its edition's only record."))
        return HttpResponseRedirect(reverse("catalog_edition", args=[link.edition_id]))
    edition = edition_split(resource=link.resource, user=request.user)
    messages.success(
        request,
        gettext("“%(title)s” is now an edition of its own.")
        % {"title": link.resource.title},
    )
    return HttpResponseRedirect(reverse("catalog_edition", args=[edition.pk]))


@require_POST
def edition_merge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge the edition of the record whose permanent id is posted into this one."""
    into = get_object_or_404(Edition, pk=pk)
    public_id = request.POST.get("record", "").strip()
    link = (
        EditionRecord.objects.select_related("resource__institution", "edition")
        .filter(resource__public_id=public_id)
        .first()
    )
    if link is None:
        messages.error(
            request,
            gettext("No library record has the permanent identifier “%(id)s”.")
            % {"id": public_id[:40]},
        )
    elif link.edition_id == into.pk:
        messages.error(request, gettext("That record already describes this edition."))
    else:
        _require(request, link.resource)
        editions_merge(edition=link.edition, into=into, user=request.user)
        messages.success(request, gettext("The two editions are now one."))
    return HttpResponseRedirect(reverse("catalog_edition", args=[into.pk]))


@require_POST
def candidate_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(
        EditionCandidate.objects.select_related("resource__institution"),
        pk=pk,
        status=CandidateStatus.PENDING,
    )
    _require(request, candidate.resource)
    same = request.POST.get("same") == "yes"
    candidate_decide(candidate=candidate, same=same, user=request.user)
    messages.success(
        request,
        gettext("Merged into one edition.")
        if same
        else gettext("Kept as separate editions."),
    )
    return HttpResponseRedirect(reverse("catalog_edition_queue"))
