"""Background work: the confirmation e-mail with its calendar file and QR code."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from mura.events.dates import format_event_dates, format_slot_time
from mura.events.ics import registration_calendar
from mura.events.models.programme import ProgrammeSlot
from mura.events.models.registrations import Registration
from mura.events.qr import checkin_url, qr_png
from mura.events.selectors import registration_answers
from mura.portal.addresses import page_url


def registration_links(registration: Registration) -> dict[str, str]:
    """Absolute links to view/cancel the registration, in the registrant's language."""
    event = registration.event.localized
    base = page_url(event)
    view = base + event.reverse_subpage("registration_view", args=(registration.token,))
    cancel = base + event.reverse_subpage(
        "registration_cancel_view", args=(registration.token,)
    )
    return {"view": view, "cancel": cancel, "event": base}


@task()
def send_registration_email(registration_id: int, reason: str) -> None:
    """`reason` is "registered", "promoted" (moved up from the waiting list) or "resent"
    (the person asked for the link to their registration again)."""
    registration = Registration.objects.select_related(
        "event", "event__institution"
    ).get(pk=registration_id)
    with translation.override(registration.language):
        event = registration.event.localized
        links = registration_links(registration)
        sections = list(registration.sections.all())
        slots = list(ProgrammeSlot.objects.filter(section__in=sections).for_timetable())
        context = {
            "sections": [
                {
                    "title": section.title,
                    "times": [
                        format_slot_time(slot)
                        for slot in slots
                        if slot.section_id == section.pk
                    ],
                }
                for section in sections
            ],
            "answers": registration_answers(registration),
            "registration": registration,
            "event": event,
            "dates": format_event_dates(event),
            "links": links,
            "reason": reason,
        }
        if reason == "resent":
            subject = gettext("The link to your registration: %(event)s") % {
                "event": event.title
            }
        elif reason == "promoted":
            subject = gettext("A place has become free: %(event)s") % {
                "event": event.title
            }
        elif registration.status == Registration.Status.WAITLISTED:
            subject = gettext("You are on the waiting list: %(event)s") % {
                "event": event.title
            }
        else:
            subject = gettext("Registration confirmed: %(event)s") % {
                "event": event.title
            }
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("events/email/registration.txt", context),
            to=[registration.email],
            reply_to=[event.contact_email] if event.contact_email else None,
        )
        message.attach_alternative(
            render_to_string("events/email/registration.html", context), "text/html"
        )
        message.attach(
            "event.ics", registration_calendar(event, slots), "text/calendar"
        )
        if registration.status == Registration.Status.CONFIRMED:
            message.attach(
                f"{registration.code}.png",
                qr_png(checkin_url(registration.code)),
                "image/png",
            )
        message.send()
