import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from mura.conftest import load_demo
from mura.institutions.models import Institution
from mura.news.models import NewsArticlePage


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_bring_back_what_was_there(tmp_path, settings):
    ContentType.objects.clear_cache()
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "original_images").mkdir(parents=True)
    (tmp_path / "media" / "original_images" / "scan.txt").write_text("a scan")
    load_demo("institutions", "portal", "news")
    before = (Institution.objects.count(), NewsArticlePage.objects.count())
    title = NewsArticlePage.objects.filter(locale__language_code="kk").first().title

    call_command("backup", str(tmp_path / "portal.tar.gz"), stdout=io.StringIO())
    Institution.objects.filter(slug="potanin-museum").update(
        name_kk="changed by mistake"
    )
    (tmp_path / "media" / "original_images" / "scan.txt").unlink()

    call_command("restore", str(tmp_path / "portal.tar.gz"), stdout=io.StringIO())
    assert (Institution.objects.count(), NewsArticlePage.objects.count()) == before
    assert Institution.objects.get(slug="potanin-museum").name_kk.startswith(
        "Г.Н.Потанин"
    )
    assert NewsArticlePage.objects.filter(title=title).exists()
    assert (tmp_path / "media" / "original_images" / "scan.txt").read_text() == "a scan"


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup_and_keeps_the_data(
    tmp_path, institution
):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a backup")
    with pytest.raises(CommandError, match="not a readable"):
        call_command("restore", str(junk))
    assert Institution.objects.filter(pk=institution.pk).exists()
