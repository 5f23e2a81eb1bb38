import io

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from mura.catalog.choices import Access, Kind
from mura.catalog.tests.factories import ResourceFactory
from mura.exhibitions.models import (
    ArtifactStoryPage,
    ExhibitionIndexPage,
    ExhibitionPage,
)
from mura.institutions.tests.factories import InstitutionFactory


def make_image(title: str = "Қобыз") -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), (200, 170, 120)).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="qobyz.jpg"))


class MuseumObjectFactory(ResourceFactory):
    """A public museum object with a photo, as the Kyzylorda museum describes its qobyz."""

    kind = Kind.MUSEUM_OBJECT
    title = factory.Sequence(lambda n: f"Қобыз {n}")
    date_text = "XIX ғ."
    material = "ағаш, жылқы қылы, тері"
    inventory_number = factory.Sequence(lambda n: f"ҚОТӨМ {n:04d}")
    access = Access.PUBLIC
    files = factory.LazyAttribute(
        lambda resource: [
            {"image": make_image(resource.title), "caption": resource.title}
        ]
    )


def exhibitions_index(home) -> ExhibitionIndexPage:
    index = ExhibitionIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=ExhibitionIndexPage(title="Виртуалды көрмелер", slug="exhibitions")
        )
    return index


def make_exhibition(home, **fields) -> ExhibitionPage:
    """A published exhibition under the Kazakh index (add_child saves it live)."""
    defaults = {
        "title": "Елбасы кітапханасының сыйы",
        "slug": f"exhibition-{ExhibitionPage.objects.count() + 1}",
        "institution": fields.pop("institution", None) or InstitutionFactory(),
        "introduction": "<p>2019 жылғы сыйдың көрмесі.</p>",
    }
    defaults.update(fields)
    page = exhibitions_index(home).add_child(instance=ExhibitionPage(**defaults))
    return ExhibitionPage.objects.get(pk=page.pk)


def make_story(home, **fields) -> ArtifactStoryPage:
    institution = fields.pop("institution", None) or InstitutionFactory(kind="museum")
    if "artifact" not in fields:
        fields["artifact"] = MuseumObjectFactory(institution=institution, title="Қобыз")
    defaults = {
        "title": "Жаңақорған қобызы",
        "slug": f"story-{ArtifactStoryPage.objects.count() + 1}",
        "institution": institution,
        "authors": "Музей қызметкерлері",
        "introduction": "<p>Бір аспаптың тарихы.</p>",
    }
    defaults.update(fields)
    page = exhibitions_index(home).add_child(instance=ArtifactStoryPage(**defaults))
    return ArtifactStoryPage.objects.get(pk=page.pk)


def chapter(heading: str, text: str, items: list[int] | None = None) -> dict:
    return {
        "type": "chapter",
        "value": {
            "heading": heading,
            "period": "XIX ғасыр",
            "text": f"<p>{text}</p>",
            "items": items or [],
        },
    }
