from datetime import datetime
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from mura.institutions.tests.factories import InstitutionFactory
from mura.news.models import NewsArticlePage, NewsIndexPage

ALMATY = ZoneInfo("Asia/Almaty")


class NewsArticlePageFactory(DjangoModelFactory[NewsArticlePage]):
    """A published article under `parent` (the Kazakh news index unless given)."""

    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Кітапхана жаңалығы №{n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    institution = factory.SubFactory(InstitutionFactory)
    published_at = factory.Sequence(
        lambda n: datetime(2024, 1, 1, 10, 0, tzinfo=ALMATY).replace(day=1 + n % 28)
    )
    lead = "Оқырмандарға арналған жаңа көрме ашылды."
    body = "<p>Көрмеде сирек кітаптар қойылды.</p>"

    @classmethod
    def _create(cls, model_class, *args, parent=None, tags=(), **kwargs):
        parent = parent or NewsIndexPage.objects.get(locale__language_code="kk")
        article = model_class(*args, **kwargs)
        parent.add_child(instance=article)
        if tags:
            article.tags.add(*tags)
        article.save_revision().publish()
        return article
