from django import template
from django.utils import timezone
from wagtail.models import Locale

from mura.exhibitions.models import (
    ArtifactStoryPage,
    ExhibitionIndexPage,
    ExhibitionPage,
)

register = template.Library()


@register.inclusion_tag("exhibitions/tags/teaser.html")
def exhibitions_teaser(limit: int = 3) -> dict:
    """`{% exhibitions_teaser %}`: open exhibitions first, then artifact stories, in the reader's language."""
    index = (
        ExhibitionIndexPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .first()
    )
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
