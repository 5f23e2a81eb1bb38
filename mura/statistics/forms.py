"""What a person chooses on the statistics page: a period and, among theirs, an institution."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mura.institutions.models import Institution
from mura.statistics.periods import Period

LONGEST_PERIOD_DAYS = 731
DEFAULT_DAYS = 30


def default_period() -> dict[str, str]:
    """The last 30 days, as the form shows them when nothing was chosen."""
    today = timezone.localdate()
    start = today - timedelta(days=DEFAULT_DAYS - 1)
    return {"start": start.isoformat(), "end": today.isoformat()}


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    institution = forms.ModelChoiceField(
        label=_("Institution"),
        queryset=Institution.objects.none(),
        required=False,
        empty_label=_("All my institutions"),
    )

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions.order_by("name_kk")

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise forms.ValidationError(
                _("The period must start before it ends."), code="order"
            )
        if (end - start).days >= LONGEST_PERIOD_DAYS:
            raise forms.ValidationError(
                _("Choose a period of at most two years."), code="too_long"
            )
        data["period"] = Period(start=start, end=end)
        return data


class ReportForm(forms.Form):
    institution = forms.ModelChoiceField(
        label=_("Institution"), queryset=Institution.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        choices=[(1, "I"), (2, "II"), (3, "III"), (4, "IV")],
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("kk", "Қазақша"), ("ru", "Русский")]
    )
    file_format = forms.ChoiceField(
        label=_("File"), choices=[("pdf", "PDF"), ("xlsx", "XLSX")]
    )

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions.order_by("name_kk")
        today = timezone.localdate()
        self.fields["year"].initial = today.year
        self.fields["quarter"].initial = (today.month - 1) // 3 + 1
