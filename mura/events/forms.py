"""Input validation only: the registration form, list filters and the event page's admin form."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from mura.events.choices import (
    LANGUAGE_CHOICES,
    Attendance,
    Audience,
    EventKind,
    Participation,
)
from mura.events.countries import country_choices
from mura.events.dates import format_month
from mura.institutions.forms import InstitutionPageForm


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name and surname"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=300)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), initial="KZ")
    region = forms.CharField(label=_("Region or city"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        error_messages={
            "invalid": _("Enter a valid e-mail address, e.g. name@example.kz.")
        },
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    participation = forms.ChoiceField(
        label=_("I will take part"), widget=forms.RadioSelect
    )
    sections = forms.MultipleChoiceField(
        label=_("Sections, master classes and trainings"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accessibility = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. step-free access, a sign language interpreter, large print."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to the processing of my personal data for organising this event, under the Law of the "
            "Republic of Kazakhstan “On personal data and their protection”."
        ),
        error_messages={
            "required": _(
                "Registration needs your consent to the processing of personal data."
            )
        },
    )

    def __init__(self, *args, event, sections, questions, section_counts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices()
        participation = list(Participation.choices)
        if event.attendance == Attendance.IN_PERSON:
            participation = participation[:1]
        elif event.attendance == Attendance.ONLINE:
            participation = participation[1:]
        self.fields["participation"].choices = participation
        self.fields["participation"].initial = participation[0][0]
        self.section_objects = {str(section.pk): section for section in sections}
        self.fields["sections"].choices = [
            (
                str(section.pk),
                _section_label(section, section_counts.get(section.pk, 0)),
            )
            for section in sections
        ]
        if not sections:
            del self.fields["sections"]
        self.questions = list(questions)
        for question in self.questions:
            key = f"question_{question.pk}"
            if question.kind == question.Kind.YES_NO:
                field = forms.ChoiceField(
                    choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))]
                )
            elif question.kind == question.Kind.CHOICE:
                field = forms.ChoiceField(
                    choices=[("", "—"), *[(o, o) for o in question.option_list]]
                )
            else:
                field = forms.CharField(max_length=2000)
            field.label = question.label
            field.required = question.required
            self.fields[key] = field
        # Consent last, as the law's wording reads best right before the button.
        self.order_fields(
            [name for name in self.fields if name != "consent"] + ["consent"]
        )

    @property
    def fields_in_error(self) -> list[forms.BoundField]:
        """The fields the error summary names, in the form's order."""
        return [field for field in self if field.errors]

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["answers"] = {
            key: data.pop(key) for key in list(data) if key.startswith("question_")
        }
        data.pop("sections", None)
        return data

    def chosen_sections(self) -> list:
        return [
            self.section_objects[pk] for pk in self.cleaned_data.get("sections", [])
        ]


class ResendLinkForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        error_messages={
            "invalid": _("Enter a valid e-mail address, e.g. name@example.kz."),
            "required": _("Please fill in this field."),
        },
    )


def _section_label(section, taken: int) -> str:
    kind = str(section.get_kind_display())
    label = (
        section.title
        if section.title.lower().startswith(kind.lower())
        else f"{kind}: {section.title}"
    )
    if section.capacity is None:
        return label
    left = max(section.capacity - taken, 0)
    if left == 0:
        return label + " — " + gettext("no places left")
    return (
        label
        + " — "
        + ngettext("%(count)d place left", "%(count)d places left", left)
        % {"count": left}
    )


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    institution = forms.ChoiceField(label=_("Institution"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    month = forms.ChoiceField(
        label=_("Month"),
        required=False,
        error_messages={"invalid_choice": _("Choose a month from the list.")},
    )

    def __init__(self, *args, institutions, months, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(EventKind.choices)
        self.fields["audience"].choices = everything + list(Audience.choices)
        self.fields["institution"].choices = everything + [
            (i.slug, str(i)) for i in institutions
        ]
        self.fields["month"].choices = [("", _("All months"))] + [
            (first.strftime("%Y-%m"), format_month(first)) for first in months
        ]

    def clean_month(self) -> tuple[int, int] | None:
        value = self.cleaned_data["month"]
        if not value:
            return None
        year, month = value.split("-")
        return int(year), int(month)


def _as_wall_clock(value: datetime, zone: str) -> datetime:
    """Read a submitted time as wall-clock time in the event's zone, not the server's."""
    naive = timezone.make_naive(value, timezone.get_current_timezone())
    return naive.replace(tzinfo=ZoneInfo(zone))


class EventPageForm(InstitutionPageForm):
    """Start and end are typed and shown in the event's own time zone; languages as ticks."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = LANGUAGE_CHOICES
        instance = self.instance
        if instance.pk:
            self.initial["languages"] = instance.language_codes
            current = timezone.get_current_timezone()
            for name in ("start", "end", "registration_closes"):
                value = getattr(instance, name)
                if value is not None:
                    wall = value.astimezone(instance.tzinfo).replace(tzinfo=None)
                    self.initial[name] = timezone.make_aware(wall, current)

    def clean_languages(self) -> str:
        return ",".join(self.cleaned_data["languages"]) or "kk"

    def clean(self):
        cleaned = super().clean()
        zone = cleaned.get("time_zone")
        if zone:
            for name in ("start", "end", "registration_closes"):
                if cleaned.get(name):
                    cleaned[name] = _as_wall_clock(cleaned[name], zone)
        if (
            cleaned.get("start")
            and cleaned.get("end")
            and cleaned["end"] < cleaned["start"]
        ):
            self.add_error("end", _("The event cannot end before it starts."))
        return cleaned
