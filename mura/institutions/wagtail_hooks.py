from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from mura.institutions.admin_views import LockoutIndexView, lockout_unlock
from mura.institutions.models import Institution, InstitutionOwned, Membership
from mura.institutions.permissions import can_act_for, institutions_for, is_union_admin
from mura.institutions.services import membership_grant, membership_revoke


def _languages(field: str) -> FieldRowPanel:
    return FieldRowPanel(
        [
            FieldPanel(f"{field}_kk"),
            FieldPanel(f"{field}_ru"),
            FieldPanel(f"{field}_en"),
        ]
    )


class InstitutionViewSet(ModelViewSet):
    model = Institution
    url_namespace = "institution_admin"
    icon = "home"
    menu_label = _("Institutions")
    list_display = ["name_kk", "kind", "region", "is_public"]
    list_filter = ["kind", "region", "is_public"]
    search_fields = ["name_kk", "name_ru", "name_en", "slug"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel(
                        [FieldPanel("kind"), FieldPanel("slug"), FieldPanel("founded")]
                    ),
                    MultiFieldPanel([_languages("name")], heading=_("Full name")),
                    MultiFieldPanel(
                        [_languages("short_name")], heading=_("Short name")
                    ),
                    MultiFieldPanel(
                        [_languages("named_after")], heading=_("Named after")
                    ),
                    MultiFieldPanel(
                        [_languages("description")], heading=_("Description")
                    ),
                    FieldPanel("logo"),
                    FieldPanel("is_public"),
                ],
                heading=_("Institution"),
            ),
            ObjectList(
                [
                    FieldPanel("region"),
                    MultiFieldPanel([_languages("city")], heading=_("City")),
                    MultiFieldPanel([_languages("address")], heading=_("Address")),
                    MultiFieldPanel(
                        [_languages("opening_hours")], heading=_("Opening hours")
                    ),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                    FieldRowPanel(
                        [
                            FieldPanel("phone"),
                            FieldPanel("email"),
                            FieldPanel("website"),
                        ]
                    ),
                ],
                heading=_("Contacts"),
            ),
        ]
    )


class MembershipCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return membership_grant(
            user=data["user"], institution=data["institution"], role=data["role"]
        )


class MembershipDeleteView(generic.DeleteView):
    def delete_action(self):
        membership_revoke(membership=self.object)


class MembershipViewSet(ModelViewSet):
    model = Membership
    add_view_class = MembershipCreateView
    delete_view_class = MembershipDeleteView
    url_namespace = "membership_admin"
    icon = "group"
    menu_label = _("Staff roles")
    list_display = ["user", "institution", "role"]
    list_filter = ["institution", "role"]
    form_fields = ["user", "institution", "role"]


class InstitutionsGroup(ViewSetGroup):
    menu_label = _("Institutions")
    menu_icon = "home"
    menu_order = 250
    items = (InstitutionViewSet("institutions"), MembershipViewSet("memberships"))


@hooks.register("register_admin_viewset")
def register_institution_viewsets() -> ViewSetGroup:
    return InstitutionsGroup()


def _guard(request, page) -> None:
    """Refuse changes to a page of an institution the user does not serve in that role;
    the portal's own pages (home, indexes) belong to the union administrators."""
    page = page.specific
    if isinstance(page, InstitutionOwned) and page.institution_id is not None:
        if not can_act_for(request.user, page.institution, page.institution_role):
            raise PermissionDenied(_("This page belongs to another institution."))
    elif not isinstance(page, InstitutionOwned) and not is_union_admin(request.user):
        raise PermissionDenied(_("Only the portal's administrators change this page."))


@hooks.register("before_edit_page")
def guard_edit_page(request, page):
    _guard(request, page)


@hooks.register("before_delete_page")
def guard_delete_page(request, page):
    _guard(request, page)


@hooks.register("before_unpublish_page")
def guard_unpublish_page(request, page):
    _guard(request, page)


@hooks.register("before_move_page")
def guard_move_page(request, page, destination):
    _guard(request, page)


@hooks.register("before_copy_page")
def guard_copy_page(request, page):
    _guard(request, page)


@hooks.register("before_create_page")
def guard_create_page(request, parent_page, page_class):
    if issubclass(page_class, InstitutionOwned):
        if not institutions_for(request.user, page_class.institution_role).exists():
            raise PermissionDenied(
                _("You hold no role in any institution that may create this page.")
            )


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path("lockouts/", LockoutIndexView.as_view(), name="institutions_lockouts"),
        path("lockouts/unlock/", lockout_unlock, name="institutions_lockout_unlock"),
    ]


class LockoutMenuItem(MenuItem):
    def is_shown(self, request):
        return is_union_admin(request.user)


@hooks.register("register_settings_menu_item")
def register_lockout_menu_item() -> MenuItem:
    return LockoutMenuItem(
        _("Sign-in lockouts"),
        reverse("institutions_lockouts"),
        icon_name="lock",
        order=900,
    )
