import posixpath

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database reachability for load balancers and monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


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
    """Uploaded files from local storage (MEDIA_STORAGE=local), read from MEDIA_ROOT per request.

    Documents are only served through /documents/<id>/<name>, where their records'
    access is checked, never by their storage path."""
    if posixpath.normpath(path).lstrip("/").startswith("documents/"):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
