"""Sign-in lockouts (django-axes): what is locked now, the message staff see, and the
union admins' early unlock. Axes keeps the failures in its AccessAttempt table, so
every worker process sees the same lockouts."""

import logging
from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

KINDS = {"username": _("Account"), "ip_address": _("Address")}


@dataclass(frozen=True)
class Lockout:
    kind: str
    value: str
    failures: int
    last_attempt: datetime

    @property
    def kind_label(self) -> str:
        return str(KINDS[self.kind])

    @property
    def until(self) -> datetime:
        return self.last_attempt + settings.AXES_COOLOFF_TIME


def cooloff_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_message() -> str:
    minutes = cooloff_minutes()
    return ngettext(
        "Too many failed sign-in attempts for this account or from your address. "
        "Signing in is blocked for %(minutes)s minute; an administrator can unlock it sooner.",
        "Too many failed sign-in attempts for this account or from your address. "
        "Signing in is blocked for %(minutes)s minutes; an administrator can unlock it sooner.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse, credentials: dict
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: keep the sign-in page the view rendered (its form already
    carries lockout_message() in the admin's language) and answer 429 with Retry-After."""
    original_response.status_code = 429
    original_response["Retry-After"] = str(
        int(settings.AXES_COOLOFF_TIME.total_seconds())
    )
    return original_response


def lockouts_current() -> list[Lockout]:
    """Accounts and addresses locked now: as many failures within the cool-off time as
    the limit allows, counted the way axes counts them (per account, per address)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(attempt_time__gte=since)
    lockouts = []
    for kind in settings.AXES_LOCKOUT_PARAMETERS:
        rows = (
            recent.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
            .order_by("-last")
        )
        lockouts += [
            Lockout(
                kind=kind,
                value=row[kind],
                failures=row["failures"],
                last_attempt=row["last"],
            )
            for row in rows
        ]
    return sorted(lockouts, key=lambda lockout: lockout.last_attempt, reverse=True)


def lockout_release(*, kind: str, value: str, user: AbstractBaseUser) -> int:
    """Forget the failures behind one lockout; returns how many attempt records went."""
    if kind not in KINDS:
        raise ValueError(kind)
    released = reset(**{"username" if kind == "username" else "ip": value})
    logger.warning(
        "Sign-in lockout of %s %r released by %s (%d records).",
        kind,
        value,
        user.get_username(),
        released,
    )
    return released
