from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from mura.exhibitions.models import (
    ArtifactStoryPage,
    ExhibitionIndexPage,
    ExhibitionPage,
)
from mura.news.models import NewsIndexPage
from mura.portal.models import HomePage, StandardPage


class ExhibitionPageTreeTests(WagtailPageTestCase):
    def test_index_sits_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, ExhibitionIndexPage)
        self.assertCanNotCreateAt(Page, ExhibitionIndexPage)
        self.assertCanNotCreateAt(StandardPage, ExhibitionIndexPage)
        self.assertCanNotCreateAt(NewsIndexPage, ExhibitionIndexPage)

    def test_exhibitions_and_stories_live_in_the_index(self):
        self.assertAllowedSubpageTypes(
            ExhibitionIndexPage, {ExhibitionPage, ArtifactStoryPage}
        )
        self.assertCanNotCreateAt(HomePage, ExhibitionPage)
        self.assertCanNotCreateAt(HomePage, ArtifactStoryPage)
        self.assertCanNotCreateAt(StandardPage, ArtifactStoryPage)

    def test_exhibitions_and_stories_have_no_children(self):
        self.assertAllowedSubpageTypes(ExhibitionPage, {})
        self.assertAllowedSubpageTypes(ArtifactStoryPage, {})
