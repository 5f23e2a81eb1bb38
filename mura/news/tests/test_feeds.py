"""RSS 2.0 and Atom feeds that feed readers parse without complaint, one per language."""

import feedparser
import pytest


@pytest.mark.parametrize(
    ("url", "version"), [("/feeds/news.rss", "rss20"), ("/feeds/news.atom", "atom10")]
)
def test_the_feeds_parse_cleanly(client, demo_news, url, version):
    response = client.get(url)
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == version
    assert feed.feed.language == "kk"
    titles = [entry.title for entry in feed.entries]
    assert titles == [
        "Халықаралық форум басталды!",
        "«ЕЛБАСЫ КІТАПХАНАСЫНЫҢ АҚПАРАТТЫҚ РЕСУРСТАРЫ» АЙМАҚТЫҚ КӘСІБИ СЕССИЯСЫ ӨТТІ",
    ]
    entry = feed.entries[1]
    assert (
        entry.link
        == "http://testserver/news/elbasy-library-information-resources-session/"
    )
    assert entry.published_parsed[:5] == (2019, 4, 8, 10, 32), (
        "16:32 in Almaty is 10:32 UTC"
    )
    assert {tag.term for tag in entry.tags} == {
        "кәсіби сессия",
        "Елбасы кітапханасы",
        "көшпелі көрме",
    }
    assert "@" not in response.content.decode()


def test_the_russian_feed_links_to_the_russian_pages(client, demo_news):
    feed = feedparser.parse(client.get("/feeds/news.atom?lang=ru").content)
    assert feed.bozo == 0
    assert feed.feed.title == "Мура: новости библиотек, архивов и музеев"
    assert all("/ru/news/" in entry.link for entry in feed.entries)
    assert (
        feedparser.parse(client.get("/feeds/news.rss?lang=xx").content).feed.language
        == "kk"
    )


def test_pages_advertise_their_feeds(client, demo_news):
    html = client.get("/ru/news/").content.decode()
    assert 'type="application/rss+xml"' in html and "/feeds/news.rss?lang=ru" in html
