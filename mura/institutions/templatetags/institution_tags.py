from django import template

from mura.institutions.models import Institution
from mura.portal.content_version import content_cached

register = template.Library()


@register.inclusion_tag("institutions/includes/institution_strip.html")
def institution_strip(limit: int = 6) -> dict:
    return {
        "institutions": content_cached(
            f"institution-strip:{limit}",
            lambda: list(Institution.objects.public()[:limit]),
        )
    }
