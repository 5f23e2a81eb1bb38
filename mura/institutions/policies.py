"""Wagtail permission policies for staff whose role is held per institution."""

from collections.abc import Collection

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from mura.institutions.models import Institution, Role
from mura.institutions.permissions import can_act_for, institutions_for, is_union_admin


class InstitutionRolePolicy(BasePermissionPolicy):
    """Union admins do everything; holders of `role` act on their institutions' rows.

    `institution` is the lookup from a row to its institution (``"institution"``,
    ``"event__institution"``); without it the rows are shared, and every holder of the
    role in any institution may act on all of them. `actions`, when given, is all that
    anybody may do here; nobody may do `denied_actions` (rows that readers create);
    `admin_actions` are left to union admins.
    """

    def __init__(
        self,
        model: type[Model],
        *,
        role: Role,
        institution: str | None = None,
        actions: Collection[str] | None = None,
        denied_actions: Collection[str] = (),
        admin_actions: Collection[str] = (),
    ):
        super().__init__(model)
        self.role = role
        self.institution = institution
        self.actions = frozenset(actions) if actions is not None else None
        self.denied_actions = frozenset(denied_actions)
        self.admin_actions = frozenset(admin_actions)

    def _offered(self, action: str) -> bool:
        if action in self.denied_actions:
            return False
        return self.actions is None or action in self.actions

    def user_has_permission(self, user, action) -> bool:
        if not self._offered(action):
            return False
        if is_union_admin(user):
            return True
        if action in self.admin_actions:
            return False
        return institutions_for(user, self.role).exists()

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if self.institution is None:
            return True
        return can_act_for(user, self._institution_of(instance), self.role)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        rows = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return rows.none()
        if self.institution is None or is_union_admin(user):
            return rows
        return rows.filter(
            **{f"{self.institution}__in": institutions_for(user, self.role)}
        )

    def users_with_any_permission(self, actions) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        if not any(self._offered(action) for action in actions):
            return users.none()
        admins = Q(is_superuser=True)
        if all(action in self.admin_actions for action in actions):
            return users.filter(admins)
        return users.filter(
            admins | Q(institution_memberships__role=self.role)
        ).distinct()

    def _institution_of(self, instance: Model) -> Institution | None:
        for name in self.institution.split("__"):
            instance = getattr(instance, name, None)
            if instance is None:
                return None
        return instance
