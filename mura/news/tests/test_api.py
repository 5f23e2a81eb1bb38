"""The news API: paged like every Mura list, with counts, and without commenters' e-mails."""

from mura.news.models import NewsArticlePage


def test_the_list_is_paged_newest_first(client, demo_news):
    data = client.get("/api/v1/news").json()
    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == 2
    first = data["results"][0]
    assert first["kind"] == "news_article"
    assert (
        first["url"]
        == "http://testserver/news/international-forum-toraighyrov-library-125/"
    )
    assert first["institution"]["slug"] == "toraighyrov-library"
    assert first["view_count"] == 1215 and first["comment_count"] == 1
    assert "page=2" in client.get("/api/v1/news?page_size=1").json()["next"]


def test_filters_and_languages(client, demo_news):
    assert client.get("/api/v1/news?institution=tazhibaev-library").json()["count"] == 1
    ru = client.get("/api/v1/news?lang=ru").json()["results"]
    assert all("/ru/news/" in article["url"] for article in ru)


def test_the_detail_has_the_body_and_approved_comments_without_emails(
    client, demo_news
):
    article = NewsArticlePage.objects.get(
        slug="elbasy-library-information-resources-session", locale__language_code="kk"
    )
    response = client.get(f"/api/v1/news/{article.pk}")
    data = response.json()
    assert "<p>" in data["body"]
    assert [comment["name"] for comment in data["comments"]] == [
        "Гүлмира Сейітқызы",
        "Ерлан Жақсылықов",
        "Анна Викторовна",
    ]
    assert set(data["comments"][0]) == {"name", "created_at", "body"}
    assert "example.org" not in response.content.decode()
    assert client.get("/api/v1/news/999999").status_code == 404
