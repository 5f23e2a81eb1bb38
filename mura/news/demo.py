"""Demo news: the two real articles Mura grew from, as Kazakh news of their libraries.

The pages' texts are `demo_data/*.txt`; their dates, tags, views and readers' comments
are `demo_data/articles.yaml`."""

import html
import re
from datetime import datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale

from mura.comments.models import Comment
from mura.institutions.models import Institution
from mura.news.models import ArticleViewCount, NewsArticlePage, NewsIndexPage
from mura.portal.demo import demo_data, demo_file, translate_page
from mura.portal.models import HomePage

ALMATY = ZoneInfo("Asia/Almaty")

# The page chrome the original portal printed after the text (date, views, comment form).
TRAILER = re.compile(r"^\d{2} \S+ \d{4} ж\. \d{2}:\d{2}$")


def parse_seed(text: str) -> tuple[str, list[str]]:
    """Title and paragraphs of a seed page, without the portal's trailing chrome."""
    lines = [line.strip() for line in text.splitlines()]
    title = lines[0]
    paragraphs: list[str] = []
    for line in lines[1:]:
        if TRAILER.match(line):
            break
        if line:
            paragraphs.append(re.sub(r"\s{2,}", " ", line))
    return title, paragraphs


def news_index(home: HomePage, title: str) -> NewsIndexPage:
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=NewsIndexPage(title=title, slug="news", show_in_menus=True)
        )
        index.save_revision().publish()
    return index


def load(*, stdout: TextIO) -> None:
    data = demo_data("news", "articles.yaml")
    titles = data["index_titles"]
    kk = Locale.objects.get(language_code="kk")
    home = HomePage.objects.get(locale=kk)
    index = news_index(home, titles["kk"])
    for code in ("ru", "en"):
        translate_page(
            index, Locale.objects.get(language_code=code), title=titles[code]
        )
    for seed in data["articles"]:
        title, paragraphs = parse_seed(
            demo_file("news", seed["file"]).read_text(encoding="utf-8")
        )
        published_at = datetime.fromisoformat(seed["published_at"]).replace(
            tzinfo=ALMATY
        )
        article = (
            NewsArticlePage.objects.child_of(index).filter(slug=seed["slug"]).first()
        )
        if article is None:
            article = NewsArticlePage(slug=seed["slug"])
            article.title = title
            article.institution = Institution.objects.get(slug=seed["institution"])
            article.published_at = published_at
            article.lead = paragraphs[0]
            article.body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
            index.add_child(instance=article)
            article.tags.add(*seed["tags"])
            article.first_published_at = published_at
            article.save_revision().publish()
        # Readers of the Russian and English portal see the Kazakh original under their interface.
        for code in ("ru", "en"):
            locale = Locale.objects.get(language_code=code)
            if article.get_translation_or_none(locale) is None:
                article.copy_for_translation(locale, copy_parents=True, alias=True)
        add_readers(article, seed)
    stdout.write(
        f"  {len(data['articles'])} seed articles with their readers' comments and views"
    )


def add_readers(article: NewsArticlePage, seed: dict) -> None:
    """Comments (the last of the first article still awaits moderation) and a view count,
    written directly: the demo must not e-mail moderators or count itself as a reader."""
    ArticleViewCount.objects.get_or_create(
        page=article, defaults={"count": seed["views"]}
    )
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    for number, row in enumerate(seed["comments"], start=1):
        comment, created = Comment.objects.get_or_create(
            content_type=content_type,
            object_id=article.pk,
            name=row["name"],
            defaults={
                "email": f"reader{number}@example.org",
                "body": row["body"],
                "institution": article.institution,
                "language": row["language"],
                "status": Comment.Status.APPROVED
                if row["approved"]
                else Comment.Status.PENDING,
            },
        )
        if created:
            # Readers answered within the first days after publication.
            written = article.published_at + timedelta(
                hours=5 * number, minutes=7 * number
            )
            Comment.objects.filter(pk=comment.pk).update(created_at=written)
