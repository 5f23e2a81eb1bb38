"""Test settings: speed-only overrides of mura.settings."""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key")
os.environ.setdefault("MURA_RATELIMITS", "on")

from mura.settings import *  # noqa: F403
from mura.settings import DATABASES, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each test starts with empty caches (mura/conftest.py); the shared backends are tested
# with real worker processes in mura/comments/tests/test_shared_limits.py.
# ... so the database the caches would live in on SQLite is not made for the tests.
DATABASES.pop("cache", None)
CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": alias,
    }
    for alias in ("default", "limits", "pages")
}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
MURA_SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# The demo's large pictures at 2.5 MP, under the size whose tiles are drawn ahead.
MURA_DEMO_IMAGE_CELLS = (2, 1)
# Pages are kept for anonymous readers only in mura/portal/tests/test_page_cache.py, so the
# other tests see each change they make without saying it moved the content version.
MURA_PAGE_CACHE_SECONDS = 0
# Each test empties the caches, so each reads the content version afresh.
MURA_CONTENT_VERSION_READ_SECONDS = 0
