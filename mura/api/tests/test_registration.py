"""The registration API takes strict JSON only, and says which extra questions to answer."""

import json

import pytest

from mura.events.models import Registration
from mura.events.tests.factories import registration_data


def register(client, event, body, content_type="application/json", **headers):
    if not isinstance(body, (bytes, str)):
        body = json.dumps(body)
    return client.post(
        f"/api/v1/events/{event.pk}/registrations",
        body,
        content_type=content_type,
        headers=headers,
    )


def answers(questions, **overrides):
    values = {"yes_no": "yes", "choice": "Екінші күн", "text": "Жаңа қорлар"}
    values.update(overrides)
    return {str(questions[key].pk): value for key, value in values.items()}


def test_the_event_lists_its_extra_questions_in_the_readers_language(client, content):
    questions = content["questions"]
    data = client.get(
        f"/api/v1/events/{content['event'].pk}", headers={"accept-language": "ru"}
    ).json()
    assert data["questions"] == [
        {
            "id": questions["text"].pk,
            "label": "Тема доклада",
            "type": "text",
            "choices": [],
            "required": False,
        },
        {
            "id": questions["yes_no"].pk,
            "label": "Нужна ли гостиница?",
            "type": "yes-no",
            "choices": ["yes", "no"],
            "required": True,
        },
        {
            "id": questions["choice"].pk,
            "label": "В какой день вы придёте?",
            "type": "choice",
            "choices": ["Бірінші күн", "Екінші күн"],
            "required": False,
        },
    ]


def test_a_client_that_follows_the_questions_registers(client, content):
    event, questions = content["event"], content["questions"]
    body = registration_data(
        answers=answers(questions), sections=[content["section"].pk]
    )
    response = register(client, event, body)
    assert response.status_code == 201, response.json()
    stored = Registration.objects.get(pk=response.json()["id"])
    assert stored.answers == {
        str(questions["yes_no"].pk): "yes",
        str(questions["choice"].pk): "Екінші күн",
        str(questions["text"].pk): "Жаңа қорлар",
    }
    assert list(stored.sections.all()) == [content["section"]]


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", 123),
        ("organisation", {"a": 1}),
        ("email", ["a@example.kz"]),
        ("country", None),
        ("position", 7),
        ("consent", "true"),
        ("consent", 1),
        ("sections", "1"),
        ("sections", [True]),
        ("participation", "by pigeon"),
        ("name", "Айгүл\x00"),
        ("name", "x" * 201),
        ("nickname", "Айгүл"),
    ],
)
def test_wrong_types_are_400_naming_the_field_and_store_nothing(
    client, content, field, value
):
    """Were 201 and stored as text ("123", "{'a': 1}")."""
    body = registration_data(answers=answers(content["questions"]), **{field: value})
    response = register(client, content["event"], body)
    assert response.status_code == 400
    assert [name.split(".")[0] for name in response.json()["errors"]] == [field]
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "question, value",
    [("yes_no", True), ("yes_no", "maybe"), ("choice", "Үшінші күн"), ("text", 5)],
)
def test_wrong_answers_are_400_under_the_questions_key(
    client, content, question, value
):
    questions = content["questions"]
    body = registration_data(answers=answers(questions, **{question: value}))
    response = register(client, content["event"], body)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [f"question_{questions[question].pk}"]
    assert not Registration.objects.exists()


def test_a_missing_required_answer_and_an_unknown_question_are_named(client, content):
    questions = content["questions"]
    body = registration_data(answers={"999999": "иә"})
    errors = register(client, content["event"], body).json()["errors"]
    assert list(errors) == ["question_999999"]
    body = registration_data(answers={})
    errors = register(client, content["event"], body).json()["errors"]
    assert list(errors) == [f"question_{questions['yes_no'].pk}"]


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("text/plain", None),
        ("application/x-www-form-urlencoded", "name=A&email=a%40example.kz"),
        ("multipart/form-data; boundary=x", "--x--"),
        ("", None),
    ],
)
def test_only_application_json_is_accepted(client, content, content_type, body):
    """A cross-site page can POST text/plain without asking first (no CORS preflight);
    was 201 for a JSON text sent as text/plain."""
    payload = registration_data(answers=answers(content["questions"]))
    response = register(
        client, content["event"], body or json.dumps(payload), content_type
    )
    assert response.status_code == 415
    assert response.json()["detail"]
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "body, status",
    [
        (b"{not json", 400),
        (b"\xff\xfe{}", 400),
        (b"[1, 2]", 400),
        (b"null", 400),
        (b'{"name": "' + b"x" * 3_000_000 + b'"}', 413),
    ],
)
def test_bodies_that_are_not_a_json_object_are_json_errors(
    client, content, body, status
):
    """Oversized bodies were Django's HTML 400 page."""
    response = register(client, content["event"], body)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_registration_errors_follow_the_readers_language(client, content):
    body = registration_data(name=123, answers=answers(content["questions"]))
    ru = register(client, content["event"], body, accept_language="ru").json()
    kk = register(client, content["event"], body, accept_language="kk").json()
    assert ru["errors"]["name"] == ["Укажите это значение текстом (строкой JSON)."]
    assert kk["errors"]["name"] == ["Мұны мәтін түрінде (JSON жолы) беріңіз."]
    assert ru["detail"] != kk["detail"]


def test_the_openapi_document_describes_the_answers(client, db):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/events/{event_id}/registrations"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    if "$ref" in body:  # a declared body is a component, as the answers are
        body = document["components"]["schemas"][body["$ref"].split("/")[-1]]
    assert body["additionalProperties"] is False
    assert body["properties"]["name"]["type"] == "string"
    assert body["properties"]["consent"]["type"] == "boolean"
    assert "question" in body["properties"]["answers"]["description"]
    assert body["examples"][0]["answers"]
    assert {"400", "413", "415", "429"} <= set(operation["responses"])
    detail = document["paths"]["/api/v1/events/{event_id}"]["get"]["responses"]["200"]
    schema_name = detail["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    assert "questions" in document["components"]["schemas"][schema_name]["properties"]


def test_an_unknown_country_is_named_as_the_form_names_it(client, content):
    body = registration_data(country="Q1", answers=answers(content["questions"]))
    response = register(client, content["event"], body, accept_language="ru")
    assert response.status_code == 400
    assert response.json()["errors"] == {"country": ["Выберите страну из списка."]}
