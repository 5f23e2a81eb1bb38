"""axe-core finds no violation and the Nu Html Checker no error, on the pages of every app
and every page the readers' journeys visit, in Kazakh and Russian.

Both checkers are real programs (npm @axe-core/cli driving Debian's chromium through
chromium-driver, and vnu-jar on Java) run against the full demo served by a live server."""

import json
import shutil
import subprocess
import urllib.request

import pytest
from django.utils import translation

from mura.catalog.models import Access, Kind, Person, Resource
from mura.conftest import ROOT, require
from mura.events.models import EventPage
from mura.events.services import registration_create
from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage

AXE = ROOT / "node_modules" / ".bin" / "axe"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROME_OPTIONS = "headless,no-sandbox,disable-gpu,disable-background-networking,disable-component-update,disable-sync,no-first-run"

pytestmark = pytest.mark.browser


def demo_paths() -> list[str]:
    """One page of each kind the portal has, in Kazakh; the Russian twin is added below."""

    def kk_page(model) -> str:
        return model.objects.live().filter(locale__language_code="kk").first().url

    items = Resource.objects.filter(access=Access.PUBLIC, is_deleted=False)
    auezov = Person.objects.get(name_kk="Әуезов, Мұхтар")
    return [
        "/",
        "/institutions/",
        "/institutions/tazhibaev-library/",
        "/news/",
        "/news/elbasy-library-information-resources-session/",
        "/news/international-forum-toraighyrov-library-125/",
        "/catalog/",
        items.filter(kind=Kind.BOOK).first().get_absolute_url(),
        items.filter(kind=Kind.FILE).first().get_absolute_url(),
        items.filter(kind=Kind.MUSEUM_OBJECT).first().get_absolute_url(),
        auezov.get_absolute_url(),
        f"/catalog/?person={auezov.pk}",
        "/events/",
        "/events/calendar/?month=2020-06",
        kk_page(EventPage),
        "/events/international-forum-toraighyrov-library-125/",
        "/exhibitions/",
        "/exhibitions/?show=travelling",
        kk_page(ExhibitionPage),
        kk_page(ArtifactStoryPage),
        "/search/?q=кітапхана",
        "/search/?q=Абай",
    ]


def registration_paths() -> list[str]:
    """The upcoming event's registration form and one person's confirmation page."""
    event = (
        EventPage.objects.live()
        .filter(locale__language_code="kk", sections__registrable=True)
        .upcoming()
        .first()
    )
    registration = registration_create(
        event=event,
        data={
            "name": "Әлия Сәрсенова",
            "email": "aliya@example.kz",
            "organisation": "Облыстық кітапхана",
            "country": "KZ",
            "consent": True,
            "answers": {f"question_{q.pk}": "yes" for q in event.questions.all()},
        },
        sections=event.sections.filter(registrable=True)[:1],
    )
    return [
        event.url + event.reverse_subpage("register_view"),
        event.url
        + event.reverse_subpage("registration_view", args=(registration.token,)),
    ]


@pytest.fixture
def demo_urls(live_full_demo):
    with translation.override(
        "kk"
    ):  # unprefixed addresses, whatever an earlier test left active
        paths = demo_paths() + registration_paths()
    return live_full_demo.url, paths + ["/ru" + path for path in paths]


def test_every_page_is_accessible_and_valid(demo_urls, tmp_path):
    require(AXE.exists(), "axe-core CLI is not installed (run `make install`)")
    require(shutil.which(CHROMEDRIVER) is not None, "chromium-driver is not installed")
    require(VNU.exists(), "vnu-jar is not installed (run `make install`)")
    require(shutil.which("java") is not None, "Java is not installed")
    base, paths = demo_urls
    urls = [base + urllib.request.quote(path, safe="/?=&") for path in paths]

    report = tmp_path / "axe.json"
    run = subprocess.run(
        [
            str(AXE),
            *urls,
            "--chromedriver-path",
            CHROMEDRIVER,
            f"--chrome-options={CHROME_OPTIONS}",
            "--tags",
            "wcag2a,wcag2aa,wcag21a,wcag21aa",
            "--dir",
            str(tmp_path),
            "--save",
            report.name,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert report.exists(), run.stdout + run.stderr
    results = json.loads(report.read_text())
    assert len(results) == len(urls)
    violations = [
        f"{result['url']}: {violation['id']} ({violation['impact']}) at {[n['target'] for n in violation['nodes']]}"
        for result in results
        for violation in result["violations"]
    ]

    files = []
    for number, url in enumerate(urls):
        with urllib.request.urlopen(url) as response:  # noqa: S310
            page = tmp_path / f"page{number}.html"
            page.write_bytes(response.read())
            files.append(str(page))
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(checked.stderr or '{"messages": []}')["messages"]
    invalid = [
        f"{paths[files.index(m['url'].removeprefix('file:'))]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not violations and not invalid, "\n".join(violations + invalid)
