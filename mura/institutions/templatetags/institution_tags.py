from django import template

from mura.institutions.models import Institution

register = template.Library()


@register.inclusion_tag("institutions/includes/institution_strip.html")
def institution_strip(limit: int = 6) -> dict:
    return {"institutions": list(Institution.objects.public()[:limit])}
