import pytest

pytestmark = pytest.mark.django_db


def test_institution_list_groups_by_type_with_full_names(client, demo_news):
    html = client.get("/institutions/").content.decode()
    assert "Ә.Тәжібаев атындағы Қызылорда облыстық ғылыми әмбебап кітапханасы" in html
    assert "Кітапхана" in html and "Мұрағат" in html and "Музей" in html
    assert "Қызылорда облысы" in html


def test_institution_list_filters_by_kind_and_region(client, demo_news):
    html = client.get("/institutions/?kind=museum&region=pavlodar").content.decode()
    assert "Потанин атындағы Павлодар облыстық тарихи-өлкетану музейі" in html
    assert "Қызылорда облыстық тарихи-өлкетану музейі" not in html
    assert "кітапханасы" not in html.split('id="main"')[1].split("site-footer")[0]


def test_institution_page_shows_type_region_address_and_news(client, demo_news):
    html = client.get("/institutions/tazhibaev-library/").content.decode()
    assert (
        "<h1>Ә.Тәжібаев атындағы Қызылорда облыстық ғылыми әмбебап кітапханасы</h1>"
        in html
    )
    assert "Әбділда Тәжібаев атындағы" in html
    assert "Қызылорда қ., Әйтеке би к-сі, 20" in html
    assert "АЙМАҚТЫҚ КӘСІБИ СЕССИЯСЫ ӨТТІ" in html


def test_institution_page_in_russian(client, demo_news):
    html = client.get("/ru/institutions/tazhibaev-library/").content.decode()
    assert (
        "Кызылординская областная универсальная научная библиотека имени А.Тажибаева"
        in html
    )
    assert "Кызылординская область" in html
    assert "г. Кызылорда, ул. Айтеке би, 20" in html


def test_hidden_institution_is_not_found(client, institution):
    institution.is_public = False
    institution.save()
    assert client.get(f"/institutions/{institution.slug}/").status_code == 404


def test_institutions_api_lists_and_pages(client, demo_news):
    data = client.get("/api/v1/institutions?page_size=4").json()
    assert data["count"] == 6
    assert len(data["results"]) == 4
    assert data["next"].endswith("page=2") or "page=2" in data["next"]
    first = data["results"][0]
    assert {"id", "url", "kind", "name"} <= set(first)
    assert first["url"].startswith("http://testserver/institutions/")
