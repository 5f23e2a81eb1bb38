"""The artifact story in headless Chromium on desktop and phone widths, in Kazakh and Russian."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from mura.catalog.choices import Access, Kind
from mura.catalog.tests.factories import ResourceFactory
from mura.conftest import keep_screenshot, sideways_scroll
from mura.exhibitions.models import ArtifactStoryItem
from mura.exhibitions.tests.factories import MuseumObjectFactory, chapter, make_story
from mura.institutions.models import Institution
from mura.portal.demo import translate_page
from mura.portal.models import HomePage

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "mobile": 390}


@pytest.fixture
def live_story(live_demo):
    museum = Institution.objects.get(slug="kyzylorda-museum")
    # Records without photos: the live test server does not serve uploaded media.
    qobyz = MuseumObjectFactory(institution=museum, title="Қобыз", files=[])
    dombyra = MuseumObjectFactory(institution=museum, title="Домбыра", files=[])
    secret = ResourceFactory(
        institution=museum,
        kind=Kind.MUSEUM_OBJECT,
        title="Қызметтік сәукеле",
        access=Access.STAFF,
    )
    story = make_story(
        HomePage.objects.get(locale__language_code="kk"),
        institution=museum,
        artifact=qobyz,
        chapters=[
            chapter(
                "Қорқыттың мұрагері",
                "Сыр бойында қобызды Қорқыт атамен бірге еске алады.",
                [dombyra.pk],
            ),
            chapter(
                "Шебердің қолынан",
                "Қобыз бір кесек ағаштан ойылып жасалған.",
                [secret.pk],
            ),
            chapter(
                "Ауылдан музейге", "Қобыз бірнеше ұрпақ бойы бір отбасында сақталған."
            ),
        ],
        provenance=[
            {
                "type": "entry",
                "value": {
                    "date": "1974",
                    "title": "Музейге түсті",
                    "place": "Қызылорда",
                    "text": "",
                },
            }
        ],
    )
    story.save_revision().publish()
    ArtifactStoryItem.objects.create(page=story, resource=dombyra)
    translate_page(
        story,
        Locale.objects.get(language_code="ru"),
        title="Кобыз из Жанакоргана",
        chapters=[
            chapter(
                "Наследник Коркыта",
                "На Сырдарье кобыз вспоминают вместе с Коркыт-ата.",
                [dombyra.pk],
            ),
            chapter(
                "Из рук мастера",
                "Кобыз выдолблен из цельного куска дерева.",
                [secret.pk],
            ),
        ],
    )
    return {"server": live_demo, "path": f"/exhibitions/{story.slug}/"}


def test_story_reads_on_desktop_and_phone_in_kazakh_and_russian(
    live_story, browser_page, screenshot_dir
):
    page = browser_page
    for language, prefix, first_chapter, contents in (
        ("kk", "", "Қорқыттың мұрагері", "Тараулар"),
        ("ru", "/ru", "Наследник Коркыта", "Главы"),
    ):
        for device, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(live_story["server"].url + prefix + live_story["path"])
            assert page.locator("html").get_attribute("lang") == language
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            expect(page.get_by_role("heading", name=contents)).to_be_visible()
            expect(page.get_by_role("link", name="Домбыра").first).to_be_visible()
            assert page.get_by_text("Қызметтік сәукеле").count() == 0
            artifact = page.locator(".story__artifact").bounding_box()
            text = page.locator(".story__main").bounding_box()
            if device == "desktop":
                assert artifact["x"] > text["x"] + text["width"] - 1, (
                    "the artifact stands beside the story"
                )
            else:
                assert artifact["y"] + artifact["height"] <= text["y"] + 1, (
                    "on a phone the artifact comes first"
                )
                assert sideways_scroll(page) == 0
            if (language, device) in (("kk", "desktop"), ("ru", "mobile")):
                shot = screenshot_dir / f"exhibitions-story-{language}.png"
                keep_screenshot(page, shot, full_page=True)
            page.get_by_role("link", name=first_chapter).first.click()
            assert page.url.endswith("#chapter-1")
