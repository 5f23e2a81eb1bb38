import json
import re
from datetime import date

import pytest

from mura.catalog.choices import Access, Kind
from mura.catalog.tests.factories import ResourceFactory
from mura.exhibitions.models import ArtifactStoryItem, ExhibitionVenue
from mura.exhibitions.tests.factories import (
    MuseumObjectFactory,
    chapter,
    make_exhibition,
    make_story,
)
from mura.portal.demo import translate_page

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(response) -> dict:
    blocks = JSONLD.findall(response.content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def records(institution):
    museum = institution
    return {
        "qobyz": MuseumObjectFactory(institution=museum, title="Қобыз"),
        "dombyra": MuseumObjectFactory(institution=museum, title="Домбыра"),
        "book": ResourceFactory(
            institution=museum, kind=Kind.BOOK, title="Қазақстан жолы", date_text="2006"
        ),
        "staff": MuseumObjectFactory(
            institution=museum, title="Қызметтік сәукеле", access=Access.STAFF
        ),
        "on_site": ResourceFactory(
            institution=museum,
            kind=Kind.FILE,
            title="Оқу залындағы іс",
            access=Access.ON_SITE,
        ),
    }


@pytest.fixture
def exhibition(site_tree, records, institution):
    body = [
        {
            "type": "text",
            "value": "<h2>Сыйдың тарихы</h2><p>Елбасы кітапханасы кітаптар тарту етті.</p>",
        },
        {
            "type": "catalogue_item",
            "value": {"item": records["qobyz"].pk, "comment": "Басты жәдігер."},
        },
        {
            "type": "catalogue_item",
            "value": {"item": records["staff"].pk, "comment": "Жасырын түсініктеме."},
        },
        {
            "type": "items_grid",
            "value": {
                "heading": "Кітаптар",
                "text": "",
                "items": [
                    records["book"].pk,
                    records["on_site"].pk,
                    records["dombyra"].pk,
                ],
            },
        },
        {
            "type": "quote",
            "value": {
                "text": "Бүгінгі жиынға архив қызметкерлері келіп отыр.",
                "attribution": "М.Рахымжанова",
                "source": "",
            },
        },
        {
            "type": "timeline",
            "value": {
                "heading": "Көрменің жолы",
                "entries": [
                    {
                        "date": "8 сәуір 2019",
                        "title": "Көшпелі көрменің ашылуы",
                        "place": "Қызылорда",
                        "text": "",
                    }
                ],
            },
        },
    ]
    page = make_exhibition(
        site_tree["home"],
        institution=institution,
        body=body,
        curators="А.Сейітова\nБ.Нұрланова",
    )
    ExhibitionVenue.objects.create(
        page=page, name="Ә.Тәжібаев атындағы кітапхана", city="Қызылорда"
    )
    return page


@pytest.fixture
def story(site_tree, records, institution):
    page = make_story(
        site_tree["home"],
        institution=institution,
        artifact=records["qobyz"],
        chapters=[
            chapter(
                "Қорқыттың мұрагері",
                "Сыр бойында қобызды Қорқытпен бірге еске алады.",
                [records["dombyra"].pk],
            ),
            chapter(
                "Шебердің қолынан",
                "Қобыз бір кесек ағаштан ойылған.",
                [records["staff"].pk],
            ),
        ],
        provenance=[
            {
                "type": "entry",
                "value": {
                    "date": "1974",
                    "title": "Музейге түсті",
                    "place": "Қызылорда",
                    "text": "",
                },
            }
        ],
    )
    ArtifactStoryItem.objects.create(page=page, resource=records["book"])
    ArtifactStoryItem.objects.create(page=page, resource=records["on_site"])
    return page


def test_exhibition_shows_its_records_with_image_date_holder_and_link(
    client, exhibition, records, institution
):
    response = client.get(exhibition.url)
    assert response.status_code == 200
    qobyz = records["qobyz"]
    for text in (
        qobyz.title,
        qobyz.date_text,
        "Басты жәдігер.",
        "Қазақстан жолы",
        "Домбыра",
        institution.name_kk,
        "Көшпелі көрменің ашылуы",
        "М.Рахымжанова",
        "Ә.Тәжібаев атындағы кітапхана",
        "А.Сейітова",
    ):
        assert text in response.content.decode()
    assert f'href="{qobyz.get_absolute_url()}"' in response.content.decode()
    assert re.search(
        r'<img alt="" [^>]*src="/media/images/qobyz', response.content.decode()
    )


def test_staff_only_and_on_site_records_are_not_shown_to_the_public(
    client, exhibition, story, records
):
    for page in (exhibition, story):
        content = client.get(page.url).content.decode()
        for hidden in ("staff", "on_site"):
            assert records[hidden].title not in content
            assert records[hidden].get_absolute_url() not in content
        assert "Жасырын түсініктеме." not in content


def test_a_record_made_staff_only_later_disappears_without_editing_the_page(
    client, exhibition, records
):
    qobyz = records["qobyz"]
    assert qobyz.title in client.get(exhibition.url).content.decode()
    type(qobyz).objects.filter(pk=qobyz.pk).update(access=Access.STAFF)
    assert qobyz.get_absolute_url() not in client.get(exhibition.url).content.decode()


def test_exhibition_and_story_render_in_russian_with_their_records(
    client, site_tree, exhibition, story, records
):
    ru = site_tree["locales"]["ru"]
    translate_page(
        exhibition,
        ru,
        title="Дар Библиотеки Елбасы",
        introduction="<p>Выставка о даре 2019 года.</p>",
    )
    translate_page(
        story,
        ru,
        title="Кобыз из Жанакоргана",
        chapters=[
            chapter(
                "Наследник Коркыта",
                "На Сырдарье кобыз вспоминают вместе с Коркытом.",
                [records["dombyra"].pk],
            )
        ],
    )
    exhibition_ru = client.get("/ru/exhibitions/" + exhibition.slug + "/")
    assert exhibition_ru.status_code == 200
    content = exhibition_ru.content.decode()
    assert '<html lang="ru">' in content
    assert (
        "Дар Библиотеки Елбасы" in content and "Выставка о даре 2019 года." in content
    )
    assert "Музейный предмет" in content and "Қобыз" in content
    assert 'href="/ru/catalog/' in content
    assert exhibition.institution.name_ru in content
    story_ru = client.get("/ru/exhibitions/" + story.slug + "/").content.decode()
    assert (
        "Наследник Коркыта" in story_ru
        and "Домбыра" in story_ru
        and "История одного артефакта" in story_ru
    )
    assert "Related records" not in story_ru and "Chapters" not in story_ru


def test_story_in_kazakh_shows_the_artifact_chapters_provenance_and_related_records(
    client, story, records
):
    response = client.get(story.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="kk">' in content
    assert "Бір жәдігердің тарихы" in content
    for text in (
        "Қорқыттың мұрагері",
        "Шебердің қолынан",
        "Музейге түсті",
        "Қазақстан жолы",
        "Домбыра",
        records["qobyz"].inventory_number,
    ):
        assert text in content
    # The contents link to the chapters, which follow the h1 with h2 headings.
    assert 'href="#chapter-1"' in content and 'id="chapter-1"' in content
    headings = [
        int(level) for level in re.findall(r"<h([1-6])", content.split("<main", 1)[1])
    ]
    assert headings[0] == 1
    assert all(
        later - earlier <= 1
        for earlier, later in zip(headings, headings[1:], strict=False)
    )


def test_exhibition_json_ld_is_an_exhibition_event_featuring_only_public_records(
    client, exhibition, records
):
    data = jsonld(client.get(exhibition.url))
    assert data["@type"] == "ExhibitionEvent"
    assert data["name"] == exhibition.title
    assert data["organizer"]["name"] == exhibition.institution.name_kk
    featured = {work["name"] for work in data["workFeatured"]}
    assert featured == {"Қобыз", "Қазақстан жолы", "Домбыра"}
    assert {"Place", "VirtualLocation"} == {
        location["@type"] for location in data["location"]
    }


def test_story_json_ld_is_an_article_about_the_artifact_with_open_graph(
    client, story, records
):
    response = client.get(story.url)
    data = jsonld(response)
    assert data["@type"] == "Article"
    assert data["about"]["name"] == "Қобыз"
    assert data["about"]["@type"] == "VisualArtwork"
    assert data["about"]["url"].endswith(records["qobyz"].get_absolute_url())
    assert {work["name"] for work in data["mentions"]} == {"Қазақстан жолы"}
    content = response.content.decode()
    assert '<meta property="og:type" content="article">' in content
    assert '<meta property="og:locale" content="kk_KZ">' in content
    # Without a listing image the artifact's photo is what social networks show.
    assert re.search(
        r'<meta property="og:image" content="http://testserver/[^"]+\.jpg">', content
    )


def test_a_story_whose_artifact_became_staff_only_still_reads_without_it(
    client, story, records
):
    type(records["qobyz"]).objects.filter(pk=records["qobyz"].pk).update(
        access=Access.STAFF
    )
    response = client.get(story.url)
    assert response.status_code == 200
    assert records["qobyz"].get_absolute_url() not in response.content.decode()
    assert "about" not in jsonld(response)


def test_index_lists_current_and_past_exhibitions_and_the_stories(
    client, site_tree, institution, story
):
    make_exhibition(
        site_tree["home"],
        institution=institution,
        title="Сыр бойының мұрасы",
        start_date=date(2019, 4, 8),
    )
    make_exhibition(
        site_tree["home"],
        institution=institution,
        title="Ескі көрме",
        start_date=date(2015, 1, 1),
        end_date=date(2015, 2, 1),
    )
    content = client.get("/exhibitions/").content.decode()
    current, past = content.index("Сыр бойының мұрасы"), content.index("Ескі көрме")
    assert story.title in content
    assert current < content.index(story.title) < past


def test_home_page_teases_the_exhibitions(client, exhibition, story):
    content = client.get("/").content.decode()
    assert "exhibitions-teaser" in content
    assert exhibition.title in content and story.title in content
    assert client.get("/ru/").status_code == 200


def test_the_list_filters_to_exhibitions_on_show_now_and_travelling(
    client, site_tree, exhibition, institution
):
    home = site_tree["home"]
    travelling = make_exhibition(
        home,
        institution=institution,
        title="Сыр бойының мұрасы",
        start_date=date(2020, 1, 1),
        end_date=date(2021, 1, 1),
    )
    for city in ("Қызылорда", "Арал"):
        ExhibitionVenue.objects.create(page=travelling, name="Мұражай", city=city)
    index = exhibition.get_parent().url
    everything = client.get(index).content.decode()
    assert exhibition.title in everything and travelling.title in everything
    now = client.get(index + "?show=now").content.decode()
    assert exhibition.title in now and travelling.title not in now
    assert 'aria-current="page">Қазір көрсетілуде<' in now
    on_tour = client.get(index + "?show=travelling").content.decode()
    assert travelling.title in on_tour and exhibition.title not in on_tour
    assert client.get(index + "?show=<script>").status_code == 200
    travelling.venues.all().delete()
    none_on_tour = client.get(index + "?show=travelling").content.decode()
    assert "Көшпелі көрмелер әзірге жоқ" in none_on_tour
    assert "Қазір ашық көрме жоқ" not in none_on_tour


def test_an_exhibition_links_its_iiif_collection(client, exhibition):
    html = client.get(exhibition.url).content.decode()
    assert f'href="/iiif/3/collection/{exhibition.pk}.json"' in html
