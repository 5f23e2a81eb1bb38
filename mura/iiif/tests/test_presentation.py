"""IIIF Presentation API 3 manifests of records and collections of exhibitions and
stories, with every property the specification requires, in kk, ru and en."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.images.models import Image

from mura.catalog.choices import Access
from mura.catalog.models import DigitalFile
from mura.catalog.tests.factories import ResourceFactory
from mura.exhibitions.tests.factories import make_exhibition, make_story
from mura.iiif.tests.conftest import picture

pytestmark = pytest.mark.django_db

LANGUAGES = {"kk", "ru", "en"}


def assert_language_map(value: dict) -> None:
    assert value and all(isinstance(texts, list) and texts for texts in value.values())


def test_a_record_s_manifest_has_what_viewers_and_aggregators_need(
    client, record, scan
):
    response = client.get(f"/iiif/3/{record.public_id}/manifest.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    manifest = response.json()
    assert manifest["@context"] == "http://iiif.io/api/presentation/3/context.json"
    assert manifest["type"] == "Manifest"
    assert (
        manifest["id"] == f"http://testserver/iiif/3/{record.public_id}/manifest.json"
    )
    assert manifest["label"] == {"kk": ["Абай өлеңдерінің қолжазба көшірмесі"]}
    assert manifest["summary"] == {"kk": ["Мүрсейіт Бікеұлы көшірген қолжазба."]}
    assert manifest["rights"] == "https://creativecommons.org/publicdomain/mark/1.0/"
    assert set(manifest["requiredStatement"]["label"]) == LANGUAGES
    assert manifest["requiredStatement"]["label"]["kk"] == ["Сақтаушы мекеме"]
    assert manifest["requiredStatement"]["label"]["ru"] == ["Где хранится"]
    (provider,) = manifest["provider"]
    assert provider["type"] == "Agent" and provider["label"]["kk"] == [
        record.institution.name_kk
    ]
    assert (
        manifest["homepage"][0]["id"] == f"http://testserver{record.get_absolute_url()}"
    )
    for row in manifest["metadata"]:
        assert set(row["label"]) == LANGUAGES
        assert_language_map(row["value"])
    labels = {row["label"]["ru"][0] for row in manifest["metadata"]}
    assert "Язык" in labels
    (canvas,) = manifest["items"]
    assert canvas["type"] == "Canvas"
    assert (canvas["width"], canvas["height"]) == (1600, 1200)
    assert canvas["label"] == {"none": ["1-парақ"]}
    (page,) = canvas["items"]
    (annotation,) = page["items"]
    assert (
        annotation["motivation"] == "painting" and annotation["target"] == canvas["id"]
    )
    body = annotation["body"]
    assert (body["type"], body["format"], body["width"]) == (
        "Image",
        "image/jpeg",
        1600,
    )
    (service,) = body["service"]
    assert service == {
        "id": f"http://testserver/iiif/3/{scan.pk}",
        "type": "ImageService3",
        "profile": "level2",
    }
    thumbnail = manifest["thumbnail"][0]
    assert thumbnail["width"] == 400
    assert (
        client.get(thumbnail["id"].removeprefix("http://testserver")).status_code == 200
    )
    assert client.get(body["id"].removeprefix("http://testserver")).status_code == 200


def test_only_public_images_become_canvases(client, record, restricted_scan):
    DigitalFile.objects.create(
        resource=record, image=restricted_scan, access=Access.STAFF
    )
    manifest = client.get(f"/iiif/3/{record.public_id}/manifest.json").json()
    assert len(manifest["items"]) == 1


def test_records_without_public_images_or_not_public_have_no_manifest(
    client, institution, record
):
    bare = ResourceFactory(institution=institution, title="Суретсіз кітап")
    assert client.get(f"/iiif/3/{bare.public_id}/manifest.json").status_code == 404
    record.access = Access.STAFF
    record.save()
    assert client.get(f"/iiif/3/{record.public_id}/manifest.json").status_code == 404


def test_the_record_page_links_its_manifest(client, record):
    translation.activate("ru")
    page = client.get(f"/ru{record.get_absolute_url().removeprefix('/ru')}")
    html = page.content.decode()
    assert f"/iiif/3/{record.public_id}/manifest.json" in html


def test_the_api_and_the_page_s_json_ld_name_the_manifest(client, record):
    manifest = f"http://testserver/iiif/3/{record.public_id}/manifest.json"
    answer = client.get(f"/api/v1/resources/{record.public_id}").json()
    assert answer["iiif_manifest"] == manifest
    html = client.get(record.get_absolute_url()).content.decode()
    assert f'"url": "{manifest}"' in html or f'"url":"{manifest}"' in html


def test_a_record_without_images_has_no_manifest_in_the_api(client, institution):
    bare = ResourceFactory(institution=institution, title="Суретсіз кітап")
    assert (
        client.get(f"/api/v1/resources/{bare.public_id}").json()["iiif_manifest"]
        is None
    )


def test_an_exhibition_and_a_story_are_collections_of_their_records_manifests(
    client, site_tree, record, institution
):
    home = site_tree["home"]
    bare = ResourceFactory(institution=institution, title="Суретсіз кітап")
    body = [
        {"type": "catalogue_item", "value": {"item": record.pk, "comment": ""}},
        {"type": "catalogue_item", "value": {"item": bare.pk, "comment": ""}},
    ]
    exhibition = make_exhibition(home, institution=institution, body=json.dumps(body))
    story = make_story(home, institution=institution)
    for page, manifests in (
        (exhibition, [record.public_id]),
        (story, [story.artifact.public_id]),
    ):
        response = client.get(f"/iiif/3/collection/{page.pk}.json")
        assert response.status_code == 200
        collection = response.json()
        assert collection["type"] == "Collection"
        assert collection["label"] == {"kk": [page.title]}
        assert collection["provider"][0]["label"]["kk"] == [institution.name_kk]
        assert [item["id"].split("/")[-2] for item in collection["items"]] == manifests
        for item in collection["items"]:
            assert item["type"] == "Manifest" and item["thumbnail"]
            assert (
                client.get(item["id"].removeprefix("http://testserver")).status_code
                == 200
            )
    assert client.get(f"/iiif/3/collection/{home.pk}.json").status_code == 404


def test_a_collection_reads_its_records_files_once(
    client, site_tree, record, institution
):
    other = ResourceFactory(institution=institution, title="Екінші қолжазба")
    DigitalFile.objects.create(
        resource=other, image=Image.objects.create(title="2", file=picture(400, 300))
    )
    body = [
        {
            "type": "items_grid",
            "value": {"heading": "", "text": "", "items": [record.pk, other.pk]},
        }
    ]
    exhibition = make_exhibition(
        site_tree["home"], institution=institution, body=json.dumps(body)
    )
    with CaptureQueriesContext(connection) as queries:
        collection = client.get(f"/iiif/3/collection/{exhibition.pk}.json").json()
    assert len(collection["items"]) == 2
    reads = [q["sql"] for q in queries if 'FROM "catalog_digitalfile"' in q["sql"]]
    assert len(reads) == 1, reads


def test_harvesters_find_the_manifest_in_oai_dc(client, record):
    answer = client.get(
        "/oai",
        {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
    ).content.decode()
    assert (
        f"<dc:relation>http://testserver/iiif/3/{record.public_id}/manifest.json</dc:relation>"
        in answer
    )
