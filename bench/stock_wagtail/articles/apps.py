from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "bench.stock_wagtail.articles"
    label = "stock_articles"
