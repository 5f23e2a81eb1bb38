"""Who may change what: every staff role is held per institution."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from mura.institutions.models import Institution, InstitutionQuerySet, Membership, Role


def is_union_admin(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def institutions_for(
    user: AbstractBaseUser | AnonymousUser, *roles: Role
) -> InstitutionQuerySet:
    """Institutions in which the user holds any of the roles (all of them for union admins)."""
    if is_union_admin(user):
        return Institution.objects.all()
    if not user.is_authenticated or not user.is_active:
        return Institution.objects.none()
    memberships = Membership.objects.filter(user=user)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return Institution.objects.filter(pk__in=memberships.values("institution_id"))


def can_act_for(
    user: AbstractBaseUser | AnonymousUser,
    institution: Institution | None,
    *roles: Role,
) -> bool:
    if is_union_admin(user):
        return True
    if institution is None:
        return False
    return institutions_for(user, *roles).filter(pk=institution.pk).exists()
