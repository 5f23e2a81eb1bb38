"""The IIIF Image API 3 as a viewer and an aggregator use it: information, regions, sizes,
rotation, qualities and formats, the same pixels however the request is written, and
nothing of a restricted record."""

import io

import pytest
from PIL import Image as PILImage

from mura.catalog.choices import Access
from mura.catalog.services import resource_update

pytestmark = pytest.mark.django_db


def fetch(client, path: str) -> PILImage.Image:
    response = client.get(path)
    assert response.status_code == 200, response.content[:200]
    assert response["Access-Control-Allow-Origin"] == "*"
    return PILImage.open(io.BytesIO(response.content))


def test_info_describes_the_image_its_tiles_and_what_the_service_can_do(
    client, record, scan
):
    response = client.get(
        f"/iiif/3/{scan.pk}/info.json", HTTP_ACCEPT="application/ld+json"
    )
    assert response["Content-Type"].startswith("application/ld+json")
    assert "iiif.io/api/image/3/context.json" in response["Content-Type"]
    info = response.json()
    assert info["@context"] == "http://iiif.io/api/image/3/context.json"
    assert info["id"] == f"http://testserver/iiif/3/{scan.pk}"
    assert (info["type"], info["protocol"], info["profile"]) == (
        "ImageService3",
        "http://iiif.io/api/image",
        "level2",
    )
    assert (info["width"], info["height"]) == (1600, 1200)
    assert info["tiles"] == [{"width": 512, "scaleFactors": [1, 2, 4]}]
    assert {"width": 400, "height": 300} in info["sizes"]


def test_the_base_address_leads_to_the_information(client, record, scan):
    response = client.get(f"/iiif/3/{scan.pk}")
    assert response.status_code == 303
    assert response["Location"].endswith(f"/iiif/3/{scan.pk}/info.json")


def test_regions_and_sizes_give_the_pixels_asked_for(client, record, scan):
    base = f"/iiif/3/{scan.pk}"
    assert fetch(client, f"{base}/full/max/0/default.jpg").size == (1600, 1200)
    assert fetch(client, f"{base}/0,0,512,512/256,256/0/default.jpg").size == (256, 256)
    assert fetch(client, f"{base}/square/200,/0/default.jpg").size == (200, 200)
    assert fetch(client, f"{base}/pct:50,50,50,50/max/0/default.png").size == (800, 600)
    assert fetch(client, f"{base}/full/!300,300/0/default.webp").size == (300, 225)
    assert fetch(client, f"{base}/full/pct:10/90/default.jpg").size == (120, 160)
    corner = fetch(client, f"{base}/0,0,100,100/10,10/0/default.png").convert("RGB")
    red, green, blue = corner.getpixel((5, 5))
    assert green > 120 and red < 80 and blue < 80, (
        "the top-left corner is the green square"
    )
    assert fetch(client, f"{base}/full/200,/0/gray.jpg").mode == "L"
    assert fetch(client, f"{base}/full/200,/0/bitonal.png").mode == "1"
    mirrored = fetch(client, f"{base}/0,0,200,100/200,100/!0/default.png").convert(
        "RGB"
    )
    assert mirrored.getpixel((195, 50))[1] > 120, (
        "mirroring puts the green square right"
    )


def test_the_same_pixels_asked_two_ways_are_drawn_once(client, record, scan, tmp_path):
    base = f"/iiif/3/{scan.pk}"
    client.get(f"{base}/full/max/0/default.jpg")
    client.get(f"{base}/0,0,1600,1200/1600,1200/0/color.jpg")
    drawn = list((tmp_path / "iiif").rglob("*.jpg"))
    assert len(drawn) == 1
    response = client.get(f"{base}/full/1600,/0/default.jpg")
    assert (
        f'<http://testserver{base}/0,0,1600,1200/1600,1200/0/color.jpg>;rel="canonical"'
        in response["Link"]
    )


@pytest.mark.parametrize(
    "path",
    [
        "full/max/0/default.gif",
        "full/max/0/sepia.jpg",
        "full/max/400/default.jpg",
        "2000,2000,10,10/max/0/default.jpg",
        "full/3200,/0/default.jpg",
        "full/^100000,/0/default.jpg",
        "full/0,/0/default.jpg",
        "abc/max/0/default.jpg",
    ],
)
def test_a_request_it_cannot_answer_is_a_clear_400(client, record, scan, path):
    response = client.get(f"/iiif/3/{scan.pk}/{path}")
    assert response.status_code == 400
    assert response.content


def test_a_restricted_record_s_image_is_not_served(client, restricted_scan):
    assert client.get(f"/iiif/3/{restricted_scan.pk}/info.json").status_code == 404
    assert (
        client.get(f"/iiif/3/{restricted_scan.pk}/full/max/0/default.jpg").status_code
        == 404
    )


def test_a_cached_tile_is_answered_without_the_page_machinery(
    client, record, scan, django_assert_num_queries
):
    tile = f"/iiif/3/{scan.pk}/512,512,512,512/512,512/0/default.jpg"
    assert client.get(tile).status_code == 200
    with django_assert_num_queries(0):
        again = client.get(tile)
    assert again.status_code == 200 and again["Content-Type"] == "image/jpeg"
    assert again["Access-Control-Allow-Origin"] == "*"
    assert "Cookie" not in again.get("Vary", "") and not again.cookies


def test_a_record_made_restricted_stops_serving_at_once(
    client, record, scan, django_capture_on_commit_callbacks
):
    assert client.get(f"/iiif/3/{scan.pk}/info.json").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        resource_update(resource=record, data={"access": Access.STAFF})
    assert client.get(f"/iiif/3/{scan.pk}/info.json").status_code == 404


def test_an_unknown_image_is_404(client, db):
    assert client.get("/iiif/3/999999/info.json").status_code == 404


def test_drawn_images_are_not_reachable_by_their_storage_path(
    client, record, scan, tmp_path
):
    client.get(f"/iiif/3/{scan.pk}/full/max/0/default.jpg")
    (drawn,) = (tmp_path / "iiif").rglob("*.jpg")
    assert client.get(f"/media/{drawn.relative_to(tmp_path)}").status_code == 404
