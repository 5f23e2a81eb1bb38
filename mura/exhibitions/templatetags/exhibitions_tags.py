from django import template
from django.utils import timezone

from mura.exhibitions.covers import card_catalogue_image, card_cover_url
from mura.exhibitions.models import (
    ArtifactStoryPage,
    ExhibitionIndexPage,
    ExhibitionPage,
)
from mura.institutions.models import Institution
from mura.portal.content_version import content_cached
from mura.portal.locales import locale_active

register = template.Library()


@register.inclusion_tag("exhibitions/tags/card_picture.html")
def card_picture(page: ExhibitionPage | ArtifactStoryPage) -> dict:
    """`{% card_picture page %}`: the card's picture, never an empty box: the listing
    image, else the first catalogue image the page shows, else a drawn cover."""
    if page.listing_image_id:
        return {"image": page.listing_image}
    # The same cards show on the home, institution and exhibition pages.
    file = content_cached(f"card-image:{page.pk}", lambda: card_catalogue_image(page))
    if file is not None:
        return {"image": file.image}
    return {"cover_url": card_cover_url(page)}


def _index() -> ExhibitionIndexPage | None:
    """The exhibitions' index page in the reader's language."""
    locale = locale_active()
    return content_cached(
        f"exhibition-index:{locale.pk}",
        lambda: (
            ExhibitionIndexPage.objects.live().public().filter(locale=locale).first()
        ),
    )


@register.inclusion_tag("exhibitions/tags/teaser.html")
def exhibitions_teaser(limit: int = 3) -> dict:
    """`{% exhibitions_teaser %}`: open exhibitions first, then artifact stories, in the reader's language."""
    index = _index()
    if index is None:
        return {"index": None, "exhibitions": [], "stories": []}
    exhibitions = list(
        ExhibitionPage.objects.child_of(index)
        .for_listing()
        .current(timezone.localdate())[:limit]
    )
    stories = list(
        ArtifactStoryPage.objects.child_of(index).for_listing()[
            : max(limit - len(exhibitions), 1)
        ]
    )
    return {"index": index, "exhibitions": exhibitions, "stories": stories}


@register.inclusion_tag("exhibitions/tags/teaser.html")
def institution_exhibitions(institution: Institution, limit: int = 6) -> dict:
    """`{% institution_exhibitions institution %}`: the institution's open and coming
    exhibitions, then its artifact stories, in the reader's language."""
    locale = locale_active()
    today = timezone.localdate()
    exhibitions = ExhibitionPage.objects.for_listing().filter(
        locale=locale, institution=institution
    )
    shown = list(exhibitions.current(today)[:limit])
    shown += list(exhibitions.upcoming(today)[: limit - len(shown)])
    stories = ArtifactStoryPage.objects.for_listing().filter(
        locale=locale, institution=institution
    )
    return {
        "index": _index(),
        "exhibitions": shown,
        "stories": list(stories[: max(limit - len(shown), 0)]),
    }
