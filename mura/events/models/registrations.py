"""Registrations: one person's place at an event, on its waiting list or cancelled."""

import secrets
from datetime import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mura.events.choices import Participation
from mura.events.countries import country_name
from mura.events.models.programme import EventSection


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_code() -> str:
    """Eight characters without look-alikes (0/O, 1/I), easy to read out at the door."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> "RegistrationQuerySet":
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self) -> "RegistrationQuerySet":
        return self.filter(status=Registration.Status.WAITLISTED).order_by("pk")

    def attended(self, now: datetime | None = None) -> "RegistrationQuerySet":
        """Confirmed and checked in at an event that has started: who may hold a
        certificate of attendance."""
        return self.confirmed().filter(
            checked_in_at__isnull=False, event__start__lte=now or timezone.now()
        )

    def valid_certificates(self) -> "RegistrationQuerySet":
        return self.attended().filter(
            certificate_code__isnull=False, certificate_revoked_at__isnull=True
        )


class Registration(models.Model):
    """One person's registration for an event: confirmed, on the waiting list or cancelled."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    Participation = Participation

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.CONFIRMED
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=300)
    position = models.CharField(_("position"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2)
    region = models.CharField(_("region or city"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    participation = models.CharField(
        _("participation"),
        max_length=16,
        choices=Participation.choices,
        default=Participation.IN_PERSON,
    )
    accessibility = models.TextField(_("accessibility needs"), blank=True)
    answers = models.JSONField(
        _("answers to extra questions"), default=dict, blank=True
    )
    sections = models.ManyToManyField(
        EventSection,
        verbose_name=_("sections"),
        blank=True,
        related_name="registrations",
    )
    consent_at = models.DateTimeField(_("consent to personal data processing given"))
    language = models.CharField(_("language"), max_length=8, default="kk")
    token = models.CharField(
        _("secret link token"),
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
    )
    code = models.CharField(
        _("check-in code"), max_length=12, unique=True, default=new_code, editable=False
    )
    certificate_code = models.CharField(
        _("certificate code"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )
    certificate_revoked_at = models.DateTimeField(
        _("certificate revoked"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="unique_active_registration_per_email",
            )
        ]

    def __str__(self) -> str:
        """The person and the event's title in the active language (the admin user's)."""
        return f"{self.name} · {self.event.localized.title}"

    @property
    def position_in_queue(self) -> int | None:
        """1 for the first person on the waiting list; None when not waiting."""
        if self.status != self.Status.WAITLISTED:
            return None
        return (
            Registration.objects.filter(
                event_id=self.event_id, status=self.Status.WAITLISTED, pk__lt=self.pk
            ).count()
            + 1
        )

    @property
    def country_name(self) -> str:
        return country_name(self.country)
