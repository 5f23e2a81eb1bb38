"""The news list's filters: institution, tag and month, read from the query string."""

from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.http import QueryDict
from django.utils import timezone
from taggit.models import Tag

from mura.institutions.models import Institution
from mura.portal.querystring import whole_number
from mura.portal.translation import current_language

if TYPE_CHECKING:
    from mura.news.models import NewsArticleQuerySet


class NewsFilters:
    """Parses `?institution=&tag=&year=&month=`; unknown values are ignored, never an error."""

    def __init__(self, params: QueryDict, articles: "NewsArticleQuerySet"):
        self.articles = articles
        institution, tag = params.get("institution"), params.get("tag")
        self.institution = (
            Institution.objects.filter(slug=institution).first()
            if institution
            else None
        )
        self.tag = Tag.objects.filter(slug=tag).first() if tag else None
        self.year = whole_number(params.get("year"), range(1900, 2101))
        self.month = (
            whole_number(params.get("month"), range(1, 13)) if self.year else None
        )

    def apply(self) -> "NewsArticleQuerySet":
        articles = self.articles
        if self.institution:
            articles = articles.filter(institution=self.institution)
        if self.tag:
            articles = articles.filter(tagged_items__tag=self.tag)
        if self.year:
            articles = articles.filter(published_at__year=self.year)
        if self.month:
            articles = articles.filter(published_at__month=self.month)
        return articles

    @property
    def active(self) -> bool:
        return bool(self.institution or self.tag or self.year)

    def query(self, **changes: str | int | None) -> str:
        """The current filters as a query string, with some replaced (None drops one)."""
        values: dict[str, str | int | None] = {
            "institution": self.institution.slug if self.institution else None,
            "tag": self.tag.slug if self.tag else None,
            "year": self.year,
            "month": self.month,
        }
        values.update(changes)
        query = QueryDict(mutable=True)
        for key, value in values.items():
            if value:
                query[key] = str(value)
        return query.urlencode()

    def institutions(self) -> QuerySet:
        return Institution.objects.filter(pk__in=self.articles.values("institution_id"))

    def tags(self, limit: int = 20) -> list[dict]:
        """The most used tags, each with the link that filters by it (page reset to 1)."""
        tags = (
            Tag.objects.filter(
                news_newsarticletag_items__content_object__in=self.articles.values("pk")
            )
            .annotate(count=Count("pk"))
            .order_by("-count", "name")[:limit]
        )
        return [
            {
                "name": tag.name,
                "count": tag.count,
                "query": self.query(tag=tag.slug),
                "active": tag == self.tag,
            }
            for tag in tags
        ]

    def months(self) -> list[dict]:
        """Months that have articles, newest first, named in the reader's language."""
        language = current_language()
        rows = (
            self.articles.order_by()
            .annotate(
                month=TruncMonth("published_at", tzinfo=timezone.get_current_timezone())
            )
            .values("month")
            .annotate(count=Count("pk"))
            .order_by("-month")
        )
        months = []
        for row in rows:
            month: date = row["month"]
            months.append(
                {
                    "year": month.year,
                    "month": month.month,
                    "label": format_date(month, "LLLL y", locale=language),
                    "count": row["count"],
                    "query": self.query(year=month.year, month=month.month),
                    "active": (self.year, self.month) == (month.year, month.month),
                }
            )
        return months
