"""The IIIF Image API 3: a request is parsed and reduced to its canonical form by the
reference implementation (`iiif`), drawn with Pillow, and kept in storage under that
canonical form, so the same region and size asked in another notation is one file.

https://iiif.io/api/image/3.0/"""

import io
import json
from dataclasses import dataclass
from functools import lru_cache

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from iiif.error import IIIFError
from iiif.info import IIIFInfo
from iiif.manipulator_pil import IIIFManipulatorPIL
from iiif.request import IIIFRequest
from PIL import Image, ImageOps

from mura.iiif.access import PublicImage
from mura.iiif.tiles import TILE_SIZE, scale_factors

API_VERSION = "3.0"
#: The largest picture the service draws (upscaling included), in pixels.
MAX_AREA = 40_000_000
FORMATS = {
    "jpg": ("JPEG", "image/jpeg"),
    "png": ("PNG", "image/png"),
    "webp": ("WEBP", "image/webp"),
}
QUALITIES = {"default": "RGB", "color": "RGB", "gray": "L", "bitonal": "1"}
CACHE_FOLDER = "iiif"


class ImageRequestError(Exception):
    """A request the service cannot answer; `status` is the HTTP status to send."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ImageRequest:
    """One image request reduced to what it means: which pixels in, which out."""

    region: tuple[int, int, int, int]
    size: tuple[int, int]
    mirror: bool
    rotation: float
    quality: str
    format: str

    @property
    def canonical(self) -> str:
        region = ",".join(map(str, self.region))
        size = ",".join(map(str, self.size))
        rotation = ("!" if self.mirror else "") + f"{self.rotation:g}"
        return f"{region}/{size}/{rotation}/{self.quality}.{self.format}"

    @property
    def media_type(self) -> str:
        return FORMATS[self.format][1]


def info(image: PublicImage, service_id: str) -> dict:
    """The image's info.json."""
    factors = scale_factors(image.width, image.height)
    document = IIIFInfo(
        api_version=API_VERSION,
        id=service_id,
        width=image.width,
        height=image.height,
        profile="level2",
    )
    document.tiles = [{"width": TILE_SIZE, "scaleFactors": factors}]
    document.sizes = [
        {"width": -(-image.width // factor), "height": -(-image.height // factor)}
        for factor in reversed(factors)
    ]
    data = json.loads(document.as_json())
    data.update(
        maxArea=MAX_AREA,
        extraFormats=["png", "webp"],
        extraQualities=["color", "gray", "bitonal"],
        extraFeatures=["mirroring", "rotationArbitrary", "sizeUpscaling"],
    )
    return data


def parse(
    image: PublicImage, region: str, size: str, rotation: str, quality_format: str
) -> ImageRequest:
    """The canonical request for these address segments; ImageRequestError (400) if bad."""
    return _parsed(image.width, image.height, region, size, rotation, quality_format)


@lru_cache(maxsize=8192)
def _parsed(
    width: int, height: int, region: str, size: str, rotation: str, quality_format: str
) -> ImageRequest:
    """Parsing depends only on the image's size, so a viewer's tiles, asked again and
    again, are parsed once per process."""
    request = IIIFRequest(api_version=API_VERSION)
    request.quality, _, request.format = quality_format.rpartition(".")
    manipulator = IIIFManipulatorPIL(api_version=API_VERSION)
    manipulator.request = request
    manipulator.max_area = MAX_AREA
    try:
        request.region, request.size = region, size
        request.parse_region()
        request.parse_size()
        request.parse_rotation(rotation)
        if request.quality not in QUALITIES:
            raise IIIFError(
                parameter="quality", text=f"Unknown quality {request.quality!r}."
            )
        if request.format not in FORMATS:
            raise IIIFError(
                parameter="format", text=f"Unsupported format {request.format!r}."
            )
        manipulator.width, manipulator.height = width, height
        x, y, w, h = manipulator.region_to_apply()
        if x is None:
            x, y, w, h = 0, 0, width, height
        if w <= 0 or h <= 0:
            raise IIIFError(
                parameter="region", text="The region lies outside the image."
            )
        manipulator.width, manipulator.height = w, h
        out_w, out_h = manipulator.size_to_apply()
        mirror, degrees = manipulator.rotation_to_apply()
    except IIIFError as error:
        raise ImageRequestError(400, error.text or str(error)) from error
    if out_w is None:
        out_w, out_h = w, h
    if out_w * out_h > MAX_AREA:
        raise ImageRequestError(
            400, f"The image asked for is larger than {MAX_AREA} pixels."
        )
    quality = "color" if request.quality == "default" else request.quality
    return ImageRequest(
        (int(x), int(y), int(w), int(h)),
        (out_w, out_h),
        bool(mirror),
        float(degrees),
        quality,
        request.format,
    )


def cache_name(image: PublicImage, request: ImageRequest) -> str:
    """Where the drawn image is kept; a new file (another hash) gets new names."""
    return f"{CACHE_FOLDER}/{image.pk}-{image.file_hash[:16]}/{request.canonical}"


def cached(image: PublicImage, request: ImageRequest) -> bytes | None:
    try:
        with default_storage.open(cache_name(image, request)) as file:
            return file.read()
    except FileNotFoundError:
        return None


def rendered(image: PublicImage, request: ImageRequest) -> bytes:
    """The image this request asks for, drawn once and then read from storage."""
    content = cached(image, request)
    if content is None:
        content = draw(image, request)
        default_storage.save(cache_name(image, request), ContentFile(content))
    return content


def draw(image: PublicImage, request: ImageRequest) -> bytes:
    """Crop, scale, mirror, rotate, recolour and encode, in the order the API gives."""
    x, y, w, h = request.region
    reduction = max(w / request.size[0], 1)
    with default_storage.open(image.file_name) as source, Image.open(source) as picture:
        # A JPEG decodes at 1/2, 1/4 or 1/8 of its size when the answer is that small.
        picture.draft(
            "RGB",
            (int(picture.width / reduction) + 1, int(picture.height / reduction) + 1),
        )
        factor = picture.width / image.width
        picture = picture.crop(
            (
                int(x * factor),
                int(y * factor),
                int((x + w) * factor),
                int((y + h) * factor),
            )
        ).resize(request.size, Image.Resampling.LANCZOS)
    if request.mirror:
        picture = ImageOps.mirror(picture)
    if request.rotation:
        picture = picture.convert("RGBA" if request.format != "jpg" else "RGB").rotate(
            -request.rotation, expand=True, fillcolor=(255, 255, 255)
        )
    picture = picture.convert(QUALITIES[request.quality])
    output = io.BytesIO()
    pillow_format = FORMATS[request.format][0]
    options = {"quality": 85, "optimize": True} if pillow_format == "JPEG" else {}
    picture.save(output, pillow_format, **options)
    return output.getvalue()
