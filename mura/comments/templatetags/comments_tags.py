from django import template
from django.db import models

from mura.comments.forms import CommentForm
from mura.comments.models import Comment, target_key
from mura.comments.services import comments_open

register = template.Library()


@register.inclusion_tag("comments/includes/comments.html", takes_context=True)
def comments_for(context: template.Context, obj: models.Model) -> dict:
    """`{% comments_for obj %}`: the approved comments, oldest first, and the form when open."""
    request = context["request"]
    return {
        "request": request,
        "comments": _approved(obj),
        "open": comments_open(obj),
        "form": CommentForm(),
        "target": obj,
        "target_type": target_key(obj),
        "next_url": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
        "sent": False,
    }


@register.simple_tag
def comment_count(obj: models.Model) -> int:
    return len(_approved(obj))


def _approved(obj: models.Model) -> list[Comment]:
    """The approved comments, oldest first, read once for the count and the list."""
    if not hasattr(obj, "_mura_approved_comments"):
        obj._mura_approved_comments = list(
            Comment.objects.for_object(obj).approved().oldest_first()
        )
    return obj._mura_approved_comments
