"""The IIIF addresses: image information and images, record manifests, and the
collections of exhibitions and stories. Every answer may be read from any origin."""

from functools import wraps

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotFound,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from mura.catalog.models import Resource
from mura.exhibitions.models import ArtifactStoryPage, ExhibitionPage
from mura.exhibitions.seo import featured_records
from mura.iiif import image_api, presentation
from mura.iiif.access import public_image
from mura.portal.addresses import site_url

IMAGE_CONTEXT = 'application/ld+json;profile="http://iiif.io/api/image/3/context.json"'
PRESENTATION_CONTEXT = (
    'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
)
#: An image request's address after the service's: /<id>/<region>/<size>/<rotation>/<q>.<f>
IMAGE_SEGMENTS = (
    r"(?P<image_id>\d+)/(?P<region>[^/]+)/(?P<size>[^/]+)"
    r"/(?P<rotation>[^/]+)/(?P<quality_format>[^/]+)"
)
#: Rendered images never change under their address (a new file gets a new hash).
IMAGE_MAX_AGE = 60 * 60 * 24


def cors(view):
    """IIIF clients are pages on other sites: let them read every answer."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return require_GET(wrapped)


def _json(data: dict, content_type: str, request: HttpRequest) -> JsonResponse:
    accepts_ld = "application/ld+json" in request.headers.get("Accept", "")
    return JsonResponse(
        data,
        content_type=content_type if accepts_ld else "application/json",
        json_dumps_params={"ensure_ascii": False},
    )


def _image_or_404(image_id: int):
    image = public_image(image_id)
    if image is None:
        raise Http404("No public image with this identifier.")
    return image


@cors
def image_base(request: HttpRequest, image_id: int) -> HttpResponse:
    return HttpResponseRedirect(reverse("iiif:info", args=[image_id]), status=303)


@cors
def info(request: HttpRequest, image_id: int) -> HttpResponse:
    image = _image_or_404(image_id)
    service_id = site_url(request) + reverse("iiif:image", args=[image_id])
    return _json(image_api.info(image, service_id), IMAGE_CONTEXT, request)


def image_answer(
    request: HttpRequest,
    image_id: int,
    region: str,
    size: str,
    rotation: str,
    quality_format: str,
) -> HttpResponse:
    """One drawn image (a tile, mostly), or a plain-text error. It needs nothing of the
    page machinery, so `ImageServiceMiddleware` answers it ahead of it."""
    picture = public_image(image_id)
    if picture is None:
        return HttpResponseNotFound(
            "No public image with this identifier.",
            content_type="text/plain; charset=utf-8",
        )
    try:
        wanted = image_api.parse(picture, region, size, rotation, quality_format)
    except image_api.ImageRequestError as error:
        return HttpResponse(
            str(error), status=error.status, content_type="text/plain; charset=utf-8"
        )
    response = HttpResponse(
        image_api.rendered(picture, wanted), content_type=wanted.media_type
    )
    response["Cache-Control"] = f"public, max-age={IMAGE_MAX_AGE}"
    service = request.path.rsplit("/", 4)[0]
    canonical = f"{service}/{wanted.canonical}"
    response["Link"] = (
        f'<{site_url(request)}{canonical}>;rel="canonical", '
        '<http://iiif.io/api/image/3/level2.json>;rel="profile"'
    )
    return response


image = cors(image_answer)


@cors
def manifest(request: HttpRequest, public_id: str) -> HttpResponse:
    resource = get_object_or_404(
        Resource.objects.public()
        .select_related("institution")
        .prefetch_related("files__image"),
        public_id=public_id,
    )
    document = presentation.manifest(resource, base=site_url(request))
    if not document["items"]:
        raise Http404("This record has no public images.")
    return _json(document, PRESENTATION_CONTEXT, request)


@cors
def collection(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if isinstance(page, ExhibitionPage):
        records = featured_records(page)
    elif isinstance(page, ArtifactStoryPage):
        records = [page.public_artifact, *page.public_related_items()]
    else:
        raise Http404("Only exhibitions and artifact stories have collections.")
    # The exhibition's and the story's records come with their files and images.
    document = presentation.collection(
        page, [record for record in records if record], base=site_url(request)
    )
    return _json(document, PRESENTATION_CONTEXT, request)
