"""Background work: a large image's tiles are drawn ahead, so the first reader to zoom
into it does not wait for each tile."""

from django_tasks import task

from mura.iiif import image_api
from mura.iiif.access import public_image
from mura.iiif.tiles import tile_requests

#: Images with more pixels than this get their tiles drawn ahead.
LARGE_IMAGE = 4_000_000


@task()
def image_tiles_build(image_id: int) -> int:
    """Draw every tile of a public image that is not drawn yet; the number drawn."""
    image = public_image(image_id)
    if image is None:
        return 0
    drawn = 0
    for region, size in tile_requests(image.width, image.height):
        wanted = image_api.parse(image, region, size, "0", "default.jpg")
        if image_api.cached(image, wanted) is None:
            image_api.rendered(image, wanted)
            drawn += 1
    return drawn
