"""Fixtures shared by every app's tests: the page tree, institutions and a real browser."""

import io
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import translation
from PIL import Image
from playwright.sync_api import Page, sync_playwright
from wagtail.models import Locale

from mura.iiif import access as iiif_access
from mura.institutions.tests.factories import InstitutionFactory
from mura.news.models import view_totals_here_forget
from mura.portal import captcha_keys, demo, visitors
from mura.portal.demo import ensure_locales, ensure_roots
from mura.portal.management.commands.demo import LOADERS
from mura.portal.models import HomePage

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REQUIRE_ALL = os.environ.get("MURA_REQUIRE_ALL") == "1"
ROOT = Path(__file__).resolve().parent.parent
# Small public files the tests read; mura/testdata/README.md says where each came from.
TESTDATA = Path(__file__).resolve().parent / "testdata"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(available: bool, reason: str) -> None:
    """Skip when a component is missing, or fail when MURA_REQUIRE_ALL=1 says nothing may be skipped."""
    if available:
        return
    if REQUIRE_ALL:
        pytest.fail(f"{reason} (MURA_REQUIRE_ALL=1 forbids skipping)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def testdata() -> Path:
    """The folder of small public test files (MARC, OAI-PMH schemas, search gold lists)."""
    return TESTDATA


@pytest.fixture
def site_tree(db):
    """Locales kk/ru/en, the Kazakh home page with its translations, the default site."""
    demo.load(stdout=io.StringIO())
    return {
        "home": HomePage.objects.get(locale__language_code="kk"),
        "locales": {locale.language_code: locale for locale in Locale.objects.all()},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty in-process cache: ids reused after a flush must
    not meet what an earlier test cached (image renditions, rate-limit windows, which
    images the IIIF service may serve)."""
    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()
    iiif_access.answers.forget()
    captcha_keys.forget()
    visitors.seen_here_forget()
    view_totals_here_forget()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Kazakh, the default language, whatever an earlier test on the
    worker left active: `get_absolute_url()` then gives the unprefixed address."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _wagtail_roots_in_database_tests(request):
    """Every database test starts with Wagtail's roots, whatever ran before it on the worker."""
    uses_database = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
    } & set(request.fixturenames)
    if uses_database:
        request.getfixturevalue("wagtail_roots")


@pytest.fixture
def wagtail_roots(db):
    """Wagtail's root collection (and root page), which its migrations create and an
    earlier transactional test on the same worker may have flushed; content types get
    new ids in a flush, so their cache is dropped too."""
    ContentType.objects.clear_cache()
    return ensure_roots(ensure_locales()["kk"])


@pytest.fixture
def institution(db):
    return InstitutionFactory()


@pytest.fixture
def other_institution(db):
    return InstitutionFactory()


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    require(
        shutil.which(CHROMIUM) is not None, f"Chromium is not installed at {CHROMIUM}"
    )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    """A fresh browser tab that records console errors; the test fails if any occurred."""
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale="kk-KZ"
    )
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    yield page
    context.close()
    assert errors == [], f"console errors: {errors}"


AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page: Page) -> list[str]:
    """What axe-core finds against WCAG 2.1 A and AA on the page as it stands."""
    require(AXE_SCRIPT.exists(), "axe-core is not installed (run `make install`)")
    page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]


def sideways_scroll(page) -> int:
    """How many pixels a browser page is wider than its window (0 when it fits)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def load_demo(*apps: str) -> None:
    """Load the named apps' demo content (the same loaders `mura demo` runs)."""

    for app in apps:
        LOADERS[app](stdout=io.StringIO())


@pytest.fixture
def demo_news(db):
    """Institutions, the home pages and the two seed articles, as in `mura demo`."""
    load_demo("institutions", "portal", "news")


@pytest.fixture
def live_demo(live_server, transactional_db):
    """A live server with the foundation's demo content.

    Transactional tests flush the database, and the flush recreates content types with new
    ids, so the cached ones are dropped first."""
    ContentType.objects.clear_cache()
    load_demo("institutions", "portal", "news")
    return live_server


#: Screenshots are kept at most this wide: a 1280 px desktop shrinks to it with its text
#: still legible, a 390 px phone shot stays as it was taken.
SCREENSHOT_MAX_WIDTH = 1024


def keep_screenshot(page: Page, path: Path, *, full_page: bool = False) -> None:
    """A screenshot of `page` saved small: at most SCREENSHOT_MAX_WIDTH wide, in a
    256-colour palette (a fifth to a third of Chromium's own PNG)."""
    image = Image.open(io.BytesIO(page.screenshot(full_page=full_page))).convert("RGB")
    if image.width > SCREENSHOT_MAX_WIDTH:
        height = round(image.height * SCREENSHOT_MAX_WIDTH / image.width)
        image = image.resize((SCREENSHOT_MAX_WIDTH, height), Image.Resampling.LANCZOS)
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(
        path, optimize=True
    )


@pytest.fixture
def screenshot_dir(tmp_path) -> Path:
    """docs/screenshots when MURA_UPDATE_SCREENSHOTS=1 (`make screenshots`), else a temp folder,
    so an ordinary test run leaves the work tree clean."""
    if os.environ.get("MURA_UPDATE_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path


@pytest.fixture
def live_full_demo(live_demo):
    """A live server with every app's demo content, as `mura demo` loads it."""
    load_demo("catalog", "events", "exhibitions", "search")
    return live_demo


#: The windows a journey is walked in: a desktop and a phone.
WINDOWS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
    },
}
BROWSER_LOCALES = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}


@dataclass
class Walk:
    """One person's walk through the portal in one language and one window."""

    language: str
    device: str
    page: Page
    base_url: str
    screenshots: Path

    def url(self, path: str) -> str:
        """`path` (a Kazakh, unprefixed address) in this walk's language."""
        prefix = "" if self.language == "kk" else f"/{self.language}"
        return f"{self.base_url}{prefix}{path}"

    def snap(self, step: str) -> None:
        """Keep a screenshot of this step (under docs/screenshots with `make screenshots`)."""
        keep_screenshot(
            self.page,
            self.screenshots / f"journey-{step}-{self.language}-{self.device}.png",
        )


@pytest.fixture
def walks(chromium, screenshot_dir) -> Callable[..., Iterator[Walk]]:
    """Walks in Kazakh and Russian, on a desktop and a phone, each in a fresh browser whose
    language is the walk's: `for walk in walks(live_server.url): ...`. A console error in
    a walk fails the test when the walk ends."""

    def generate(
        base_url: str,
        languages: tuple[str, ...] = ("kk", "ru"),
        devices: tuple[str, ...] = ("desktop", "phone"),
    ) -> Iterator[Walk]:
        for language in languages:
            for device in devices:
                context = chromium.new_context(
                    locale=BROWSER_LOCALES[language], **WINDOWS[device]
                )
                page = context.new_page()
                errors: list[str] = []
                page.on(
                    "console",
                    lambda message, errors=errors: (
                        errors.append(message.text) if message.type == "error" else None
                    ),
                )
                page.on(
                    "pageerror", lambda error, errors=errors: errors.append(str(error))
                )
                try:
                    yield Walk(language, device, page, base_url, screenshot_dir)
                finally:
                    context.close()
                assert errors == [], f"console errors ({language}, {device}): {errors}"

    return generate
