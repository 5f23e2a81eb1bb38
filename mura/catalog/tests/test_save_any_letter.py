"""A catalogue record saves whatever letters its fields hold: the search's analysis
once raised on a one-letter word outside Kazakh and Russian, and the save failed."""

from mura.catalog.choices import AgentRole, Kind
from mura.catalog.models import Person, Subject
from mura.catalog.services import resource_create, resource_update

WORDS = ("ø", "ß", "æ", "ł", "þ", "ь", "ъ", "ʼ", "İ", "ﬁ", "Ｆ", "\u0301", "😀")


def found(client, word: str) -> list[str]:
    return [
        r["title"] for r in client.get("/api/v1/search", {"q": word}).json()["results"]
    ]


def test_a_record_with_words_of_any_letter_is_saved_updated_and_found(
    client, institution
):
    words = " ".join(WORDS)
    person = Person.objects.create(name_kk=f"Ø {words}")
    subject = Subject.objects.create(name_kk=f"Þ {words}")

    record = resource_create(
        institution=institution,
        kind=Kind.BOOK,
        data={
            "title": f"Кітап {words}",
            "description": f"Сипаттама {words}",
            "agents": [(AgentRole.AUTHOR, person)],
            "subjects": [subject],
        },
    )
    assert record.title in found(client, "ø")

    resource_update(resource=record, data={"title": f"Жаңа {words}"})
    record.refresh_from_db()

    assert record.title == f"Жаңа {words}"
    for word in ("ø", "ß", "ь", "ʼ"):
        assert record.title in found(client, word), word
