"""Union admins' page of current sign-in lockouts, with an early unlock."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mura.institutions.lockouts import (
    KINDS,
    cooloff_minutes,
    lockout_release,
    lockouts_current,
)
from mura.institutions.permissions import is_union_admin


def _require_union_admin(request: HttpRequest) -> None:
    if not is_union_admin(request.user):
        raise PermissionDenied


class LockoutIndexView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Sign-in lockouts")
    header_icon = "lock"
    template_name = "institutions/admin/lockouts.html"

    def dispatch(self, request, *args, **kwargs):
        _require_union_admin(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            lockouts=lockouts_current(),
            failure_limit=settings.AXES_FAILURE_LIMIT,
            cooloff_minutes=cooloff_minutes(),
            **kwargs,
        )


@require_POST
def lockout_unlock(request: HttpRequest) -> HttpResponse:
    _require_union_admin(request)
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    if (
        kind in KINDS
        and value
        and lockout_release(kind=kind, value=value, user=request.user)
    ):
        messages.success(request, gettext("Unlocked: %(value)s.") % {"value": value})
    else:
        messages.error(request, gettext("This lockout has already ended."))
    return HttpResponseRedirect(reverse("institutions_lockouts"))
