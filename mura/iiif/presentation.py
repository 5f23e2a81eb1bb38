"""IIIF Presentation API 3 documents: a manifest per public record with images and a
collection per exhibition and artifact story, with labels in Kazakh, Russian and English.

https://iiif.io/api/presentation/3.0/"""

from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mura.catalog import display
from mura.catalog.choices import RIGHTS_URLS, Language, Rights
from mura.catalog.models import DigitalFile, Resource
from mura.institutions.models import Institution

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
LANGUAGES = ("kk", "ru", "en")
THUMBNAIL_WIDTH = 400

LanguageMap = dict[str, list[str]]


def in_languages(value: Callable[[], str]) -> LanguageMap:
    """A language map of ``value()`` computed in each of the portal's languages."""
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = [str(value())]
    return texts


def in_language(text: str, language: str = "") -> LanguageMap:
    """Text in one language (the record's), or "none" when it is not a portal language."""
    code = language if language in LANGUAGES else "none"
    return {code: [text]}


def image_service(base: str, image) -> dict:
    return {
        "id": f"{base}{reverse('iiif:image', args=[image.pk])}",
        "type": "ImageService3",
        "profile": "level2",
    }


def _image_body(base: str, image, width: int, height: int) -> dict:
    service = image_service(base, image)
    size = "max" if width == image.width else f"{width},{height}"
    return {
        "id": f"{service['id']}/full/{size}/0/default.jpg",
        "type": "Image",
        "format": "image/jpeg",
        "width": width,
        "height": height,
        "service": [service],
    }


def thumbnail(base: str, image) -> dict:
    width = min(THUMBNAIL_WIDTH, image.width)
    return _image_body(base, image, width, round(image.height * width / image.width))


def _provider(base: str, institution: Institution) -> dict:
    homepage = base + institution.get_absolute_url()
    agent = {
        "id": homepage,
        "type": "Agent",
        "label": {
            language: [name]
            for language, name in (
                ("kk", institution.name_kk),
                ("ru", institution.name_ru),
                ("en", institution.name_en),
            )
            if name
        },
        "homepage": [
            {
                "id": homepage,
                "type": "Text",
                "label": in_language(institution.name_kk, "kk"),
                "format": "text/html",
            }
        ],
    }
    if institution.website:
        agent["seeAlso"] = [
            {"id": institution.website, "type": "Text", "format": "text/html"}
        ]
    return agent


def _metadata(resource: Resource) -> list[dict]:
    """The record's described fields, labelled in each language."""
    rows = {}
    for language in LANGUAGES:
        with translation.override(language):
            for index, (label, value) in enumerate(display.record_fields(resource)):
                row = rows.setdefault(index, {"label": {}, "value": {}})
                row["label"][language] = [label]
                row["value"].setdefault(language, []).append(value)
    # A value the portal does not translate (a title, a date) is given once, as "none".
    for row in rows.values():
        values = {tuple(texts) for texts in row["value"].values()}
        if len(values) == 1:
            row["value"] = {"none": list(values.pop())}
    return list(rows.values())


def _rights(files: Iterable[DigitalFile]) -> str:
    """The record's statement: the files' own when they agree, else "not evaluated"."""
    statements = {file.rights for file in files}
    return RIGHTS_URLS[
        statements.pop() if len(statements) == 1 else Rights.NOT_EVALUATED
    ]


def manifest(resource: Resource, *, base: str) -> dict:
    """The manifest of a public record: one canvas per public image."""
    files = resource.public_images()
    manifest_id = base + reverse("iiif:manifest", args=[resource.public_id])
    record_url = base + resource.get_absolute_url()
    language = resource.language if resource.language != Language.MULTIPLE else ""
    provider = _provider(base, resource.institution)
    document = {
        "@context": CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": in_language(resource.title, language),
        "metadata": _metadata(resource),
        "requiredStatement": {
            "label": in_languages(lambda: _("Held by")),
            "value": provider["label"],
        },
        "rights": _rights(files),
        "provider": [provider],
        "homepage": [
            {
                "id": record_url,
                "type": "Text",
                "label": in_language(resource.title, language),
                "format": "text/html",
            }
        ],
        "items": [
            _canvas(base, manifest_id, number, file)
            for number, file in enumerate(files, start=1)
        ],
    }
    if resource.description:
        document["summary"] = in_language(resource.description, language)
    if files:
        document["thumbnail"] = [thumbnail(base, files[0].image)]
    return document


def _canvas(base: str, manifest_id: str, number: int, file: DigitalFile) -> dict:
    image = file.image
    canvas_id = f"{manifest_id.removesuffix('/manifest.json')}/canvas/{number}"
    canvas = {
        "id": canvas_id,
        "type": "Canvas",
        "label": in_language(file.caption)
        if file.caption
        else in_languages(lambda: _("Image %(number)s") % {"number": number}),
        "width": image.width,
        "height": image.height,
        "thumbnail": [thumbnail(base, image)],
        "items": [
            {
                "id": f"{canvas_id}/page",
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": f"{canvas_id}/page/image",
                        "type": "Annotation",
                        "motivation": "painting",
                        "body": _image_body(base, image, image.width, image.height),
                        "target": canvas_id,
                    }
                ],
            }
        ],
    }
    return canvas


def _absolute(base: str, url: str) -> str:
    return base + url if url.startswith("/") else url


def collection(page, resources: Iterable[Resource], *, base: str) -> dict:
    """A collection of the manifests of the records an exhibition or story shows."""
    members = []
    for resource in resources:
        files = resource.public_images()
        if not files:
            continue
        member = {
            "id": base + reverse("iiif:manifest", args=[resource.public_id]),
            "type": "Manifest",
            "label": in_language(resource.title, resource.language),
            "thumbnail": [thumbnail(base, files[0].image)],
        }
        members.append(member)
    language = page.locale.language_code
    return {
        "@context": CONTEXT,
        "id": base + reverse("iiif:collection", args=[page.pk]),
        "type": "Collection",
        "label": in_language(page.title, language),
        "homepage": [
            {
                "id": _absolute(base, page.get_url()),
                "type": "Text",
                "label": in_language(page.title, language),
                "format": "text/html",
            }
        ],
        "provider": [_provider(base, page.institution)],
        "items": members,
    }
