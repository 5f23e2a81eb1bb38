"""Every change is kept as a revision with its author, and a cataloguer can go back to one."""

import pytest

from mura.audit.models import AuditLogEntry
from mura.catalog.tests.factories import ResourceFactory
from mura.catalog.tests.test_admin_forms import form_data

pytestmark = pytest.mark.django_db


def test_admin_edit_records_who_changed_what_and_revert_restores_it(
    client, cataloguer, institution
):
    client.force_login(cataloguer)
    record = ResourceFactory(
        institution=institution, title="Қамар сұлу", date_text="1914"
    )
    public_id = record.public_id
    first_revision = record.latest_revision
    edit_url = f"/admin/snippets/catalog/libraryitem/edit/{record.pk}/"
    response = client.post(
        edit_url, form_data(record.kind, institution, title="Қамар сұлу (қате)")
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.title == "Қамар сұлу (қате)"
    assert record.revisions.count() == 2
    assert record.latest_revision.user == cataloguer
    history = client.get(
        f"/admin/snippets/catalog/libraryitem/history/{record.pk}/"
    ).content.decode()
    assert cataloguer.username in history or cataloguer.get_full_name() in history

    revert_url = f"/admin/snippets/catalog/libraryitem/history/{record.pk}/revisions/{first_revision.pk}/revert/"
    form = client.get(revert_url)
    assert form.status_code == 200
    assert form.context["form"].initial["title"] == "Қамар сұлу"
    response = client.post(
        revert_url, form_data(record.kind, institution, title="Қамар сұлу")
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.title == "Қамар сұлу"
    assert record.public_id == public_id, "the permanent address never changes"
    assert record.revisions.count() == 3
    assert AuditLogEntry.objects.filter(
        object_id=str(record.pk), action="wagtail.revert"
    ).exists()
