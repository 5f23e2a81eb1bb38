"""Demo exhibitions: the index, the Elbasy Library's gift of 2019 as a virtual exhibition, the
Kyzylorda museum's textiles travelling to Turkistan and Pavlodar, and one «Бір жәдігердің
тарихы» story about a qobyz of the Kyzylorda museum.

The content is `demo_data/exhibitions.yaml`. It names catalogue records by the source ids
the catalogue demo gives them; this loader turns them into the records and pictures the
blocks point to, and writes the provenance entry for the artifact's acquisition. Every
page is found by its slug and brought up to date, so a second run creates nothing new."""

from datetime import timedelta
from decimal import Decimal
from typing import Any, TextIO

from django.utils import timezone
from wagtail.models import Locale

from mura.catalog.models import Person, Resource
from mura.events.models import EventPage
from mura.exhibitions.models import (
    ArtifactStoryItem,
    ArtifactStoryPage,
    ArtifactStoryPerson,
    ExhibitionIndexPage,
    ExhibitionPage,
    ExhibitionVenue,
)
from mura.institutions.models import Institution
from mura.portal.demo import demo_data, translate_page
from mura.portal.models import HomePage


def _records(source_ids: list[str]) -> list[int]:
    found = dict(
        Resource.objects.filter(source_id__in=source_ids).values_list("source_id", "pk")
    )
    return [found[source_id] for source_id in source_ids if source_id in found]


def _image_of(source_id: str):
    resource = (
        Resource.objects.filter(source_id=source_id)
        .prefetch_related("files__image")
        .first()
    )
    file = (
        next((file for file in resource.files.all() if file.image_id), None)
        if resource
        else None
    )
    return file.image if file else None


def _blocks(blocks: list[dict]) -> list[dict]:
    """StreamField blocks with their records and pictures found; a block whose one
    record or picture is missing is left out."""
    found = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "figure":
            image = _image_of(value["image"])
            if image is None:
                continue
            value = {**value, "image": image.pk}
        elif kind == "catalogue_item":
            records = _records([value["item"]])
            if not records:
                continue
            value = {**value, "item": records[0]}
        elif kind in ("chapter", "items_grid"):
            value = {**value, "items": _records(value["items"])}
        found.append({"type": kind, "value": value})
    return found


def _index(home: HomePage, texts: dict[str, dict]) -> ExhibitionIndexPage:
    index = ExhibitionIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=ExhibitionIndexPage(
                slug="exhibitions", show_in_menus=True, **texts["kk"]
            )
        )
    else:
        for name, value in texts["kk"].items():
            setattr(index, name, value)
    index.save_revision().publish()
    for code in ("ru", "en"):
        translate_page(index, Locale.objects.get(language_code=code), **texts[code])
    return index


def _page(index: ExhibitionIndexPage, model: type, slug: str, fields: dict):
    page = model.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        page = index.add_child(instance=model(slug=slug, **fields))
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return model.objects.get(pk=page.pk)


def _stops(spec: dict) -> list[dict]:
    """Each stop's place, event and dates; the events demo set the events' days."""
    stops = []
    for stop in spec.get("stops", []):
        event = EventPage.objects.get(slug=stop["event"], locale__language_code="kk")
        opens = timezone.localtime(event.start, event.tzinfo).date()
        stops.append(
            {
                "event": event,
                "latitude": Decimal(stop["latitude"]),
                "longitude": Decimal(stop["longitude"]),
                "start_date": opens,
                "end_date": opens + timedelta(weeks=stop["weeks"]) - timedelta(days=1),
            }
        )
    return stops


def _exhibition_texts(texts: dict[str, Any], stops: list[dict]) -> dict[str, Any]:
    venues = texts["venues"]
    return {
        **texts,
        "body": _blocks(texts["body"]),
        "venues": [
            ExhibitionVenue(**venue, **stop, sort_order=order)
            for order, (venue, stop) in enumerate(
                zip(venues, stops or [{}] * len(venues), strict=True)
            )
        ],
    }


def _exhibition(index: ExhibitionIndexPage, spec: dict) -> None:
    texts = spec["translations"]
    stops = _stops(spec)
    exhibition = _page(
        index,
        ExhibitionPage,
        spec["slug"],
        {
            **_exhibition_texts(texts["kk"], stops),
            "institution": Institution.objects.get(slug=spec["institution"]),
            "start_date": stops[0]["start_date"] if stops else spec["start_date"],
            "end_date": stops[-1]["end_date"] if stops else spec["end_date"],
            "listing_image": _image_of(spec["listing_image"]),
        },
    )
    for code in [code for code in texts if code != "kk"]:
        translate_page(
            exhibition,
            Locale.objects.get(language_code=code),
            **_exhibition_texts(texts[code], stops),
        )


def _provenance(
    entries: list[dict], artifact: Resource, language: str, data: dict
) -> list[dict]:
    """The entries, with the artifact's acquisition where the data asks for it."""
    how, _, year = artifact.acquisition.rpartition(", ")
    words = data["acquisition"][language].get(how)
    acquisition = (
        [
            {
                "type": "entry",
                "value": {
                    "date": year,
                    "title": words,
                    "place": data["museum_city"][language],
                    "text": "",
                },
            }
        ]
        if words and year.isdigit()
        else []
    )
    return [
        block
        for entry in entries
        for block in (acquisition if entry["type"] == "acquisition" else [entry])
    ]


def _story(index: ExhibitionIndexPage, spec: dict, data: dict) -> None:
    artifact = Resource.objects.filter(
        source_id=spec["artifact"], institution__slug=spec["institution"]
    ).first()
    if artifact is None:
        return
    related = _records(spec["related_items"])
    people = [
        (person, row["note"])
        for row in spec["related_people"]
        if (person := Person.objects.filter(name_kk=row["person"]).first())
    ]

    def fields(language: str) -> dict:
        texts = spec["translations"][language]
        return {
            **texts,
            "chapters": _blocks(texts["chapters"]),
            "provenance": _provenance(texts["provenance"], artifact, language, data),
            "sources": texts["sources"].format(
                inventory_number=artifact.inventory_number
            ),
            "related_items": [ArtifactStoryItem(resource_id=pk) for pk in related],
            "related_people": [
                ArtifactStoryPerson(person=person, note=note[language])
                for person, note in people
            ],
        }

    story = _page(
        index,
        ArtifactStoryPage,
        spec["slug"],
        {
            **fields("kk"),
            "institution": Institution.objects.get(slug=spec["institution"]),
            "artifact": artifact,
        },
    )
    for code in [code for code in spec["translations"] if code != "kk"]:
        translate_page(story, Locale.objects.get(language_code=code), **fields(code))


def load(*, stdout: TextIO) -> None:
    data = demo_data("exhibitions", "exhibitions.yaml")
    home = HomePage.objects.get(locale__language_code="kk")
    index = _index(home, data["index"])
    for spec in data["exhibitions"]:
        _exhibition(index, spec)
    for spec in data["stories"]:
        _story(index, spec, data)
    stdout.write(
        f"  exhibitions index in kk, ru, en; {len(data['exhibitions'])} virtual exhibitions"
        " (one travelling) and one artifact story in kk and ru"
    )
