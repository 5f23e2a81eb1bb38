"""Make the stock site's database and its one article: the text, title and tags of Mura's
first demo article, under the default site's root (``python -m bench.stock_wagtail.load``)."""

import datetime
import html
import os
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.stock_wagtail.settings")
django.setup()

from django.core.management import call_command  # noqa: E402 - after setup
from wagtail.models import Page, Site  # noqa: E402

from bench.stock_wagtail.articles.models import ArticlePage  # noqa: E402

SOURCE = (
    Path(__file__).resolve().parents[2]
    / "mura/news/demo_data/elbasy-library-session-2019.txt"
)
SLUG = "elbasy-library-information-resources-session"


def main() -> None:
    call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    root = site.root_page
    if ArticlePage.objects.filter(slug=SLUG).exists():
        return
    title, *paragraphs = [
        line.strip() for line in SOURCE.read_text().splitlines() if line.strip()
    ]
    article = ArticlePage(
        title=title,
        slug=SLUG,
        date=datetime.date(2019, 4, 8),
        body="".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs),
    )
    root.add_child(instance=article)
    article.tags.add("кәсіби сессия", "Елбасы кітапханасы", "көшпелі көрме")
    article.save_revision().publish()
    Page.objects.filter(pk=article.pk).update(live=True)


if __name__ == "__main__":
    main()
