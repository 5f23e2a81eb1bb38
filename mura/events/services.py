"""Registration, cancellation with waiting-list promotion, check-in and certificates.

Every change to an event's places runs inside one transaction that first locks the
event's row (SELECT … FOR UPDATE on PostgreSQL; on SQLite `transaction_mode=IMMEDIATE`
takes the database's write lock when the transaction begins). Counting and inserting
therefore never interleave, so no event or section goes over its limit."""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.log_actions import log

from mura.events.choices import Participation
from mura.events.countries import country_names
from mura.events.models.programme import EventSection, ExtraQuestion
from mura.events.models.registrations import Registration
from mura.events.tasks import send_registration_email
from mura.portal.translation import current_language

if TYPE_CHECKING:
    from mura.events.models.pages import EventPage

# A door queue at one venue shares one public address: 60 registrations a minute is
# far above what a registration desk produces and far below what a script would send.
REGISTRATIONS_PER_MINUTE = 60
REGISTRATION_LIMITS = ((REGISTRATIONS_PER_MINUTE, 60),)


class RegistrationClosed(ValidationError):
    """Registration is not open for this event (the API answers 403)."""


class DuplicateRegistration(ValidationError):
    """This e-mail is already registered for the event (the API answers 409)."""


def _lock_event(event: "EventPage") -> "EventPage":
    """The event's original version, re-read under a row lock."""
    original = event.original
    return type(original).objects.select_for_update(of=("self",)).get(pk=original.pk)


def _clean_answers(event: "EventPage", answers: dict[str, Any]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    errors: dict[str, str] = {}
    for question in ExtraQuestion.objects.filter(event=event):
        key = f"question_{question.pk}"
        value = str(answers.get(key, answers.get(str(question.pk), "")) or "").strip()
        if (
            question.kind == ExtraQuestion.Kind.CHOICE
            and value
            and value not in question.option_list
        ):
            errors[key] = gettext("Choose one of the options.")
        elif question.required and not value:
            errors[key] = gettext("Please answer this question.")
        elif value:
            cleaned[str(question.pk)] = value[:2000]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_sections(event: "EventPage", sections: list[EventSection]) -> None:
    for section in sections:
        if section.event_id != event.pk or not section.registrable:
            raise ValidationError(
                {"sections": gettext("This section does not belong to the event.")}
            )
    if not sections:
        return
    confirmed = Count(
        "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
    )
    counts = dict(
        EventSection.objects.filter(pk__in=[s.pk for s in sections])
        .annotate(taken=confirmed)
        .values_list("pk", "taken")
    )
    full = [
        s.title
        for s in sections
        if s.capacity is not None and counts.get(s.pk, 0) >= s.capacity
    ]
    if full:
        raise ValidationError(
            {
                "sections": gettext(
                    "No places are left in: %(sections)s. Please choose another."
                )
                % {"sections": ", ".join(full)}
            }
        )


@transaction.atomic
def registration_create(
    *, event: "EventPage", data: dict[str, Any], sections: Iterable[EventSection]
) -> Registration:
    """Register one person: confirmed while places last, then on the waiting list.

    `data` holds the form's or the API's fields (name, email, organisation, position, country,
    region, phone, participation, accessibility, consent, answers). Raises ValidationError
    (field errors), RegistrationClosed or DuplicateRegistration; stores nothing then."""
    event = _lock_event(event)
    if not event.accepts_registrations():
        raise RegistrationClosed(gettext("Registration for this event is closed."))
    if data.get("consent") is not True:
        raise ValidationError(
            {
                "consent": gettext(
                    "Registration needs your consent to the processing of personal data."
                )
            }
        )
    _check_required(data)
    email = str(data.get("email") or "").strip().lower()
    if (
        email
        and Registration.objects.active().filter(event=event, email=email).exists()
    ):
        raise DuplicateRegistration(
            {
                "email": gettext(
                    "This e-mail address is already registered for the event."
                )
            }
        )
    sections = list(sections)
    _check_sections(event, sections)
    confirmed = Registration.objects.confirmed().filter(event=event).count()
    registration = Registration(
        event=event,
        status=Registration.Status.CONFIRMED
        if event.has_free_places(confirmed)
        else Registration.Status.WAITLISTED,
        name=str(data.get("name") or "").strip(),
        email=email,
        organisation=str(data.get("organisation") or "").strip(),
        position=str(data.get("position") or "").strip(),
        country=str(data.get("country") or "").strip().upper(),
        region=str(data.get("region") or "").strip(),
        phone=str(data.get("phone") or "").strip(),
        participation=data.get("participation") or Participation.IN_PERSON,
        accessibility=str(data.get("accessibility") or "").strip(),
        answers=_clean_answers(event, data.get("answers") or {}),
        consent_at=timezone.now(),
        language=current_language(),
    )
    registration.full_clean()
    _check_country(registration.country)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:
        # The partial unique index caught what the check above could not see.
        raise DuplicateRegistration(
            {
                "email": gettext(
                    "This e-mail address is already registered for the event."
                )
            }
        ) from error
    registration.sections.set(sections)
    _notify(registration, "registered")
    return registration


def _check_required(data: dict[str, Any]) -> None:
    errors = {
        field: gettext("Please fill in this field.")
        for field in ("name", "email", "organisation", "country")
        if not str(data.get(field) or "").strip()
    }
    email = str(data.get("email") or "").strip()
    if email and "email" not in errors:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = gettext(
                "Enter a valid e-mail address, e.g. name@example.kz."
            )
    if errors:
        raise ValidationError(errors)


def _check_country(code: str) -> None:
    if code not in country_names("en"):
        raise ValidationError({"country": gettext("Choose a country from the list.")})


def _notify(registration: Registration, reason: str) -> None:
    transaction.on_commit(
        lambda: send_registration_email.enqueue(registration.pk, reason)
    )


# One registration's link is e-mailed again at most once in this many seconds, whoever asks.
RESEND_INTERVAL = 10 * 60


def registration_link_resend(*, event: "EventPage", email: str) -> bool:
    """E-mail the link to the active registration of `email` for `event` again; False
    when there is none or its link went out in the last RESEND_INTERVAL. The caller
    tells the visitor the same either way, so a stranger learns nothing from it."""
    registration = (
        Registration.objects.active()
        .filter(event=event.original, email=email.strip().lower())
        .first()
    )
    if registration is None or not caches["limits"].add(
        f"mura:registration-resend:{registration.pk}", 1, timeout=RESEND_INTERVAL
    ):
        return False
    send_registration_email.enqueue(registration.pk, "resent")
    return True


@transaction.atomic
def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancel a registration and promote the waiting list in order; returns those promoted."""
    event = _lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return []
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    if registration.certificate_code and registration.certificate_revoked_at is None:
        registration.certificate_revoked_at = registration.cancelled_at
    registration.save(
        update_fields=["status", "cancelled_at", "certificate_revoked_at"]
    )
    return _promote(event)


def _promote(event: "EventPage") -> list[Registration]:
    promoted = []
    confirmed = Registration.objects.confirmed().filter(event=event).count()
    for waiting in Registration.objects.waitlisted().filter(event=event):
        if not event.has_free_places(confirmed):
            break
        waiting.status = Registration.Status.CONFIRMED
        waiting.save(update_fields=["status"])
        _drop_full_sections(event, waiting)
        confirmed += 1
        promoted.append(waiting)
        _notify(waiting, "promoted")
    return promoted


def _drop_full_sections(event: "EventPage", registration: Registration) -> None:
    """A promoted person keeps only the sections that still have a place."""
    for section in registration.sections.all():
        if section.capacity is None:
            continue
        taken = section.registrations.confirmed().exclude(pk=registration.pk).count()
        if taken >= section.capacity:
            registration.sections.remove(section)


@transaction.atomic
def event_waitlist_promote(*, event: "EventPage") -> list[Registration]:
    """Confirm waiting people in order while the event has places (after its capacity
    was raised, whichever language version was published); returns those promoted."""
    return _promote(_lock_event(event))


def registration_check_in(*, registration: Registration) -> Registration:
    """Mark a confirmed participant as arrived (idempotent: the first arrival time stays)."""
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(gettext("Only confirmed participants can be checked in."))
    if registration.checked_in_at is None:
        registration.checked_in_at = timezone.now()
        registration.save(update_fields=["checked_in_at"])
        log(instance=registration, action="mura.check_in")
    return registration


def _new_certificate_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    while True:
        code = "-".join(
            "".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3)
        )
        if not Registration.objects.filter(certificate_code=code).exists():
            return code


def registration_certificate_issue(*, registration: Registration) -> str:
    """The verification code printed on a certificate of attendance, created once and
    only for a confirmed participant who was checked in at an event that has started."""
    if not Registration.objects.attended().filter(pk=registration.pk).exists():
        raise ValidationError(
            gettext(
                "A certificate of attendance is issued only to a participant "
                "checked in at an event that has started."
            )
        )
    if registration.certificate_revoked_at is not None:
        raise ValidationError(gettext("This participant's certificate was revoked."))
    if not registration.certificate_code:
        registration.certificate_code = _new_certificate_code()
        registration.save(update_fields=["certificate_code"])
        log(instance=registration, action="mura.certificate.issue")
    return registration.certificate_code


@dataclass(frozen=True)
class CertificateTally:
    issued: int
    total: int
    not_checked_in: int


@transaction.atomic
def event_certificates_issue(*, event: "EventPage") -> CertificateTally:
    """Certificates for everyone checked in; the confirmed who never arrived get none."""
    event = _lock_event(event)
    if event.start > timezone.now():
        raise ValidationError(
            gettext("Certificates can be issued once the event has started.")
        )
    registrations = Registration.objects.filter(event=event)
    issued = 0
    for registration in registrations.attended().filter(
        certificate_code__isnull=True, certificate_revoked_at__isnull=True
    ):
        registration_certificate_issue(registration=registration)
        issued += 1
    return CertificateTally(
        issued=issued,
        total=registrations.valid_certificates().count(),
        not_checked_in=registrations.confirmed()
        .filter(checked_in_at__isnull=True)
        .count(),
    )


def registration_certificate_revoke(*, registration: Registration) -> Registration:
    """Withdraw an issued certificate: its code then verifies as revoked."""
    if not registration.certificate_code:
        raise ValidationError(gettext("No certificate was issued to this participant."))
    if registration.certificate_revoked_at is None:
        registration.certificate_revoked_at = timezone.now()
        registration.save(update_fields=["certificate_revoked_at"])
        log(instance=registration, action="mura.certificate.revoke")
    return registration


# Facts of the event that every language version shows alike; titles and texts are translated.
SHARED_FIELDS = (
    "institution",
    "kind",
    "event_format",
    "attendance",
    "start",
    "end",
    "time_zone",
    "latitude",
    "longitude",
    "online_url",
    "audience",
    "languages",
    "registration_open",
    "registration_closes",
    "capacity",
    "contact_email",
)


def event_sync_translations(*, event: "EventPage") -> int:
    """Copy the shared facts of the version just published to its other language versions."""
    values = {field: getattr(event, field) for field in SHARED_FIELDS}
    values["institution"] = event.institution_id
    values["institution_id"] = values.pop("institution")
    others = (
        type(event)
        .objects.filter(translation_key=event.translation_key)
        .exclude(pk=event.pk)
    )
    return others.update(**values)
