"""Readers who type Kazakh without the Kazakh letters, or in informal Latin, find what
the properly spelt words find, are offered the proper spelling, and reach Russian forms
from Latin: the page and the API, on the Kazakh and the Russian site."""

import re

import pytest

from mura.catalog.models import AgentRole, Kind, Person
from mura.catalog.services import resource_create

SITES = ("/search/", "/ru/search/")


@pytest.fixture
def folding_records(institution):
    """Records spelt properly in Kazakh, one Russian spelling, and Russian forms."""
    abai = Person.objects.create(
        name_kk="Абай Құнанбайұлы", name_ru="Абай Кунанбаев", name_en="Abai Qunanbaiuly"
    )
    auezov = Person.objects.create(name_kk="Мұхтар Әуезов", name_ru="Мухтар Ауэзов")
    toraighyrov = Person.objects.create(
        name_kk="Сұлтанмахмұт Торайғыров", name_ru="Султанмахмут Торайгыров"
    )

    def record(title, kind=Kind.BOOK, language="kk", **data):
        return resource_create(
            institution=institution,
            kind=kind,
            data={"title": title, "language": language, **data},
        )

    return {
        "kara_soz": record(
            "Қара сөздер", agents=[(AgentRole.AUTHOR, abai)], date_text="1995"
        ),
        "kara_soz_2": record("Абайдың қара сөзі туралы", date_text="2005"),
        "adebiet": record("Қазақ әдебиеті", description="Қазақ әдебиетінің тарихы."),
        "adebiet_2": record("ХХ ғасырдағы қазақ әдебиеті"),
        "muragat": record("Облыс мұрағатының қорлары", kind=Kind.FONDS),
        "kobyz_ru": record("Кобыз", kind=Kind.MUSEUM_OBJECT, language="ru"),
        "kobyz": record("Қыл қобыз", kind=Kind.MUSEUM_OBJECT),
        "kobyz_2": record("Жаңақорған қобызы", kind=Kind.MUSEUM_OBJECT),
        "alka": record("Алқа, күміс тиындармен", kind=Kind.MUSEUM_OBJECT),
        "put_abaya": record(
            "Путь Абая",
            language="ru",
            agents=[(AgentRole.AUTHOR, auezov)],
            description="Роман-эпопея о жизни Абая.",
        ),
        "toraighyrov": record(
            "Өлеңдер", agents=[(AgentRole.AUTHOR, toraighyrov)], date_text="1993"
        ),
        "kol": record("Көл жағасында"),
        "librarian": record("Кітапханашы күнделігі"),
    }


def api(client, q):
    response = client.get("/api/v1/search", {"q": q})
    assert response.status_code == 200, response.content
    return response.json()


def api_titles(client, q):
    return [result["title"] for result in api(client, q)["results"]]


def page(client, site, q):
    response = client.get(site, {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def page_titles(html):
    return [
        re.sub("<[^>]+>", "", title)
        for title in re.findall(r'class="search-hit__title"><a [^>]*>(.*?)</a>', html)
    ]


def suggestion(html):
    """The "did you mean" offer of a page, as shown."""
    found = re.search(r'__suggestion">[^<]*<a [^>]*>([^<]*)</a>', html)
    return found and found.group(1)


FOLDED_CASES = [
    # typed without the Kazakh letters, properly spelt, the records both find
    ("кара соз", "қара сөз", {"Қара сөздер", "Абайдың қара сөзі туралы"}),
    (
        "казак адебиети",
        "қазақ әдебиеті",
        {"Қазақ әдебиеті", "ХХ ғасырдағы қазақ әдебиеті"},
    ),
    ("мурагат", "мұрағат", {"Облыс мұрағатының қорлары"}),
    ("алка", "алқа", {"Алқа, күміс тиындармен"}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("typed", "proper", "expected"), FOLDED_CASES)
def test_kazakh_typed_without_its_letters_finds_the_proper_spelling(
    client, folding_records, typed, proper, expected
):
    wanted = api_titles(client, proper)
    assert expected <= set(wanted)
    data = api(client, typed)
    assert {result["title"] for result in data["results"]} == set(wanted)
    assert data["did_you_mean"] == proper
    for site in SITES:
        html = page(client, site, typed)
        assert set(page_titles(html)) == set(wanted)
        assert suggestion(html) == proper


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("latin", "proper"),
    [("kara soz", "қара сөз"), ("kazak adebieti", "қазақ әдебиеті"), ("alka", "алқа")],
)
def test_informal_latin_finds_the_proper_spelling(
    client, folding_records, latin, proper
):
    assert set(api_titles(client, latin)) == set(api_titles(client, proper))
    for site in SITES:
        assert set(page_titles(page(client, site, latin))) == set(
            api_titles(client, proper)
        )


@pytest.mark.django_db
def test_an_exact_spelling_ranks_above_the_folded_matches(client, folding_records):
    """кобыз is also how Russian spells the instrument: that record comes first, the
    Kazakh қобыз records after it; the proper spelling is still offered."""
    titles = api_titles(client, "кобыз")
    assert titles[0] == "Кобыз"
    assert {"Қыл қобыз", "Жаңақорған қобызы"} <= set(titles[1:])
    for site in SITES:
        assert page_titles(page(client, site, "кобыз"))[0] == "Кобыз"


@pytest.mark.django_db
def test_folding_keeps_words_and_derivations_apart(client, folding_records):
    """Folding does not merge what the letters still tell apart: a librarian is not a
    library, and a properly spelt қол finds no көл."""
    assert "Кітапханашы күнделігі" not in api_titles(client, "китапхана")
    assert "Көл жағасында" not in api_titles(client, "қол")
    assert "Көл жағасында" in api_titles(client, "кол")


@pytest.mark.django_db
def test_a_latin_query_reaches_the_russian_forms(client, folding_records):
    """ "Abai" finds what "Абай" finds, the Russian "Путь Абая" among them."""
    cyrillic = set(api_titles(client, "Абай"))
    assert "Путь Абая" in cyrillic
    assert set(api_titles(client, "Abai")) == cyrillic
    for site in SITES:
        assert "Путь Абая" in page_titles(page(client, site, "Abai"))


@pytest.mark.django_db
def test_a_typo_is_corrected_in_the_script_it_was_typed_in(client, folding_records):
    data = api(client, "Торайғров")
    assert data["count"] == 0
    assert data["did_you_mean"] == "Торайғыров"
    for site in SITES:
        assert suggestion(page(client, site, "Торайғров")) == "Торайғыров"
    assert api(client, "Торайғыров")["count"] >= 1


@pytest.mark.django_db
def test_proper_spelling_is_not_offered_for_what_was_found_as_typed(
    client, folding_records
):
    assert api(client, "қара сөз")["did_you_mean"] is None
    assert api(client, "Абай")["did_you_mean"] is None
    assert api(client, "Путь Абая")["did_you_mean"] is None


@pytest.mark.django_db
def test_suggestions_reach_kazakh_titles_typed_without_the_letters(
    client, folding_records
):
    response = client.get("/search/suggest/", {"q": "алк"})
    assert "Алқа, күміс тиындармен" in [
        s["title"] for s in response.json()["suggestions"]
    ]
