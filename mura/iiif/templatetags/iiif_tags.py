"""The deep-zoom viewer on pages that show IIIF images."""

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("iiif/viewer_assets.html")
def iiif_viewer_assets() -> dict:
    """The viewer's script and style, when the viewer is installed."""
    return {"available": settings.MURA_IIIF_VIEWER}
