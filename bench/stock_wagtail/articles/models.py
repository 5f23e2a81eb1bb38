from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "stock_articles.ArticlePage",
        related_name="tagged_items",
        on_delete=models.CASCADE,
    )


class ArticlePage(Page):
    date = models.DateField()
    body = RichTextField()
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
