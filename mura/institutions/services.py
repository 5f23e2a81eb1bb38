"""Granting and revoking staff roles: a membership also puts the user in the role's group,
which carries the Wagtail and model permissions the role needs. Which institution's content
the user may touch is decided by the membership itself (see permissions.py)."""

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from mura.institutions.models import Institution, Membership, Role

# Permissions every staff role needs, whatever app its content lives in.
BASE_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtailimages.add_image",
    "wagtaildocs.add_document",
]


def role_permissions(role: Role, attribute: str = "role_permissions") -> list[str]:
    """Permissions of a role that the apps declare on their AppConfig, e.g.
    `role_permissions = {"cataloguer": ["catalog.add_resource"]}` (model permissions) or
    `role_page_permissions = {"editor": ["add_page"]}` (page permissions on every site root)."""
    codenames = list(BASE_PERMISSIONS) if attribute == "role_permissions" else []
    for config in apps.get_app_configs():
        codenames += getattr(config, attribute, {}).get(Role(role).value, [])
    return codenames


def role_group(role: Role) -> Group:
    """The group of a role, with its permissions brought up to date."""
    group, _created = Group.objects.get_or_create(name=f"Mura: {Role(role).label}")
    wanted = []
    for name in role_permissions(role):
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            wanted.append(permission)
    group.permissions.add(*wanted)
    page_codenames = set(role_permissions(role, "role_page_permissions"))
    for root in Page.objects.filter(depth=2):
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=page_codenames
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )
    return group


@transaction.atomic
def membership_grant(
    *, user: AbstractBaseUser, institution: Institution, role: Role
) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        user=user, institution=institution, role=role
    )
    user.groups.add(role_group(role))
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership) -> None:
    user, role = membership.user, membership.role
    membership.delete()
    if not Membership.objects.filter(user=user, role=role).exists():
        user.groups.remove(role_group(Role(role)))
