import re
import time
from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from mura.comments.models import CommentSettings
from mura.institutions.forms import InstitutionPageForm
from mura.institutions.models import InstitutionOwned, Role
from mura.news.filters import NewsFilters
from mura.news.seo import article_jsonld, article_meta
from mura.portal.content_version import content_cached
from mura.portal.locales import page_locale_attach
from mura.portal.models import BasePage
from mura.portal.restrictions import PortalPageQuerySet

# An image embedded in rich text is stored as <embed embedtype="image" ... alt="..."/>.
IMAGE_EMBED = re.compile(r"<embed\b[^>]*\bembedtype=\"image\"[^>]*>")
EMBED_ALT = re.compile(r"\balt=\"([^\"]*)\"")
# How long a reader may see an article's total without the visits counted elsewhere:
# in the shared cache, and in one process.
VIEW_COUNT_SECONDS = 60
VIEW_COUNT_HERE_SECONDS = 1
VIEW_COUNTS_HERE = 1_000


class NewsArticleQuerySet(PortalPageQuerySet):
    def newest_first(self) -> "NewsArticleQuerySet":
        return self.order_by("-published_at", "-pk")

    def for_listing(self) -> "NewsArticleQuerySet":
        return (
            self.live()
            .public()
            .select_related(
                "institution", "listing_image", "locale", "alias_of__locale"
            )
            .newest_first()
        )

    def in_language(self, language: str) -> "NewsArticleQuerySet":
        return self.filter(locale__language_code=language)


class NewsIndexPage(BasePage):
    """The list of news, newest first, in one language.

    Filters are query parameters, so they combine and survive paging:
    `?institution=<slug>&tag=<slug>&year=2019&month=4&page=2`."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1
    page_size = 12

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        every_article = NewsArticlePage.objects.child_of(self).for_listing()
        filters = NewsFilters(request.GET, every_article)
        context["filters"] = filters
        context["articles"] = Paginator(filters.apply(), self.page_size).get_page(
            request.GET.get("page")
        )
        return context


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsArticlePage(InstitutionOwned, BasePage):
    """One news article of an institution: the heart of the regional portals Mura replaces."""

    published_at = models.DateTimeField(
        _("date and time"),
        default=timezone.now,
        help_text=_("Shown on the article and used to order the news."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown under the title."),
    )
    body = RichTextField(
        _("body"),
        help_text=_(
            "Insert photos with “Full width with caption”: the image title is printed as its caption."
        ),
    )
    tags = ClusterTaggableManager(
        through=NewsArticleTag, blank=True, verbose_name=_("tags")
    )
    comments_enabled = models.BooleanField(_("readers may comment"), default=True)
    comments_close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        null=True,
        blank=True,
        help_text=_("Empty: the site-wide setting applies; 0 keeps comments open."),
    )

    objects = PageManager.from_queryset(NewsArticleQuerySet)()

    institution_role = Role.EDITOR
    base_form_class = InstitutionPageForm
    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("institution"), FieldPanel("published_at")]),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    settings_panels = BasePage.settings_panels + [
        MultiFieldPanel(
            [FieldPanel("comments_enabled"), FieldPanel("comments_close_after_days")],
            heading=_("Comments"),
        )
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        for embed in IMAGE_EMBED.findall(self.body or ""):
            alt = EMBED_ALT.search(embed)
            if alt is None or not alt.group(1).strip():
                raise ValidationError(
                    {
                        "body": _(
                            "Every image in the text needs alt text for readers who cannot see it."
                        )
                    }
                )

    def get_context(self, request, *args, **kwargs):
        # The tags are printed three times and choose the related news: read them once.
        prefetch_related_objects([self], "tags")
        page_locale_attach(self)
        context = super().get_context(request, *args, **kwargs)
        context["original"] = self.original
        page_locale_attach(self.original)
        # The language of an alias's untranslated text, marked on the page; else "".
        source = self.original.locale.language_code
        context["source_language"] = (
            "" if source == self.locale.language_code else source
        )
        context["view_count"] = self.original.view_count
        # The same for every reader until the content changes.
        context["related"] = content_cached(
            f"related-articles:{self.pk}", self.related_articles
        )
        context["meta"] = article_meta(request, self)
        context["jsonld"] = article_jsonld(self, context["meta"])
        return context

    @cached_property
    def original(self) -> "NewsArticlePage":
        """The page that holds comments and views: the source of an alias (the Russian and
        English portals show untranslated Kazakh articles as aliases), or the page itself."""
        if self.alias_of_id:
            return NewsArticlePage.objects.get(pk=self.alias_of_id)
        return self

    @property
    def view_count(self) -> int:
        return article_view_total(self.pk)

    def related_articles(self, limit: int = 3) -> list["NewsArticlePage"]:
        """Articles in the same language sharing a tag, then the same institution's latest."""
        siblings = (
            NewsArticlePage.objects.for_listing()
            .in_language(self.locale.language_code)
            .exclude(pk=self.pk)
        )
        tag_ids = [tag.pk for tag in self.tags.all()]
        related = (
            list(
                siblings.filter(tagged_items__tag_id__in=tag_ids)
                .annotate(shared=Count("tagged_items"))
                .order_by("-shared", "-published_at")[:limit]
            )
            if tag_ids
            else []
        )
        if len(related) < limit:
            seen = [article.pk for article in related]
            related += list(
                siblings.filter(institution=self.institution_id).exclude(pk__in=seen)[
                    : limit - len(related)
                ]
            )
        return related

    def comments_open(self) -> bool:
        """The comments app asks this before it accepts a comment (see mura.comments)."""
        if not (self.live and self.comments_enabled):
            return False
        days = self.comments_close_after_days
        if days is None:
            days = CommentSettings.current().close_after_days
        return not days or timezone.now() < self.published_at + timedelta(days=days)


class ArticleViewCount(models.Model):
    """The running total of an article's views, kept off the page row so that publishing a
    revision never overwrites it."""

    page = models.OneToOneField(
        NewsArticlePage,
        verbose_name=_("article"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="view_counter",
    )
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("view count")
        verbose_name_plural = _("view counts")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.count}"


def _view_count_key(article_id: int) -> str:
    return f"mura:news:views:{article_id}"


# Totals this process read from the shared cache, and when.
_totals_here: dict[int, tuple[float, int]] = {}


def article_view_total(article_id: int) -> int:
    """The article's views, kept in the shared cache (for a minute at most, and forgotten
    when a visit is counted) and, for a second, in this process, so a cached page
    prints it without a query."""
    now = time.monotonic()
    held = _totals_here.get(article_id)
    if held is not None and now - held[0] < VIEW_COUNT_HERE_SECONDS:
        return held[1]
    key = _view_count_key(article_id)
    count = cache.get(key)
    if count is None:
        count = (
            ArticleViewCount.objects.filter(page_id=article_id)
            .values_list("count", flat=True)
            .first()
        ) or 0
        cache.set(key, count, VIEW_COUNT_SECONDS)
    if len(_totals_here) >= VIEW_COUNTS_HERE:
        _totals_here.clear()
    _totals_here[article_id] = (now, count)
    return count


def view_count_forget(article_id: int) -> None:
    _totals_here.pop(article_id, None)
    cache.delete(_view_count_key(article_id))


def view_totals_here_forget() -> None:
    """Forget the totals this process holds (a test's database and cache are new)."""
    _totals_here.clear()


class ArticleVisit(models.Model):
    """One visitor's first view of an article on a day. The visitor is a hash salted with the
    secret key and the day, so it cannot be reversed or followed from one day to the next."""

    page = models.ForeignKey(
        NewsArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("day"), db_index=True)
    visitor = models.CharField(_("visitor (hashed)"), max_length=64)

    class Meta:
        verbose_name = _("article visit")
        verbose_name_plural = _("article visits")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "day", "visitor"], name="one_view_per_visitor_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.day}"
