"""`mura restore` gives back a working installation, or says loudly that it did not."""

import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult
from wagtail.search.backends import get_search_backend

from mura.catalog.models import Subject
from mura.conftest import load_demo
from mura.institutions.models import Institution
from mura.news.models import NewsArticlePage
from mura.news.tasks import visits_prune_task
from mura.portal.tests.test_cli import MURA, clean_env
from mura.search.models import SearchDocument

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def admin_search(query: str, model) -> list:
    """What Wagtail's admin search (pages, snippets, images) finds."""
    return list(get_search_backend().search(query, model))


@pytest.fixture
def demo(settings, tmp_path):
    ContentType.objects.clear_cache()
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = DATABASE_TASKS
    load_demo("institutions", "portal", "news", "catalog")


@pytest.mark.django_db(transaction=True)
def test_restore_rebuilds_both_search_indexes_and_keeps_queued_tasks(demo, tmp_path):
    article = NewsArticlePage.objects.filter(locale__language_code="kk").first()
    subject = Subject.objects.exclude(name_kk="").first()
    documents = SearchDocument.objects.count()
    visits_prune_task.enqueue("2026-12-07")
    queued = sorted(DBTaskResult.objects.values_list("task_path", "status"))
    call_command("backup", str(tmp_path / "portal.tar.gz"), stdout=io.StringIO())
    DBTaskResult.objects.all().delete()

    out = io.StringIO()
    call_command("restore", str(tmp_path / "portal.tar.gz"), stdout=out)

    word = article.title.split()[0]
    assert article.pk in [page.pk for page in admin_search(word, NewsArticlePage)]
    assert subject.pk in [s.pk for s in admin_search(subject.name_kk, Subject)]
    assert SearchDocument.objects.count() == documents
    assert sorted(DBTaskResult.objects.values_list("task_path", "status")) == queued
    assert ("mura.news.tasks.visits_prune_task", "READY") in queued
    assert "every count matches" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_restore_fails_loudly_when_rows_are_missing_afterwards(tmp_path, institution):
    """A damaged backup (here one institution written twice under one id) restores
    fewer rows than it holds: the restore says which, instead of 'done'."""
    data = [
        {
            "model": "institutions.institution",
            "pk": institution.pk,
            "fields": {
                "slug": slug,
                "kind": institution.kind,
                "name_kk": institution.name_kk,
            },
        }
        for slug in ("first", "second")
    ]
    path = tmp_path / "damaged.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        for name, content in (
            (
                "manifest.json",
                {"format": "mura-backup/1", "objects": 2, "media_files": 0},
            ),
            ("data.json", data),
        ):
            payload = json.dumps(content).encode()
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
    with pytest.raises(
        CommandError, match="institutions.institution: 2 in the backup, 1 restored"
    ):
        call_command("restore", str(path), stdout=io.StringIO())


LOAD_AND_BACKUP = """
import django, sys
django.setup()
from django.core.management import call_command
from mura.conftest import load_demo
load_demo("institutions", "portal", "news")
call_command("backup", sys.argv[1])
"""


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_backup_made_on_sqlite_restores_into_this_database(tmp_path, settings):
    """The way a library moves from the embedded database to a PostgreSQL server."""
    ContentType.objects.clear_cache()
    settings.MEDIA_ROOT = tmp_path / "media"
    env = clean_env(MURA_DATA_DIR=str(tmp_path / "sqlite"), MURA_DEMO="1")
    subprocess.run([*MURA, "migrate", "-v0"], env=env, check=True, timeout=300)
    subprocess.run(
        [sys.executable, "-c", LOAD_AND_BACKUP, str(tmp_path / "portal.tar.gz")],
        env={**env, "DJANGO_SETTINGS_MODULE": "mura.settings"},
        check=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[3],
    )
    out = io.StringIO()
    call_command("restore", str(tmp_path / "portal.tar.gz"), stdout=out)
    assert "every count matches" in out.getvalue()
    assert Institution.objects.filter(slug="potanin-museum").exists()
    article = NewsArticlePage.objects.filter(locale__language_code="kk").first()
    assert article.pk in [
        page.pk for page in admin_search(article.title.split()[0], NewsArticlePage)
    ]
