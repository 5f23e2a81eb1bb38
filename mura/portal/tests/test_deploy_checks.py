"""`mura check --deploy` names each misconfiguration, what it costs and what to set."""

import os
import subprocess
import sys

import pytest
from django.core.checks.registry import registry

from mura.comments.tests.test_shared_limits import redis_available
from mura.conftest import require

#: A configuration with nothing to warn about (apart from the viewer, checked below).
GOOD = {
    "DEBUG": False,
    "SECRET_KEY": "a-long-random-key-" + "x" * 40,
    "MURA_SITE_URL": "https://mura.example.kz",
    "ALLOWED_HOSTS": ["mura.example.kz"],
    "SESSION_COOKIE_SECURE": True,
    "CACHE_URL": "",
    "MEDIA_STORAGE": "local",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "DEFAULT_FROM_EMAIL": "Mura <noreply@mura.example.kz>",
    "MURA_OAI_ADMIN_EMAIL": "catalogue@mura.example.kz",
    "MURA_RATELIMITS": True,
    "MURA_IIIF_VIEWER": True,
}


def mura_ids(settings, **changes) -> set[str]:
    for name, value in {**GOOD, **changes}.items():
        setattr(settings, name, value)
    found = registry.run_checks(include_deployment_checks=True)
    return {message.id for message in found if message.id.startswith("mura.")}


def test_a_good_configuration_has_only_the_cache_and_database_advice(
    settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    expected = {"mura.W007"}
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        expected.add("mura.W008")
    assert mura_ids(settings) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"DEBUG": True}, "mura.W001"),
        (
            {"SECRET_KEY": "insecure-development-key-never-use-in-production"},
            "mura.W002",
        ),
        ({"MURA_SITE_URL": "http://127.0.0.1:8000"}, "mura.W003"),
        ({"MURA_SITE_URL": "http://mura.example.kz"}, "mura.W004"),
        ({"ALLOWED_HOSTS": ["127.0.0.1", "localhost"]}, "mura.W005"),
        ({"SESSION_COOKIE_SECURE": False}, "mura.W006"),
        ({"CACHE_URL": "redis://127.0.0.1:1/0"}, "mura.E001"),
        ({"MEDIA_STORAGE": "nfs"}, "mura.E002"),
        (
            {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
            "mura.W009",
        ),
        ({"DEFAULT_FROM_EMAIL": "Mura <noreply@localhost>"}, "mura.W010"),
        ({"MURA_OAI_ADMIN_EMAIL": "catalogue@example.org"}, "mura.W011"),
        ({"MURA_RATELIMITS": False}, "mura.W012"),
        ({"MURA_IIIF_VIEWER": False}, "mura.W013"),
    ],
)
def test_each_misconfiguration_is_named(settings, tmp_path, changes, expected):
    settings.DATA_DIR = tmp_path
    if "CACHE_URL" in changes:
        settings.CACHES = {
            **settings.CACHES,
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": changes["CACHE_URL"],
            },
        }
    assert expected in mura_ids(settings, **changes)


def test_the_demo_key_is_recognised(settings, tmp_path):
    (tmp_path / "secret_key").write_text("generated-demo-key\n")
    settings.DATA_DIR = tmp_path
    assert "mura.W002" in mura_ids(settings, SECRET_KEY="generated-demo-key")


def test_a_reachable_redis_is_not_reported(settings, tmp_path):
    require(redis_available(), "Redis is not running at 127.0.0.1:6379")
    settings.DATA_DIR = tmp_path
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/5",
        },
    }
    ids = mura_ids(settings, CACHE_URL="redis://127.0.0.1:6379/5")
    assert not ids & {"mura.E001", "mura.W007"}


def test_the_command_explains_a_demo_configuration_in_words(tmp_path):
    """What an operator sees who copied the demo's settings to a server."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mura.settings",
        "MURA_DEMO": "1",
        "MURA_DATA_DIR": str(tmp_path),
        "MURA_SITE_URL": "http://library.example.kz",
    }
    for name in ("SECRET_KEY", "DEBUG", "CACHE_URL", "EMAIL_URL", "ALLOWED_HOSTS"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "mura.cli", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert "(mura.W002) SECRET_KEY is the demo's generated key" in output
    assert "(mura.W004) MURA_SITE_URL is http://library.example.kz" in output
    assert "HINT: Add library.example.kz to ALLOWED_HOSTS" in output
    assert "(mura.W006) MURA_HTTPS is off" in output
    assert "(mura.W009) EMAIL_URL is not set" in output
    assert "HINT: Set EMAIL_URL=smtp+tls://" in output
