"""What the log learns without the apps calling it: sign-ins, page entries' context,
and each object's values before an admin edit (to name the fields it changed)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import pre_save
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry
from wagtail.models import BaseLogEntry, Page, PageLogEntry, Revision

from mura.audit.changes import SNAPSHOT_ATTRIBUTE, changed_fields, snapshot
from mura.audit.context import current_address
from mura.audit.models import AuditLogEntry
from mura.audit.owners import institution_id_of
from mura.audit.tasks import audit_prune_task
from mura.portal.ratelimit import client_ip

# An entry for a sign-in with a name no account has points at no object.
NO_OBJECT = "0"


def _audited(model: type[models.Model]) -> bool:
    if issubclass(model, (Page, BaseLogEntry, Revision)):
        return False
    return log_registry.get_log_model_for_model(model) is AuditLogEntry


def remember_values(sender, instance, raw=False, **kwargs) -> None:
    """Before a staff member's save, read what was stored (only inside an admin request,
    so imports and readers' actions pay nothing)."""
    if raw or get_active_log_context().user is None or not _audited(sender):
        return
    setattr(instance, SNAPSHOT_ATTRIBUTE, snapshot(instance))


def page_entry_context(sender, instance: PageLogEntry, raw=False, **kwargs) -> None:
    """A page's entry carries its institution, the address and the fields changed."""
    if raw or not instance._state.adding or instance.page_id is None:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    data = dict(instance.data or {})
    if page is not None:
        data.setdefault("institution", institution_id_of(page.specific_deferred))
        if instance.action == "wagtail.edit" and instance.revision_id:
            data.setdefault(
                "changed", changed_fields(page.specific_deferred, instance.revision)
            )
    data.setdefault("address", current_address())
    instance.data = data


def signed_in(sender, request, user, **kwargs) -> None:
    log(instance=user, action="mura.login", user=user, address=client_ip(request))
    today = timezone.localdate()
    if cache.add(f"mura-audit-pruned-{today.isoformat()}", True, 60 * 60 * 24):
        transaction.on_commit(lambda: audit_prune_task.enqueue(today.isoformat()))


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    User = get_user_model()
    username = str(credentials.get(User.USERNAME_FIELD, ""))[:150]
    address = client_ip(request) if request is not None else None
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    data = {"username": username}
    if user is not None:
        log(instance=user, action="mura.login_failed", address=address, data=data)
        return
    AuditLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_id=NO_OBJECT,
        label=username,
        action="mura.login_failed",
        timestamp=timezone.now(),
        address=address,
        data=data,
    )


def connect() -> None:
    pre_save.connect(remember_values, dispatch_uid="mura-audit-remember-values")
    pre_save.connect(
        page_entry_context, sender=PageLogEntry, dispatch_uid="mura-audit-page-entry"
    )
    user_logged_in.connect(signed_in, dispatch_uid="mura-audit-signed-in")
    user_login_failed.connect(sign_in_failed, dispatch_uid="mura-audit-sign-in-failed")
