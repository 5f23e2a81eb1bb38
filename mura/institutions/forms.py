from django import forms
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.auth import LoginForm

from mura.institutions.lockouts import lockout_message
from mura.institutions.permissions import institutions_for


class InstitutionPageForm(WagtailAdminPageForm):
    """Offers only the institutions in which the editing user holds the page's role."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("institution")
        if field is not None and self.for_user is not None:
            role = self._meta.model.institution_role
            field.queryset = institutions_for(self.for_user, role)


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form, saying so when django-axes refused a locked account or
    address instead of repeating "the password did not match"."""

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return forms.ValidationError(lockout_message(), code="locked_out")
        return super().get_invalid_login_error()
