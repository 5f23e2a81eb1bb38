"""The news list (filters, paging) and the article page (date, tags, related, sharing, metadata)."""

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import expand_db_html

from mura.institutions.models import Institution
from mura.news.models import NewsArticlePage
from mura.news.tests.factories import NewsArticlePageFactory

ALMATY = ZoneInfo("Asia/Almaty")
ARTICLE = "/news/elbasy-library-information-resources-session/"


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_the_list_is_newest_first_in_the_readers_language(client, demo_news):
    html = client.get("/news/").content.decode()
    assert titles(html) == [
        "Халықаралық форум басталды!",
        "«ЕЛБАСЫ КІТАПХАНАСЫНЫҢ АҚПАРАТТЫҚ РЕСУРСТАРЫ» АЙМАҚТЫҚ КӘСІБИ СЕССИЯСЫ ӨТТІ",
    ]
    ru = client.get("/ru/news/").content.decode()
    assert "<h1>Новости</h1>" in ru and "Архив" in ru and "апрель 2019" in ru
    assert "сәуір 2019" in html


def test_the_list_filters_by_institution_tag_and_month(client, demo_news):
    forum = "Халықаралық форум басталды!"
    assert titles(
        client.get("/news/?institution=toraighyrov-library").content.decode()
    ) == [forum]
    assert titles(client.get("/news/?year=2021&month=10").content.decode()) == [forum]
    assert titles(client.get("/news/?year=2019&month=10").content.decode()) == []
    tag_link = re.search(
        r'href="\?(tag=[^"]+)"[^>]*>125 жыл<', client.get("/news/").content.decode()
    ).group(1)
    assert titles(client.get(f"/news/?{tag_link}").content.decode()) == [forum]
    assert (
        "Бұл сүзгілерге сай жаңалық жоқ."
        in client.get("/news/?year=2019&month=10").content.decode()
    )
    assert client.get("/news/?year=abc&month=99&institution=nobody").status_code == 200


def test_the_list_is_paged_and_pages_keep_the_filters(client, demo_news):
    institution = Institution.objects.get(slug="tazhibaev-library")
    for day in range(1, 15):
        NewsArticlePageFactory(
            institution=institution,
            published_at=datetime(2023, 5, day, 12, tzinfo=ALMATY),
        )
    first = client.get("/news/?institution=tazhibaev-library").content.decode()
    assert len(titles(first)) == 12
    assert 'href="?institution=tazhibaev-library&amp;page=2"' in first
    second = client.get("/news/?institution=tazhibaev-library&page=2").content.decode()
    assert len(titles(second)) == 3


def test_the_article_shows_date_institution_tags_counts_and_share_links(
    client, demo_news
):
    html = client.get(
        ARTICLE, HTTP_USER_AGENT="Mozilla/5.0 Firefox/128.0"
    ).content.decode()
    assert "08 сәуір 2019 ж. 16:32" in html
    assert "Ә.Тәжібаев атындағы" in html
    assert "көшпелі көрме</a>" in html
    assert "3 пікір" in html, (
        "three approved demo comments; the pending one is not counted"
    )
    assert "413 қарау" in html
    assert "https://t.me/share/url?url=http%3A%2F%2Ftestserver%2Fnews%2Felbasy" in html
    assert '<script src="http' not in html, "no third-party scripts"


def test_related_articles_share_tags_or_the_institution(client, demo_news):
    institution = Institution.objects.get(slug="tazhibaev-library")
    NewsArticlePageFactory(
        title="Көшпелі көрме Арал ауданында",
        institution=institution,
        tags=["көшпелі көрме"],
    )
    NewsArticlePageFactory(title="Басқа мекеменің жаңалығы")
    html = client.get(ARTICLE).content.decode()
    related = html[html.index("related-heading") :]
    assert "Көшпелі көрме Арал ауданында" in related
    assert "Басқа мекеменің жаңалығы" not in related


def test_every_article_carries_open_graph_and_newsarticle_json_ld(client, demo_news):
    html = client.get("/ru" + ARTICLE).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="kk_KZ">' in html, (
        "the Russian portal shows the Kazakh original"
    )
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert data["@type"] == "NewsArticle"
    assert data["headline"].startswith("«ЕЛБАСЫ КІТАПХАНАСЫНЫҢ")
    assert data["datePublished"] == "2019-04-08T16:32:00+06:00"
    assert data["inLanguage"] == "kk"
    assert data["publisher"]["name"].startswith("Кызылординская")


def test_json_ld_cannot_be_broken_out_of(client, demo_news):
    article = NewsArticlePageFactory(title="</script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    ).group(1)
    assert json.loads(block)["headline"] == "</script><script>alert(1)</script>"


def test_images_in_the_body_need_alt_text(demo_news):
    image = Image.objects.create(
        title="Көшпелі көрменің ашылуы", file=get_test_image_file()
    )
    article = NewsArticlePage.objects.get(
        slug="elbasy-library-information-resources-session", locale__language_code="kk"
    )
    article.body = f'<p>Мәтін</p><embed embedtype="image" id="{image.pk}" format="captioned" alt=""/>'
    with pytest.raises(ValidationError, match="балама мәтін|alt text"):
        article.full_clean()
    article.body = f'<embed embedtype="image" id="{image.pk}" format="captioned" alt="Оқырмандар көрмеде"/>'
    article.full_clean()
    html = expand_db_html(article.body)
    assert 'alt="Оқырмандар көрмеде"' in html
    assert "<figcaption>Көшпелі көрменің ашылуы</figcaption>" in html


def test_scheduled_articles_stay_hidden_until_they_go_live(client, demo_news):
    article = NewsArticlePageFactory(title="Ертеңгі жаңалық")
    article.go_live_at = timezone.now() + timedelta(days=1)
    article.save_revision().publish()
    assert "Ертеңгі жаңалық" not in client.get("/news/").content.decode()
    assert client.get(article.url).status_code == 404
