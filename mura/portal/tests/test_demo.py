import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, ReferenceIndex

from mura.institutions.models import Institution
from mura.news.models import NewsArticlePage


@pytest.mark.django_db
def test_demo_twice_duplicates_nothing(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("demo", stdout=io.StringIO())
    # Built once at the end ("usage" in the admin), not by a task per saved object.
    assert ReferenceIndex.objects.filter(content_type__model="newsarticlepage").exists()
    counts = (
        Page.objects.count(),
        Institution.objects.count(),
        NewsArticlePage.objects.count(),
    )
    output = io.StringIO()
    call_command("demo", stdout=output)
    assert (
        Page.objects.count(),
        Institution.objects.count(),
        NewsArticlePage.objects.count(),
    ) == counts
    assert "Admin login: admin / " in output.getvalue()
    # the same password is printed again, read from the data folder
    password = (tmp_path / "admin-password.txt").read_text().strip()
    assert password in output.getvalue()


@pytest.mark.django_db
def test_demo_has_both_seed_articles_in_kazakh(demo_news):
    articles = NewsArticlePage.objects.filter(
        locale__language_code="kk", alias_of__isnull=True
    )
    assert sorted(a.published_at.year for a in articles) == [2019, 2021]
    institutions = {a.institution.slug for a in articles}
    assert institutions == {"tazhibaev-library", "toraighyrov-library"}
