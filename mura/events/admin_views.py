"""Organiser tools in the Wagtail admin: registration overview, check-in, badges, certificates."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mura.audit.services import personal_data_exported
from mura.events.models import EventPage, EventSection, Registration
from mura.events.pdf import badges_pdf, certificates_pdf
from mura.events.qr import checkin_url
from mura.events.services import (
    event_certificates_issue,
    registration_cancel,
    registration_certificate_revoke,
    registration_check_in,
)
from mura.institutions.models import Role
from mura.institutions.permissions import institutions_for
from mura.portal.addresses import absolute_url


def organised_events(user) -> "list[EventPage]":
    """Original versions of the events of the institutions where the user is an organiser."""
    return EventPage.objects.originals().filter(
        institution__in=institutions_for(user, Role.ORGANISER)
    )


def organised_registrations(user):
    return Registration.objects.filter(event__in=organised_events(user)).select_related(
        "event"
    )


def _event_for(request, pk: int) -> EventPage:
    return get_object_or_404(
        organised_events(request.user).select_related("institution"), pk=pk
    )


class OrganiserPageMixin(WagtailAdminTemplateMixin):
    """Breadcrumbs Home › Registrations by event › this page, as Wagtail's own views show them."""

    def get_breadcrumbs_items(self):
        trail = [*self.breadcrumbs_items]
        if not isinstance(self, EventOverviewListView):
            trail.append(
                {
                    "url": reverse("events_overview"),
                    "label": gettext("Registrations by event"),
                }
            )
        return [*trail, {"url": "", "label": self.get_page_title()}]


class EventOverviewListView(OrganiserPageMixin, TemplateView):
    page_title = _("Registrations by event")
    header_icon = "date"
    template_name = "events/admin/overview_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = (
            organised_events(self.request.user)
            .select_related("institution")
            .with_counts()
            .annotate(
                arrived=Count(
                    "registrations",
                    filter=Q(registrations__checked_in_at__isnull=False),
                ),
            )
            .order_by("-start")
        )
        return context


class EventOverviewView(OrganiserPageMixin, TemplateView):
    """Counts by status, country, region, organisation and section, with the export links."""

    header_icon = "date"
    template_name = "events/admin/overview.html"

    def dispatch(self, request, *args, **kwargs):
        self.event = _event_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.event.localized.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        active = Registration.objects.filter(event=self.event).active()

        def counts(field):
            return active.values(field).annotate(n=Count("pk")).order_by("-n", field)

        status = Registration.Status
        sections = EventSection.objects.filter(event=self.event).annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=status.CONFIRMED)
            )
        )
        registrations_url = reverse("event_registrations:index")
        context.update(
            {
                "event": self.event,
                "confirmed": active.filter(status=status.CONFIRMED).count(),
                "waiting": active.filter(status=status.WAITLISTED).count(),
                "arrived": active.filter(checked_in_at__isnull=False).count(),
                "cancelled": Registration.objects.filter(
                    event=self.event, status=status.CANCELLED
                ).count(),
                "started": self.event.start <= timezone.now(),
                "certificates": Registration.objects.filter(event=self.event)
                .valid_certificates()
                .count(),
                "by_country": [
                    {
                        "label": Registration(country=row["country"]).country_name,
                        "n": row["n"],
                    }
                    for row in counts("country")
                ],
                "by_region": counts("region"),
                "by_organisation": counts("organisation")[:30],
                "sections": sections,
                "list_url": f"{registrations_url}?event={self.event.pk}",
                "csv_url": f"{registrations_url}?event={self.event.pk}&export=csv",
                "xlsx_url": f"{registrations_url}?event={self.event.pk}&export=xlsx",
            }
        )
        return context


class CheckInView(OrganiserPageMixin, TemplateView):
    """Made for a phone at the door: type or scan the code, see the person, check them in."""

    page_title = _("Check-in")
    header_icon = "tick"
    template_name = "events/admin/check_in.html"

    def find(self, code: str) -> Registration | None:
        code = code.strip().upper()
        if not code:
            return None
        return (
            organised_registrations(self.request.user)
            .filter(Q(code=code) | Q(certificate_code=code))
            .first()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        code = self.request.GET.get("code", "")
        context["code"] = code.strip().upper()
        context["registration"] = self.find(code)
        return context

    def post(self, request, *args, **kwargs):
        registration = self.find(request.POST.get("code", ""))
        if registration is None:
            messages.error(
                request, gettext("No registration with this code for your events.")
            )
            return redirect("events_checkin")
        action = request.POST.get("action")
        try:
            if action == "cancel":
                registration_cancel(registration=registration)
                messages.success(
                    request,
                    gettext("%(name)s: registration cancelled.")
                    % {"name": registration.name},
                )
            elif action == "revoke-certificate":
                registration_certificate_revoke(registration=registration)
                messages.success(
                    request,
                    gettext("%(name)s: the certificate is revoked.")
                    % {"name": registration.name},
                )
            else:
                registration_check_in(registration=registration)
                messages.success(
                    request,
                    gettext("%(name)s is checked in.") % {"name": registration.name},
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(f"{reverse('events_checkin')}?code={registration.code}")
        return redirect("events_checkin")


def _attending(event: EventPage):
    return Registration.objects.filter(event=event).confirmed().order_by("name")


def badges(request, pk: int):
    event = _event_for(request, pk)
    attending = _attending(event)
    personal_data_exported(
        rows=attending, owner_field="event", what="badges", file_format="pdf"
    )
    pdf = badges_pdf(attending, event, checkin_url())
    return _pdf_response(pdf, f"badges-{event.slug}.pdf")


def certificates(request, pk: int):
    """The certificates issued and not revoked, one page each; issuing is a separate POST."""
    event = _event_for(request, pk)
    registrations = (
        Registration.objects.filter(event=event).valid_certificates().order_by("name")
    )
    items = [
        (
            registration,
            # Printed: the public address, not the one staff reached the admin at.
            absolute_url(
                reverse(
                    "events:certificate_verify", args=[registration.certificate_code]
                )
            ),
        )
        for registration in registrations
    ]
    if not items:
        messages.warning(request, gettext("No certificates have been issued yet."))
        return redirect("events_overview_event", pk=event.pk)
    personal_data_exported(
        rows=registrations, owner_field="event", what="certificates", file_format="pdf"
    )
    return _pdf_response(
        certificates_pdf(items, event), f"certificates-{event.slug}.pdf"
    )


@require_POST
def certificates_issue(request, pk: int):
    """Issue certificates to everyone checked in and say who got none and why."""
    event = _event_for(request, pk)
    try:
        tally = event_certificates_issue(event=event)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("events_overview_event", pk=event.pk)
    messages.success(
        request,
        ngettext(
            "%(count)d new certificate issued; %(total)d in all.",
            "%(count)d new certificates issued; %(total)d in all.",
            tally.issued,
        )
        % {"count": tally.issued, "total": tally.total},
    )
    if tally.not_checked_in:
        messages.warning(
            request,
            ngettext(
                "%(count)d confirmed participant was not checked in and gets no "
                "certificate of attendance.",
                "%(count)d confirmed participants were not checked in and get no "
                "certificate of attendance.",
                tally.not_checked_in,
            )
            % {"count": tally.not_checked_in},
        )
    return redirect("events_overview_event", pk=event.pk)


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
