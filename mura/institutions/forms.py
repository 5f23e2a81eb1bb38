from wagtail.admin.forms import WagtailAdminPageForm

from mura.institutions.permissions import institutions_for


class InstitutionPageForm(WagtailAdminPageForm):
    """Offers only the institutions in which the editing user holds the page's role."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("institution")
        if field is not None and self.for_user is not None:
            role = self._meta.model.institution_role
            field.queryset = institutions_for(self.for_user, role)
