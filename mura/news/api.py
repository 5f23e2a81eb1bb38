"""REST API: news articles, newest first, with view and comment counts and approved comments.

Commenters' e-mail addresses are not part of any schema here, so they cannot leak."""

from datetime import datetime
from typing import Annotated, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import FilterLookup, FilterSchema, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.rich_text import expand_db_html

from mura.api.pagination import PageNumberPagination
from mura.api.params import ObjectId, SlugFilter
from mura.comments.models import Comment
from mura.institutions.api import InstitutionRef
from mura.news.models import NewsArticlePage, article_view_total

router = Router(tags=["news"])


class ArticleOut(Schema):
    id: int
    url: str
    kind: str = "news_article"
    title: str
    lead: str
    language: str
    published_at: datetime
    institution: InstitutionRef
    tags: list[str]
    view_count: int
    comment_count: int

    @staticmethod
    def resolve_url(obj: NewsArticlePage, context) -> str:
        return context["request"].build_absolute_uri(obj.get_url(context["request"]))

    @staticmethod
    def resolve_language(obj: NewsArticlePage) -> str:
        return obj.locale.language_code

    @staticmethod
    def resolve_tags(obj: NewsArticlePage) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_view_count(obj: NewsArticlePage) -> int:
        return article_view_total(obj.alias_of_id or obj.pk)

    @staticmethod
    def resolve_comment_count(obj: NewsArticlePage) -> int:
        return (
            Comment.objects.filter(
                content_type__model="newsarticlepage",
                object_id=obj.alias_of_id or obj.pk,
            )
            .approved()
            .count()
        )


class CommentOut(Schema):
    name: str
    created_at: datetime
    body: str


class ArticleDetailOut(ArticleOut):
    body: str
    comments: list[CommentOut]

    @staticmethod
    def resolve_body(obj: NewsArticlePage) -> str:
        return expand_db_html(obj.body)

    @staticmethod
    def resolve_comments(obj: NewsArticlePage) -> list[Comment]:
        original = (
            NewsArticlePage.objects.get(pk=obj.alias_of_id) if obj.alias_of_id else obj
        )
        return list(Comment.objects.for_object(original).approved().oldest_first())


def _articles():
    return NewsArticlePage.objects.for_listing().prefetch_related("tags")


class ArticleFilters(FilterSchema):
    institution: Annotated[SlugFilter, FilterLookup("institution__slug")] = None
    tag: Annotated[SlugFilter, FilterLookup("tagged_items__tag__slug")] = None


@router.get("", response=list[ArticleOut], summary="List news articles, newest first")
@paginate(PageNumberPagination)
def list_articles(
    request: HttpRequest,
    lang: Literal["kk", "ru", "en"] = "kk",
    filters: Query[ArticleFilters] = None,
):
    return filters.filter(_articles().in_language(lang))


@router.get(
    "/{article_id}",
    response=ArticleDetailOut,
    summary="One news article with its approved comments",
)
def get_article(request: HttpRequest, article_id: ObjectId):
    return get_object_or_404(_articles(), pk=article_id)
