"""Demo news: the two real articles Mura grew from, as Kazakh news of their libraries.

The first page carries its own date (08 сәуір 2019 ж. 16:32). The second has none;
the demo dates it 14 October 2021, 11:00 — plausible for a forum held for the
library's 125th anniversary (founded 1896) in the 30th year of Independence."""

import html
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale

from mura.comments.models import Comment
from mura.institutions.models import Institution
from mura.news.models import ArticleViewCount, NewsArticlePage, NewsIndexPage
from mura.portal.demo import translate_page
from mura.portal.models import HomePage

DATA = Path(__file__).parent / "demo_data"
ALMATY = ZoneInfo("Asia/Almaty")

SEEDS = [
    {
        "file": "elbasy-library-session-2019.txt",
        "slug": "elbasy-library-information-resources-session",
        "institution": "tazhibaev-library",
        "published_at": datetime(2019, 4, 8, 16, 32, tzinfo=ALMATY),
        "tags": ["кәсіби сессия", "Елбасы кітапханасы", "көшпелі көрме"],
        "views": 412,
        "comments": [
            (
                "Гүлмира Сейітқызы",
                "Сессия өте пайдалы болды, open space форматы әріптестермен тәжірибе алмасуға мүмкіндік берді. Рахмет!",
                True,
            ),
            (
                "Ерлан Жақсылықов",
                "Көшпелі көрме аудандарға да келе ме? Біздің ауылдық кітапханамыз қабылдауға дайын.",
                True,
            ),
            (
                "Анна Викторовна",
                "Спасибо за подаренные книги! «История одного артефакта» — замечательная идея для школьников.",
                True,
            ),
            (
                "Дәурен",
                "Көрменің келесі аялдамасы қашан және қайда болатынын жариялай аласыздар ма?",
                False,
            ),
        ],
    },
    {
        "file": "toraighyrov-library-forum-2021.txt",
        "slug": "international-forum-toraighyrov-library-125",
        "institution": "toraighyrov-library",
        "published_at": datetime(2021, 10, 14, 11, 0, tzinfo=ALMATY),
        "tags": ["халықаралық форум", "125 жыл", "Тәуелсіздікке 30 жыл"],
        "views": 1215,
        "comments": [
            (
                "Сәуле Мұқанова",
                "Торайғыров кітапханасына 125 жыл! Форумның шеберлік сыныптары ерекше ұнады.",
                True,
            ),
        ],
    },
]

NEWS_INDEX_TITLES = {"kk": "Жаңалықтар", "ru": "Новости", "en": "News"}
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


def news_index(home: HomePage) -> NewsIndexPage:
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=NewsIndexPage(
                title=NEWS_INDEX_TITLES["kk"], slug="news", show_in_menus=True
            )
        )
        index.save_revision().publish()
    return index


def load(*, stdout: TextIO) -> None:
    kk = Locale.objects.get(language_code="kk")
    home = HomePage.objects.get(locale=kk)
    index = news_index(home)
    for code in ("ru", "en"):
        translate_page(
            index, Locale.objects.get(language_code=code), title=NEWS_INDEX_TITLES[code]
        )
    for seed in SEEDS:
        title, paragraphs = parse_seed(
            (DATA / seed["file"]).read_text(encoding="utf-8")
        )
        article = (
            NewsArticlePage.objects.child_of(index).filter(slug=seed["slug"]).first()
        )
        if article is None:
            article = NewsArticlePage(slug=seed["slug"])
            article.title = title
            article.institution = Institution.objects.get(slug=seed["institution"])
            article.published_at = seed["published_at"]
            article.lead = paragraphs[0]
            article.body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
            index.add_child(instance=article)
            article.tags.add(*seed["tags"])
            article.first_published_at = seed["published_at"]
            article.save_revision().publish()
        # Readers of the Russian and English portal see the Kazakh original under their interface.
        for code in ("ru", "en"):
            locale = Locale.objects.get(language_code=code)
            if article.get_translation_or_none(locale) is None:
                article.copy_for_translation(locale, copy_parents=True, alias=True)
        add_readers(article, seed)
    stdout.write(f"  {len(SEEDS)} seed articles with their readers' comments and views")


def add_readers(article: NewsArticlePage, seed: dict) -> None:
    """Comments (the last of the first article still awaits moderation) and a view count,
    written directly: the demo must not e-mail moderators or count itself as a reader."""
    ArticleViewCount.objects.get_or_create(
        page=article, defaults={"count": seed["views"]}
    )
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    for number, (name, body, approved) in enumerate(seed["comments"], start=1):
        comment, created = Comment.objects.get_or_create(
            content_type=content_type,
            object_id=article.pk,
            name=name,
            defaults={
                "email": f"reader{number}@example.org",
                "body": body,
                "institution": article.institution,
                "language": "ru" if name == "Анна Викторовна" else "kk",
                "status": Comment.Status.APPROVED
                if approved
                else Comment.Status.PENDING,
            },
        )
        if created:
            # Readers answered within the first days after publication.
            written = article.published_at + timedelta(
                hours=5 * number, minutes=7 * number
            )
            Comment.objects.filter(pk=comment.pk).update(created_at=written)
