"""Every page that offers comments loads the comments' style and script once, so its form
is finished (and its trap field hidden) wherever it appears."""

import pytest
from django.utils import translation

from mura.catalog.models import Access, Resource
from mura.conftest import load_demo
from mura.events.models import EventPage
from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage
from mura.news.models import NewsArticlePage


@pytest.fixture
def commented_paths(db):
    load_demo("institutions", "portal", "news", "catalog", "events", "exhibitions")
    with translation.override("kk"):
        pages = [
            model.objects.live().filter(locale__language_code="kk").first().url
            for model in (NewsArticlePage, EventPage, ExhibitionPage, ArtifactStoryPage)
        ]
        record = Resource.objects.filter(access=Access.PUBLIC, is_deleted=False).first()
        return [*pages, record.get_absolute_url()]


def test_every_page_with_comments_brings_their_assets_once(commented_paths, client):
    for path in commented_paths:
        html = client.get(path).content.decode()
        assert 'id="comment-form"' in html, path
        assert html.count("comments/comments.css") == 1, path
        assert html.count("comments/comments.js") == 1, path
