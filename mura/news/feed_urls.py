"""News feeds: /feeds/news.rss and /feeds/news.atom (`?lang=ru|en`; Kazakh by default)."""

from django.urls import path

from mura.news.feeds import NewsAtomFeed, NewsRssFeed

app_name = "feeds"

urlpatterns = [
    path("news.rss", NewsRssFeed(), name="news_rss"),
    path("news.atom", NewsAtomFeed(), name="news_atom"),
]
