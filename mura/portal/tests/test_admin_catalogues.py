"""The Kazakh catalogues of the packages the admin shows (locale/packages/) are complete,
correct for gettext, keep every placeholder and tag, and follow the installed versions."""

import importlib.util
import re
import subprocess
from gettext import GNUTranslations
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

PACKAGES = settings.PACKAGE_LOCALE_DIR

# (package, gettext domain): every catalogue of an installed app that staff read in the
# admin, each to be translated in full.
CATALOGUES = [
    ("wagtail.admin", "django"),
    ("wagtail.admin", "djangojs"),
    ("wagtail", "django"),
    ("wagtail.users", "django"),
    ("wagtail.images", "django"),
    ("wagtail.documents", "django"),
    ("wagtail.snippets", "django"),
    ("wagtail.search", "django"),
    ("wagtail.locales", "django"),
    ("wagtail.sites", "django"),
    ("wagtail.embeds", "django"),
    ("wagtail.contrib.forms", "django"),
    ("wagtail.contrib.redirects", "django"),
    ("wagtail.contrib.settings", "django"),
    ("wagtail.contrib.simple_translation", "django"),
    ("django.conf", "django"),
    ("django.contrib.auth", "django"),
    ("django.contrib.contenttypes", "django"),
    ("django.contrib.humanize", "django"),
    ("taggit", "django"),
    ("django_filters", "django"),
    ("axes", "django"),
    ("captcha", "django"),
]

# Messages whose Kazakh is rightly the English text: names, codes and numbers.
SAME_AS_ENGLISH = {
    "URL",
    "ID",
    "CSV",
    "XLSX",
    "Wagtail",
    "Wagtail API v2",
    "Wagtail API v3",
    "JPEG",
    "PNG",
    "GIF",
    "WebP",
    "AVIF",
    "SVG",
    "HEIC",
    "HTML",
    "alt",
    "UUID",
    "IP",
    "IPv4",
    "IPv6",
    "HTTP Accept",
    "Taggit",
}
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdfir]|%[sdfir]|\{[a-z_0-9]*\}"
)
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _catalogue_path(package: str, domain: str) -> Path:
    return PACKAGES / package / "kk" / "LC_MESSAGES" / f"{domain}.po"


def _english_template(package: str, domain: str) -> Path:
    """The package's English catalogue, or its Russian one where it ships no English
    (django-axes, django-filter): either lists every message id."""
    locale = (
        Path(importlib.util.find_spec(package).submodule_search_locations[0]) / "locale"
    )
    english = locale / "en" / "LC_MESSAGES" / f"{domain}.po"
    return (
        english if english.exists() else locale / "ru" / "LC_MESSAGES" / f"{domain}.po"
    )


def _messages(path: Path):
    with path.open("rb") as handle:
        return [message for message in read_po(handle) if message.id]


def _pairs(message):
    """(English, Kazakh) pairs: one for a simple message, each form for a plural one."""
    if isinstance(message.id, tuple):
        singular, plural = message.id
        return [
            (singular, message.string[0]),
            *((plural, s) for s in message.string[1:]),
        ]
    return [(message.id, message.string)]


@pytest.fixture(params=CATALOGUES, ids=lambda catalogue: ":".join(catalogue))
def catalogue(request):
    package, domain = request.param
    path = _catalogue_path(package, domain)
    assert path.exists(), f"no Kazakh catalogue for {package} ({domain}) at {path}"
    return package, domain, path


def test_every_message_is_translated(catalogue):
    _package, _domain, path = catalogue
    messages = _messages(path)
    untranslated = [m.id for m in messages if not all(s for _en, s in _pairs(m))]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:5]}"
    assert not fuzzy


def test_the_catalogue_follows_the_installed_package(catalogue):
    """A Wagtail or Django upgrade that adds messages shows here until they are translated."""
    package, domain, path = catalogue
    ours = {(m.context, m.id) for m in _messages(path)}
    theirs = {(m.context, m.id) for m in _messages(_english_template(package, domain))}
    missing = theirs - ours
    assert not missing, (
        f"{len(missing)} new messages in {package}: {sorted(missing)[:5]}"
    )


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_placeholders_and_tags_are_kept(catalogue):
    """Each form keeps its English placeholders and tags; a singular form may name the
    count its English leaves out ("1 бет" for "one page") but nothing else."""
    _package, _domain, path = catalogue
    for message in _messages(path):
        if isinstance(message.id, tuple):
            every = set(_placeholders(" ".join(message.id)))
            for kazakh in message.string:
                assert set(_placeholders(kazakh)) <= every, (message.id, kazakh)
            assert set(_placeholders(message.string[-1])) == set(
                _placeholders(message.id[1])
            ), (message.id, message.string)
        else:
            assert _placeholders(message.string) == _placeholders(message.id), (
                message.id,
                message.string,
            )
        for english, kazakh in _pairs(message):
            assert sorted(TAG.findall(kazakh)) == sorted(TAG.findall(english)), (
                english,
                kazakh,
            )


def test_no_message_is_left_in_english(catalogue):
    _package, _domain, path = catalogue
    left = [
        english
        for message in _messages(path)
        for english, kazakh in _pairs(message)
        if kazakh == english
        and english.strip() not in SAME_AS_ENGLISH
        and re.search(r"[A-Za-z]{2}", PLACEHOLDER.sub("", TAG.sub("", english)))
    ]
    assert not left, left


def test_msgfmt_checks_it_and_the_committed_mo_matches(catalogue, tmp_path):
    _package, _domain, path = catalogue
    compiled = tmp_path / "compiled.mo"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    with compiled.open("rb") as fresh, path.with_suffix(".mo").open("rb") as committed:
        assert GNUTranslations(fresh)._catalog == GNUTranslations(committed)._catalog


def test_kazakh_plural_forms(catalogue):
    """After a numeral a Kazakh noun stays singular ("5 бет"): two forms, as Django's kk."""
    _package, _domain, path = catalogue
    header = path.read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in header
    assert '"Language: kk\\n"' in header


def test_every_installed_admin_catalogue_is_listed():
    """A Wagtail app added to INSTALLED_APPS with strings of its own needs Kazakh too."""
    listed = {package for package, _domain in CATALOGUES}
    for app in settings.INSTALLED_APPS:
        if not app.startswith("wagtail"):
            continue
        spec = importlib.util.find_spec(app)
        locale = Path(spec.submodule_search_locations[0]) / "locale" / "en"
        if locale.is_dir():
            assert app in listed, app
