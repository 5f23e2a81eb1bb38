"""Staff upload a file in the admin; it is imported by the task worker (run at once in
tests) and the progress page shows what became of it."""

import html

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mura.catalog.models import Resource
from mura.institutions.models import Role
from mura.institutions.tests.staff import staff_member
from mura.interop import runs
from mura.interop.models import ImportRun
from mura.interop.runs import file_fingerprint, import_run_upload
from mura.interop.tasks import import_file
from mura.interop.tests.test_import_runs import marc_file


def test_an_uploaded_file_is_imported_and_its_progress_page_reports_it(
    client, institution, other_institution, tmp_path
):
    cataloguer = staff_member(
        institution=institution, role=Role.CATALOGUER, username="cat", language="en"
    )
    client.force_login(cataloguer)
    page = client.get(reverse("interop_import_upload"))
    assert page.status_code == 200
    offered = list(page.context["form"].fields["institution"].queryset)
    assert offered == [institution]

    data = marc_file(tmp_path / "books.mrc", count=12).read_bytes()
    response = client.post(
        reverse("interop_import_upload"),
        {
            "institution": institution.pk,
            "format": "marc21",
            "encoding": "auto",
            "file": SimpleUploadedFile("books.mrc", data),
        },
    )
    run = ImportRun.objects.get()
    assert response.url == reverse("interop_import_progress", args=[run.pk])
    assert Resource.objects.filter(institution=institution).count() == 12
    progress = client.get(response.url)
    text = progress.content.decode()
    assert "12 records created" in text
    assert "12 of 12 records" in text
    assert 'http-equiv="refresh"' not in text  # done: no more refreshing


def test_an_upload_waits_in_the_shared_storage_unserved_and_is_deleted_when_done(
    client, institution, settings, tmp_path
):
    # Queued, not run: another server's worker will read it from the shared storage.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    cataloguer = staff_member(
        institution=institution, role=Role.CATALOGUER, username="cat", language="en"
    )
    client.force_login(cataloguer)
    data = marc_file(tmp_path / "books.mrc", count=5).read_bytes()
    client.post(
        reverse("interop_import_upload"),
        {
            "institution": institution.pk,
            "format": "marc21",
            "encoding": "auto",
            "file": SimpleUploadedFile("my books.mrc", data),
        },
    )
    run = ImportRun.objects.get()
    assert run.stored
    assert run.path.startswith("imports/")
    assert run.path.endswith("-my_books.mrc")
    with default_storage.open(run.path) as stored:
        assert stored.read() == data
    assert run.file_fingerprint == file_fingerprint(tmp_path / "books.mrc")
    assert client.get(f"/media/{run.path}").status_code == 404
    client.logout()
    assert client.get(f"/media/{run.path}").status_code == 404

    assert import_file.call(run.pk) == ImportRun.Status.DONE
    assert Resource.objects.filter(institution=institution).count() == 5
    assert not default_storage.exists(run.path)


def test_an_uploaded_file_whose_import_fails_is_deleted_too(institution, monkeypatch):
    upload = SimpleUploadedFile("books.mrc", b"00026nam a2200000 i 4500\x1d")
    run = import_run_upload(institution=institution, upload=upload, format="marc21")
    assert default_storage.exists(run.path)

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(runs, "records_import", broken)
    with pytest.raises(RuntimeError):
        import_file.call(run.pk)
    run.refresh_from_db()
    assert (run.status, run.error) == (
        ImportRun.Status.FAILED,
        "the database went away",
    )
    assert not default_storage.exists(run.path)


def test_an_upload_for_another_institution_is_refused(
    client, institution, other_institution, tmp_path
):
    cataloguer = staff_member(
        institution=institution, role=Role.CATALOGUER, username="cat", language="en"
    )
    client.force_login(cataloguer)
    data = marc_file(tmp_path / "books.mrc", count=2).read_bytes()
    response = client.post(
        reverse("interop_import_upload"),
        {
            "institution": other_institution.pk,
            "format": "marc21",
            "encoding": "auto",
            "file": SimpleUploadedFile("books.mrc", data),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["institution"]
    assert not Resource.objects.exists()


def test_the_progress_of_another_institutions_import_is_not_shown(
    client, institution, other_institution, tmp_path
):
    run = ImportRun.objects.create(
        institution=other_institution,
        path=str(tmp_path / "x.mrc"),
        file_name="x.mrc",
        file_fingerprint="0:x",
        format="marc21",
        status=ImportRun.Status.RUNNING,
        total=10,
    )
    cataloguer = staff_member(
        institution=institution, role=Role.CATALOGUER, username="cat", language="en"
    )
    client.force_login(cataloguer)
    assert (
        client.get(reverse("interop_import_progress", args=[run.pk])).status_code == 404
    )


def test_a_running_import_page_refreshes_itself(client, institution, tmp_path):
    run = ImportRun.objects.create(
        institution=institution,
        path=str(tmp_path / "x.mrc"),
        file_name="x.mrc",
        file_fingerprint="0:x",
        format="marc21",
        status=ImportRun.Status.RUNNING,
        total=10,
        position=4,
    )
    cataloguer = staff_member(
        institution=institution, role=Role.CATALOGUER, username="cat", language="en"
    )
    client.force_login(cataloguer)
    text = client.get(
        reverse("interop_import_progress", args=[run.pk])
    ).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in text
    assert "4 of 10 records (40%)" in text


@pytest.mark.parametrize(
    ("name", "content", "format", "words"),
    [
        ("books.mrc", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "marc21", "its content is PDF"),
        (
            "books.xml",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "marcxml",
            "does not look like MARCXML (its content is PNG)",
        ),
        ("books.csv", b"PK\x03\x04\x14\0\0\0\x08\0", "csv", "its content is ZIP"),
        ("books.xml", b"title;author\n", "marcxml", "does not look like MARCXML"),
    ],
)
def test_a_file_that_is_not_the_chosen_format_is_refused(
    client, institution, name, content, format, words
):
    cataloguer = staff_member(
        institution=institution, role=Role.CATALOGUER, username="cat", language="en"
    )
    client.force_login(cataloguer)
    response = client.post(
        reverse("interop_import_upload"),
        {
            "institution": institution.pk,
            "format": format,
            "encoding": "auto",
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 200
    assert words in html.unescape(response.content.decode())
    assert not ImportRun.objects.exists()


def test_an_import_file_over_the_limit_is_refused(
    client, institution, settings, tmp_path
):
    settings.MURA_IMPORT_MAX_MB = 1
    cataloguer = staff_member(
        institution=institution, role=Role.CATALOGUER, username="cat", language="ru"
    )
    client.force_login(cataloguer)
    data = marc_file(tmp_path / "books.mrc", count=6000).read_bytes()
    assert len(data) > 1024 * 1024
    response = client.post(
        reverse("interop_import_upload"),
        {
            "institution": institution.pk,
            "format": "marc21",
            "encoding": "auto",
            "file": SimpleUploadedFile("books.mrc", data),
        },
    )
    assert response.status_code == 200
    assert "не больше 1,0\xa0МБ" in html.unescape(response.content.decode())
    assert not ImportRun.objects.exists()
