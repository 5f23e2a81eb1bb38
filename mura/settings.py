"""Mura settings: everything that varies per deployment comes from the environment."""

import logging
import os
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from pythonjsonlogger.core import RESERVED_ATTRS

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A variable set to an empty string keeps its default (`MURA_HTTPS=` in a compose file
# means "not set", not "off").
env.ENVIRON = {name: value for name, value in os.environ.items() if value}

DEBUG = env.bool("DEBUG", default=False)
DATA_DIR = Path(env.str("MURA_DATA_DIR", default=str(BASE_DIR / "var"))).resolve()


def demo_secret_key(data_dir: Path) -> str:
    """A random key kept under the data folder, so demo sessions survive restarts."""
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


# Read as it is: django-environ would take a key that begins with "$" for the name of
# another variable.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if env.bool("MURA_DEMO", default=False):
        SECRET_KEY = demo_secret_key(DATA_DIR)
    elif DEBUG:
        SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105 - DEBUG only
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (MURA_DEMO=1 generates one "
            "under MURA_DATA_DIR for a local demo)."
        )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", cast=str.strip, default=["127.0.0.1", "localhost", "[::1]"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", cast=str.strip, default=[])

INSTALLED_APPS = [
    "mura.portal",
    "mura.institutions",
    "mura.audit",
    "mura.news",
    "mura.comments",
    "mura.catalog",
    "mura.events",
    "mura.search",
    "mura.api",
    "mura.interop",
    "mura.exhibitions",
    "mura.iiif",
    "mura.statistics",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_htmx",
    "captcha",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "mura.portal.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "mura.iiif.middleware.ImageServiceMiddleware",
    "mura.portal.replica.ReplicaMiddleware",
    "mura.portal.middleware.ContentSecurityPolicyMiddleware",
    "mura.portal.page_cache.PageCacheHitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "mura.portal.middleware.AdminLanguageMiddleware",
    "mura.portal.middleware.NullCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "mura.audit.context.AuditAddressMiddleware",
    "mura.portal.middleware.RequestLimitMiddleware",
    "mura.portal.page_cache.PageCacheMiddleware",
    "mura.portal.middleware.SiteMiddleware",
    "mura.statistics.middleware.RecordViewsMiddleware",
]

ROOT_URLCONF = "mura.urls"
WSGI_APPLICATION = "mura.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under MURA_DATA_DIR unless DATABASE_URL points elsewhere.
DATABASES = {
    "default": {
        **env.db_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'mura.sqlite3'}"),
        "CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=0),
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A new data folder is made, not refused with "unable to open database file".
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL + a busy timeout keep concurrent readers and one writer from failing; a
    # memory-mapped file and a 64 MB page cache spare a big catalogue's searches most of
    # their reads (bench/search_bench.py: a 5,906-match search at 1M records 111 → 61 ms).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Seconds a writer waits for the lock; tests of lock handling shorten it.
            "timeout": env.float("MURA_SQLITE_TIMEOUT", default=20.0),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536;",
        }
    )
    # The database caches below (image renditions, page fragments, rate limits, the task
    # worker's heartbeat) get a file of their own: reading a page writes to them, and must
    # not wait while an import holds the catalogue's write lock.
    DATABASES["cache"] = {
        **DATABASES["default"],
        "NAME": str(Path(DATABASES["default"]["NAME"]).with_name("cache.sqlite3")),
        "OPTIONS": dict(DATABASES["default"]["OPTIONS"]),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A catalogue's pages are in memory or on SSD, where a random read costs about what
    # a sequential one does: at the default (4) the planner reads a frequent word's
    # matches by checking the vector of every row instead of through the GIN index, three
    # to ten times slower (docs/PERFORMANCE.md, "PostgreSQL at the targets").
    page_cost = env.float("MURA_PG_RANDOM_PAGE_COST", default=1.1)
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={page_cost}"
    )
# A PostgreSQL hot standby for readers' reads (portal/replica.py says which go there).
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL needs the primary on PostgreSQL (DATABASE_URL)."
        )
    replica = env.db_url_config(DATABASE_REPLICA_URL)
    DATABASES["replica"] = {
        **replica,
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        # The planner's costs are the primary's; the address may add its own options.
        "OPTIONS": {**DATABASES["default"]["OPTIONS"], **replica.get("OPTIONS", {})},
        # The tests' database on the standby is the primary's, replicated.
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = [
    "mura.portal.routers.CacheRouter",
    "mura.portal.replica.ReplicaRouter",
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches shared by every worker process and server (never per process): Redis when
# CACHE_URL is set, otherwise tables in the database that `migrate` creates. "limits"
# holds rate limits and CAPTCHA counters apart, so cached pages cannot evict them.
CACHE_URL = env.str("CACHE_URL", default="")
if CACHE_URL:
    CACHES = {
        alias: {
            "BACKEND": "mura.portal.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": alias,
        }
        for alias in ("default", "limits", "pages")
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "mura.portal.cache.AtomicDatabaseCache",
            "LOCATION": "mura_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "limits": {
            "BACKEND": "mura.portal.cache.AtomicDatabaseCache",
            "LOCATION": "mura_cache_limits",
            # Expired counters are deleted once there are more than this many.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        # Anonymous readers' pages (portal/page_cache.py), apart so they evict nothing else.
        "pages": {
            "BACKEND": "mura.portal.cache.AtomicDatabaseCache",
            "LOCATION": "mura_cache_pages",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
# How long an anonymous page is kept at most (0: never); any change readers see ends it
# sooner, and so does time for what depends on the clock ("upcoming", "registration open").
MURA_PAGE_CACHE_SECONDS = env.int("MURA_PAGE_CACHE_SECONDS", default=300)
# A process asks the shared cache for the content version at most this often: another
# process's change is seen within it, the process's own at once.
MURA_CONTENT_VERSION_READ_SECONDS = 1.0

# Background tasks: the database backend (worker started by `mura serve`).
TASKS = {
    "default": {
        "BACKEND": env.str(
            "MURA_TASK_BACKEND", default="django_tasks_db.DatabaseBackend"
        )
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kazakh first, then Russian and English.
LANGUAGE_CODE = "kk"
LANGUAGES = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Staff choose the admin's language in their account; Kazakh unless they chose.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
MURA_ADMIN_DEFAULT_LANGUAGE = "kk"
# Kazakh catalogues for the packages that ship none or a partial one (Wagtail's apps,
# Django's, the admin's third-party ones), one folder per package, in INSTALLED_APPS'
# order. LOCALE_PATHS outrank every app's own catalogue, the first listed winning, so
# Mura's apps are listed ahead of them: a message both use keeps Mura's wording.
PACKAGE_LOCALE_DIR = BASE_DIR / "locale" / "packages"
LOCALE_PATHS = [
    BASE_DIR / "locale",
    *(
        BASE_DIR / app.replace(".", "/") / "locale"
        for app in INSTALLED_APPS
        if app.startswith("mura.")
        and (BASE_DIR / app.replace(".", "/") / "locale").is_dir()
    ),
    *(
        PACKAGE_LOCALE_DIR / package
        for package in [*INSTALLED_APPS, "django.conf"]
        if (PACKAGE_LOCALE_DIR / package).is_dir()
    ),
]
FORMAT_MODULE_PATH = ["mura.formats"]
TIME_ZONE = "Asia/Almaty"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    # A private bucket: every file is served through /media/ (portal.views.media), where
    # the same access rules hold as for local files. Credentials come the way boto3 finds
    # them (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role).
    STORAGES["default"] = {
        "BACKEND": "mura.portal.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": env.str("MEDIA_S3_BUCKET"),
            "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("MEDIA_S3_REGION", default="") or None,
        },
    }
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE is either local or s3.")
WHITENOISE_USE_FINDERS = DEBUG
# The deep-zoom image viewer comes from npm (`make install`); without it pages show the
# plain images.
OPENSEADRAGON_DIR = (
    BASE_DIR / "node_modules" / "openseadragon" / "build" / "openseadragon"
)
MURA_IIIF_VIEWER = OPENSEADRAGON_DIR.is_dir()
# The demo's pictures of real size: felt squares across and down (12 by 7 is about 30 MP).
MURA_DEMO_IMAGE_CELLS = (12, 7)
# Natural Earth country shapes (npm world-atlas) for the travelling exhibitions' maps.
MURA_WORLD_ATLAS = BASE_DIR / "node_modules" / "world-atlas" / "countries-50m.json"
STATICFILES_DIRS = (
    [("vendor/openseadragon", OPENSEADRAGON_DIR)] if MURA_IIIF_VIEWER else []
)

# E-mail: console in development, SMTP via EMAIL_URL (smtp://user:pass@host:port); what
# the address leaves out keeps Django's default (host localhost, port 25).
globals().update(
    (name, value)
    for name, value in env.email_url("EMAIL_URL", default="consolemail://").items()
    if value is not None
)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Mura <noreply@localhost>")

MURA_RATELIMITS = env.str("MURA_RATELIMITS", default="on") != "off"
# Reverse proxies in front of Mura that add X-Forwarded-For (0: none, use REMOTE_ADDR).
MURA_PROXY_COUNT = env.int("MURA_PROXY_COUNT", default=0)
# Days the audit log (Wagtail's site history) keeps its entries before they are pruned.
MURA_AUDIT_RETENTION_DAYS = env.int("MURA_AUDIT_RETENTION_DAYS", default=730)
# Days the search log keeps a query (the "not found by readers" report reads it).
MURA_SEARCH_LOG_DAYS = env.int("MURA_SEARCH_LOG_DAYS", default=400)

# Wagtail
WAGTAIL_SITE_NAME = "Mura"
# The site's address, for links made without a request (e-mails, exports, the admin's
# links); `mura serve --host/--port` sets it for its processes when it is not set.
MURA_SITE_URL = env.str("MURA_SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = MURA_SITE_URL
# The sitemap is an index of sections of at most this many addresses each (a page of
# 5,000 with their alternates is about 2.4 MB and renders in about 2 s).
MURA_SITEMAP_SECTION_SIZE = 5_000
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Every download passes Wagtail's view, so closed records' files can be refused.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads (portal/uploads.py): images and documents up to MURA_UPLOAD_MAX_MB, their type
# read from their content. A document's extension lists the types its first bytes may
# name ("text": no binary signature); an Office or OpenDocument file is a ZIP archive whose
# parts some writers store in an order that only shows it as one.
MURA_UPLOAD_MAX_MB = env.int("MURA_UPLOAD_MAX_MB", default=100)
MURA_DOCUMENT_TYPES = {
    "csv": ["text"],
    "docx": ["docx", "zip"],
    "odt": ["odt", "zip"],
    "pdf": ["pdf"],
    "pptx": ["pptx", "zip"],
    "rtf": ["rtf"],
    "txt": ["text"],
    "xlsx": ["xlsx", "zip"],
    "zip": ["zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"],
}
WAGTAILDOCS_EXTENSIONS = list(MURA_DOCUMENT_TYPES)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "mura.portal.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "mura.portal.uploads.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MURA_UPLOAD_MAX_MB * 1024 * 1024
# Beyond this an image is refused before it is decoded (a decompression bomb).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("MURA_IMAGE_MAX_PIXELS", default=100_000_000)
# Import files (MARC, CSV) of a whole catalogue are bigger than any scan.
MURA_IMPORT_MAX_MB = env.int("MURA_IMPORT_MAX_MB", default=1024)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "tif", "tiff"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_PASSWORD_RESET_ENABLED = True
# No avatars from Gravatar: staff e-mail hashes stay here, and an offline demo shows
# Wagtail's own placeholder instead of broken images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGIN_URL = "wagtailadmin_login"

# Security: strict by default, relaxed only where DEBUG says so.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    HTTPS = env.bool("MURA_HTTPS", default=not env.bool("MURA_DEMO", default=False))
    SESSION_COOKIE_SECURE = HTTPS
    CSRF_COOKIE_SECURE = HTTPS
    SECURE_SSL_REDIRECT = HTTPS and env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
    # SAMEORIGIN, not DENY, is deliberate: Wagtail shows a page's preview in a frame.
    # Without HTTPS, mura.W006 says in one warning what Django's four would.
    SILENCED_SYSTEM_CHECKS = ["security.W019"] + (
        []
        if HTTPS
        else ["security.W004", "security.W008", "security.W012", "security.W016"]
    )
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Content-Security-Policy: our own scripts and styles only; Wagtail's admin needs inline.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # The hash lets in the one <style> element OpenSeadragon adds (its focus outline
        # on touch screens); the deep-zoom journey test fails if it changes.
        "style-src": [SELF, "'sha256-9xTiqzfwFaL2SGb1rmr8gysEwVVjIvqWAgmZgqFqpEE='"],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Logs go to standard error: text lines, or with MURA_LOG_FORMAT=json one JSON object a
# line, with one line per request (portal/request_log.py). The task worker writes a line
# per task only with `mura worker -v 2`.
MURA_LOG_FORMAT = env.str("MURA_LOG_FORMAT", default="text")
# ... and Python's warnings become log records, so every line is JSON.
logging.captureWarnings(MURA_LOG_FORMAT == "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {
                "asctime": "time",
                "levelname": "level",
                "name": "logger",
            },
            "json_ensure_ascii": False,
            # Django's request logs carry the request, whose address has the query.
            "reserved_attrs": [*RESERVED_ATTRS, "request"],
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if MURA_LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "mura.requests": {"level": "INFO" if MURA_LOG_FORMAT == "json" else "WARNING"},
    },
}


# Comments: a picture code stays valid long enough to write a thoughtful comment.
CAPTCHA_TIMEOUT = 30

# OAI-PMH (interop): the address harvesters' operators write to (Identify's adminEmail).
MURA_OAI_ADMIN_EMAIL = env.str("MURA_OAI_ADMIN_EMAIL", default="catalogue@example.org")

# Sign-in throttling (django-axes): an account is locked after AXES_FAILURE_LIMIT
# failed passwords from anywhere, and an address after as many on any accounts, for
# the cool-off time; union admins unlock sooner under Settings → Sign-in lockouts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Failures expire with the cool-off only: axes' reset on success would also wipe every
# failure from the signing-in address, so anyone with an account could guess another's
# password four times, sign in to their own, and guess again.
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Failures are logged with the account and the address (never the password).
AXES_SENSITIVE_PARAMETERS: list[str] = []
AXES_VERBOSE = False  # no start-up banner on every command
AXES_CLIENT_IP_CALLABLE = "mura.portal.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "mura.institutions.lockouts.lockout_response"
WAGTAILADMIN_USER_LOGIN_FORM = "mura.institutions.forms.AdminLoginForm"
