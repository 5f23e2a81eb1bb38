"""Every bad request to /api/v1/ is answered in the API's JSON error shape, never HTML or 500."""

import re

import pytest

from mura.news import api as news_api

BEYOND_64_BITS = 2**63
LISTS = ["/api/v1/events", "/api/v1/news", "/api/v1/institutions", "/api/v1/resources"]


def assert_error(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail", "errors"} and body["detail"]
    return body


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", str(BEYOND_64_BITS)])
def test_bad_page_numbers_are_422_on_every_list(client, db, url, page):
    body = assert_error(client.get(url, {"page": page}), 422)
    assert list(body["errors"]) == ["page"]


@pytest.mark.parametrize("url", [*LISTS, "/api/v1/search"])
def test_a_page_past_the_last_is_404_even_the_largest(client, content, url):
    """Was 500: the offset of page 2**63-1 does not fit the database's integer."""
    assert_error(client.get(url, {"page": 500 if "search" in url else 2**63 - 1}), 404)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/{}",
        "/api/v1/news/{}",
        "/api/v1/events/{}/registrations",
    ],
)
@pytest.mark.parametrize("bad_id", [str(BEYOND_64_BITS), "0", "-5", "x", "1e3"])
def test_ids_beyond_64_bits_or_not_numbers_are_422(client, db, url, bad_id):
    """Was 500 (OverflowError) for /api/v1/news/9223372036854775808."""
    if url.endswith("registrations"):
        response = client.post(url.format(bad_id), {}, content_type="application/json")
    else:
        response = client.get(url.format(bad_id))
    body = assert_error(response, 422)
    assert body["errors"]


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/events/{2**63 - 1}",
        f"/api/v1/news/{2**63 - 1}",
        f"/api/v1/institutions/{BEYOND_64_BITS}",
        "/api/v1/institutions/²",
        "/api/v1/resources/no-such-record",
    ],
)
def test_unknown_objects_are_404(client, db, url):
    assert_error(client.get(url), 404)


@pytest.mark.parametrize(
    "url, params",
    [
        ("/api/v1/resources", {"subject": str(BEYOND_64_BITS)}),
        ("/api/v1/resources", {"updated_since": "yesterday"}),
        ("/api/v1/resources", {"updated_since": "0.5"}),
        ("/api/v1/resources", {"updated_since": "0001-01-01T00:00:00+14:00"}),
        ("/api/v1/resources", {"updated_since": "9999-12-31T23:59:59-14:00"}),
        ("/api/v1/resources", {"institution": "a\x00b"}),
        ("/api/v1/resources", {"kind": "spaceship"}),
        ("/api/v1/resources", {"collection": "x" * 5000}),
        ("/api/v1/resources/a\x00b", {}),
        ("/api/v1/institutions", {"kind": "zoo"}),
        ("/api/v1/institutions/a\x00b", {}),
        ("/api/v1/news", {"lang": "de"}),
        ("/api/v1/news", {"tag": "\x00"}),
        ("/api/v1/events", {"when": "tomorrow"}),
        ("/api/v1/events", {"institution": "\x00"}),
        ("/api/v1/search", {"year_from": str(BEYOND_64_BITS)}),
        ("/api/v1/search", {"q": "\x00"}),
        ("/api/v1/search", {"subject": "\x00"}),
        ("/api/v1/search", {"page": str(BEYOND_64_BITS)}),
        ("/api/v1/search", {"sort": "random()"}),
    ],
)
def test_hostile_query_values_are_422_naming_the_parameter(client, db, url, params):
    body = assert_error(client.get(url, params), 422)
    named = {
        name.split(".")[0] for name in body["errors"]
    }  # subject.0: its first value
    assert named <= {*params, "public_id", "slug_or_id"}


def test_hostile_values_still_find_nothing_rather_than_fail(client, content):
    """An unknown slug is a filter that matches nothing, not an error."""
    data = client.get("/api/v1/resources", {"institution": "'; DROP TABLE x; --"})
    assert data.status_code == 200 and data.json()["count"] == 0


@pytest.mark.parametrize(
    "path", ["/api/v1/", "/api/v1/nope", "/api/v1/nope/", "/api/v1/events/1/x"]
)
def test_unknown_paths_are_a_json_404_not_a_redirect_or_html(client, db, path):
    assert_error(client.get(path), 404)


def test_a_wrong_method_is_a_json_405_that_names_the_allowed_ones(client, db):
    response = client.delete("/api/v1/events")
    assert_error(response, 405)
    assert response["Allow"] == "GET"


def test_errors_follow_the_readers_language(client, db):
    detail = {
        language: client.get(
            "/api/v1/events", {"page": "x"}, headers={"accept-language": language}
        ).json()
        for language in ("kk", "ru", "en")
    }
    assert detail["en"]["errors"]["page"] == ["Enter a whole number."]
    assert detail["ru"]["errors"]["page"] == ["Введите целое число."]
    assert detail["kk"]["errors"]["page"] == ["Бүтін санды енгізіңіз."]
    not_found = client.get("/api/v1/nope", headers={"accept-language": "ru"}).json()
    assert not_found["detail"] == "По этому адресу ничего не найдено."


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_kind_of_error_is_in_the_readers_language(client, content, language):
    """No English left in an error a Kazakh or Russian reader gets (detail and fields)."""
    event = f"/api/v1/events/{content['event'].pk}/registrations"
    headers = {"accept-language": language}
    answers = [
        client.get("/api/v1/events", {"page": "0"}, headers=headers),
        client.get("/api/v1/resources", {"updated_since": "x"}, headers=headers),
        client.get("/api/v1/news", {"page": 99}, headers=headers),
        client.get("/api/v1/news/999999", headers=headers),
        client.get("/api/v1/nope", headers=headers),
        client.put("/api/v1/events", headers=headers),
        client.post(event, "x", content_type="text/plain", headers=headers),
        client.post(event, b"\xff", content_type="application/json", headers=headers),
        client.post(event, b"{", content_type="application/json", headers=headers),
        client.post(event, b"[]", content_type="application/json", headers=headers),
        client.post(
            event, {"name": 1}, content_type="application/json", headers=headers
        ),
        client.post(
            event, b"x" * 3_000_000, content_type="application/json", headers=headers
        ),
    ]
    for response in answers:
        body = response.json()
        texts = [body["detail"], *(m for ms in body["errors"].values() for m in ms)]
        for text in texts:
            assert re.search("[а-яәіңғүұқөһ]", text, re.IGNORECASE), (response, text)


def test_too_many_parameters_is_a_json_400(client, db):
    """Django's limit on the number of fields; was its HTML 400 page."""
    query = "&".join(f"a{n}=1" for n in range(10_001))
    assert_error(client.get(f"/api/v1/events?{query}"), 400)


def test_a_bug_is_a_json_500_that_is_logged(client, db, monkeypatch, caplog):
    """A failure inside a view (here: the news query breaks) still answers in the
    documented shape, in the reader's language, and is logged with its traceback."""

    def broken():
        raise RuntimeError("the database went away")

    monkeypatch.setattr(news_api, "_articles", broken)
    response = client.get("/api/v1/news", headers={"accept-language": "ru"})
    body = assert_error(response, 500)
    assert body["detail"] == "На нашей стороне произошла ошибка. Она записана в журнал."
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert logged and logged[0].exc_info[0] is RuntimeError
