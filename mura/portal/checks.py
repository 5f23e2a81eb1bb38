"""Mura's deployment checks (``mura check --deploy``): each names what is wrong with the
running configuration, what it costs readers or staff, and what to set instead. Django's
own deployment checks run beside them."""

import importlib.util
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"}  # noqa: S104


def _site_host() -> str:
    return urlsplit(settings.MURA_SITE_URL).hostname or ""


@register(Tags.security, deploy=True)
def debug_check(app_configs, **kwargs) -> list:
    if not settings.DEBUG:
        return []
    return [
        Warning(
            "DEBUG is on: an error shows readers the code, the settings and the "
            "database queries behind the page, and static files are not compressed.",
            hint="Remove DEBUG from the environment (or set DEBUG=off).",
            id="mura.W001",
        )
    ]


@register(Tags.security, deploy=True)
def secret_key_check(app_configs, **kwargs) -> list:
    demo_key = Path(settings.DATA_DIR) / "secret_key"
    generated = (
        demo_key.is_file() and demo_key.read_text().strip() == settings.SECRET_KEY
    )
    if not (generated or settings.SECRET_KEY.startswith("insecure-")):
        return []
    return [
        Warning(
            "SECRET_KEY is the demo's generated key (MURA_DEMO=1) or the development "
            "key: anyone who reads the data folder or this code can forge sessions "
            "and password-reset links.",
            hint="Set SECRET_KEY to a long random value kept out of the data folder, "
            'e.g. python3 -c "import secrets; print(secrets.token_urlsafe(50))", '
            "and remove MURA_DEMO.",
            id="mura.W002",
        )
    ]


@register(Tags.security, deploy=True)
def site_url_check(app_configs, **kwargs) -> list:
    host = _site_host()
    if host in LOCAL_HOSTS:
        return [
            Warning(
                f"MURA_SITE_URL is {settings.MURA_SITE_URL}: links in e-mails, exports "
                "and the admin point at this machine, not at the public site.",
                hint="Set MURA_SITE_URL to the public address, e.g. "
                "https://mura.example.kz.",
                id="mura.W003",
            )
        ]
    problems = []
    if urlsplit(settings.MURA_SITE_URL).scheme != "https":
        problems.append(
            Warning(
                f"MURA_SITE_URL is {settings.MURA_SITE_URL}: registration links and "
                "password resets sent by e-mail travel unencrypted.",
                hint="Serve the site over TLS (docs/OPERATIONS.md) and set "
                "MURA_SITE_URL to its https:// address.",
                id="mura.W004",
            )
        )
    hosts = settings.ALLOWED_HOSTS
    if "*" not in hosts and host not in hosts and f".{host}" not in hosts:
        problems.append(
            Warning(
                f"ALLOWED_HOSTS ({', '.join(hosts)}) does not name {host}, the host of "
                "MURA_SITE_URL: every request to the public address is answered with "
                "400 Bad Request.",
                hint=f"Add {host} to ALLOWED_HOSTS (comma-separated).",
                id="mura.W005",
            )
        )
    return problems


@register(Tags.security, deploy=True)
def https_check(app_configs, **kwargs) -> list:
    if settings.DEBUG or settings.SESSION_COOKIE_SECURE:
        return []
    return [
        Warning(
            "MURA_HTTPS is off: session and CSRF cookies may travel over plain HTTP, "
            "browsers are not told to insist on HTTPS (HSTS) and HTTP is not "
            "redirected. Django's own warnings about these settings are silenced.",
            hint="Terminate TLS in nginx with X-Forwarded-Proto set (deploy/nginx/"
            "mura.conf) and remove MURA_HTTPS=off.",
            id="mura.W006",
        )
    ]


@register(Tags.caches, deploy=True)
def cache_check(app_configs, **kwargs) -> list:
    if not settings.CACHE_URL:
        return [
            Warning(
                "CACHE_URL is not set: cached pages, rate limits and the CAPTCHA store "
                "are tables in the database, which one server with a few workers "
                "can use but which add a database write to many requests.",
                hint="Run Redis and set CACHE_URL=redis://127.0.0.1:6379/0; it is "
                "required when more than one server shares the database.",
                id="mura.W007",
            )
        ]
    from django.core.cache import caches  # noqa: PLC0415 - only when Redis is named

    try:
        caches["default"].get("mura-check")
    except Exception as error:
        return [
            Error(
                f"The cache at CACHE_URL does not answer ({error}): every page that "
                "reads the cache fails.",
                hint="Start Redis or correct CACHE_URL.",
                id="mura.E001",
            )
        ]
    return []


@register(Tags.files, deploy=True)
def media_check(app_configs, **kwargs) -> list:
    storage = settings.MEDIA_STORAGE
    if storage not in {"local", "s3"}:
        return [
            Error(
                f"MEDIA_STORAGE is {storage!r}: only local and s3 are known, so "
                "uploads are kept in the data folder.",
                hint="Set MEDIA_STORAGE=local or MEDIA_STORAGE=s3.",
                id="mura.E002",
            )
        ]
    if storage == "s3":
        if importlib.util.find_spec("storages") is None:
            return [
                Error(
                    "MEDIA_STORAGE is s3 but django-storages is not installed: no "
                    "image or document can be stored or served.",
                    hint="Install django-storages with boto3 in the virtualenv.",
                    id="mura.E003",
                )
            ]
        if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
            return [
                Error(
                    "MEDIA_STORAGE is s3 but AWS_STORAGE_BUCKET_NAME is not set.",
                    hint="Set AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL and the "
                    "access keys of the bucket.",
                    id="mura.E004",
                )
            ]
        return []
    media = Path(settings.MEDIA_ROOT)
    if media.exists() and not os.access(media, os.W_OK):
        return [
            Error(
                f"The media folder {media} cannot be written: uploads fail.",
                hint="Give the service's user write access to MURA_DATA_DIR.",
                id="mura.E005",
            )
        ]
    return []


@register(Tags.database, deploy=True)
def database_check(app_configs, **kwargs) -> list:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return []
    return [
        Warning(
            "The database is SQLite: one writer at a time, so a large import slows "
            "staff edits, and no second server can share it.",
            hint="For a portal with several cataloguing teams or servers, create a "
            "PostgreSQL database and set DATABASE_URL=postgres://...; mura backup "
            "and mura restore move the content.",
            id="mura.W008",
        )
    ]


@register(Tags.compatibility, deploy=True)
def email_check(app_configs, **kwargs) -> list:
    problems = []
    if settings.EMAIL_BACKEND.endswith(("console.EmailBackend", "dummy.EmailBackend")):
        problems.append(
            Warning(
                "EMAIL_URL is not set: registration confirmations, password resets "
                "and moderation notices are written to the log, never sent.",
                hint="Set EMAIL_URL=smtp+tls://user:password@smtp.example.kz:587.",
                id="mura.W009",
            )
        )
    if settings.DEFAULT_FROM_EMAIL.rstrip(">").endswith("@localhost"):
        problems.append(
            Warning(
                f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL}: mail servers "
                "reject or file as spam messages from a local address.",
                hint="Set DEFAULT_FROM_EMAIL to an address of the site's domain, e.g. "
                '"Mura <noreply@mura.example.kz>".',
                id="mura.W010",
            )
        )
    if settings.MURA_OAI_ADMIN_EMAIL.endswith("@example.org"):
        problems.append(
            Warning(
                "MURA_OAI_ADMIN_EMAIL is the example address: harvesters have no one "
                "to write to about the OAI-PMH feed.",
                hint="Set MURA_OAI_ADMIN_EMAIL to the catalogue team's address.",
                id="mura.W011",
            )
        )
    return problems


@register(Tags.security, deploy=True)
def ratelimit_check(app_configs, **kwargs) -> list:
    if settings.MURA_RATELIMITS:
        return []
    return [
        Warning(
            "MURA_RATELIMITS is off: comments, registrations and CAPTCHA refreshes "
            "can be sent without limit.",
            hint="Remove MURA_RATELIMITS=off (it is meant for load tests only).",
            id="mura.W012",
        )
    ]


@register(Tags.staticfiles, deploy=True)
def viewer_check(app_configs, **kwargs) -> list:
    if settings.MURA_IIIF_VIEWER:
        return []
    return [
        Warning(
            f"The deep-zoom image viewer is missing ({settings.OPENSEADRAGON_DIR}): "
            "record and exhibition pages show plain images that cannot be zoomed.",
            hint="Run npm ci in the checkout (make install does), then restart.",
            id="mura.W013",
        )
    ]
