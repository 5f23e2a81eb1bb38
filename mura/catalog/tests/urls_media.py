"""The site's URLs plus media files, for the live-server browser tests (DEBUG is off there)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from mura.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
