import copy
import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.db.models import Case, Count, F, Min, When
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
)
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail import views as wagtail_views
from wagtail.models import Site

from mura.portal.content_version import content_cached
from mura.portal.storage import PRIVATE_FOLDERS
from mura.portal.worker import heartbeat_age, uses_database_worker

#: /healthz reports the queue as not moving when a task has waited this long.
QUEUE_STUCK_SECONDS = 300


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness, database reachability and, where tasks wait in the database, whether
    a worker is alive and the queue moving (503 naming what is wrong)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    answer: dict = {"status": "ok", "database": "ok"}
    if uses_database_worker():
        try:
            answer.update(_background_work())
        except DatabaseError:  # not migrated yet
            answer.update(worker="unknown", status="degraded")
    return JsonResponse(answer, status=200 if answer["status"] == "ok" else 503)


def _background_work() -> dict:
    age = heartbeat_age()
    ready = DBTaskResult.objects.ready().annotate(
        ready_since=Case(
            When(run_after=get_date_max(), then=F("enqueued_at")),
            default=F("run_after"),
        )
    )
    waiting = ready.aggregate(count=Count("id"), oldest=Min("ready_since"))
    oldest = (
        (timezone.now() - waiting["oldest"]).total_seconds() if waiting["oldest"] else 0
    )
    work = {
        "worker": "running" if age is not None else "stopped",
        "queue": {"ready": waiting["count"], "oldest_seconds": round(oldest)},
    }
    if age is None or oldest > QUEUE_STUCK_SECONDS:
        work["status"] = "degraded"
    return work


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        "Disallow: /search/",
        "Disallow: /*/search/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


@require_GET
def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded files, read per request from MEDIA_ROOT or the private S3 bucket.

    Documents are only served through /documents/<id>/<name> and IIIF images through
    /iiif/3/, where their records' access is checked, never by their storage path; files
    waiting for an import are never served."""
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith(PRIVATE_FOLDERS):
        raise Http404
    if settings.MEDIA_STORAGE == "local":
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    try:
        file = default_storage.open(name)
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(file)


def page_serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's ``serve``, routed from the site's home page in the reader's language as
    read once per content version (Wagtail reads the locale, the translation and the
    home page's own row on every request)."""
    site = Site.find_for_request(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        home = content_cached(
            f"site-home:{site.pk}:{translation.get_language()}",
            lambda: site.root_page.localized.specific,
        )
        try:
            request._wagtail_route_for_request = copy.copy(home).route(
                request, [component for component in path.split("/") if component]
            )
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
