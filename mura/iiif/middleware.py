"""IIIF images answered ahead of the page machinery: a tile needs no session, language,
CSRF check, user or page cache, as WhiteNoise's static files need none. Placed right after
WhiteNoise (the service is mounted at /iiif/3/ in mura/urls.py); every other address goes
on down the middleware as usual."""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from mura.iiif import views

IMAGE = re.compile(rf"^/iiif/3/{views.IMAGE_SEGMENTS}$")


class ImageServiceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        match = IMAGE.match(request.path_info)
        if match is None:
            return self.get_response(request)
        found = match.groupdict()
        return views.image(request, **{**found, "image_id": int(found["image_id"])})
