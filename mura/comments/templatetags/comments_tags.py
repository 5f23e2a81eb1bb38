from django import template
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from mura.comments.forms import CommentForm
from mura.comments.models import Comment, target_key
from mura.comments.services import comments_open
from mura.portal.captcha_keys import captcha_key
from mura.portal.content_version import content_cached_per_page

register = template.Library()

# What differs from one reader's blank form to the next: left as holes in the form
# rendered once per language, filled for each reader.
CSRF_HOLE = "\x00mura-csrf\x00"
TARGET_TYPE_HOLE = "\x00mura-target-type\x00"
TARGET_ID_HOLE = "\x00mura-target-id\x00"
NEXT_HOLE = "\x00mura-next\x00"
CAPTCHA_HOLE = "\x00mura-captcha\x00"


@register.inclusion_tag("comments/includes/comments.html", takes_context=True)
def comments_for(context: template.Context, obj: models.Model) -> dict:
    """`{% comments_for obj %}`: the approved comments, oldest first, and the form when open."""
    is_open = comments_open(obj)
    return {
        "comments": _approved(obj),
        "open": is_open,
        "form_html": _blank_form(context, obj) if is_open else "",
    }


def _blank_form(context: template.Context, obj: models.Model) -> SafeString:
    """comments/includes/form.html for a new comment on ``obj``: its widgets are drawn
    once per language and content version, the reader's CSRF token, CAPTCHA key and
    return address put in for each."""
    html = content_cached_per_page(
        f"comment-form:{translation.get_language()}", _blank_form_with_holes
    )
    for hole, value in (
        (CSRF_HOLE, context.get("csrf_token")),
        (TARGET_TYPE_HOLE, target_key(obj)),
        (TARGET_ID_HOLE, obj.pk),
        (NEXT_HOLE, context["request"].get_full_path()),
        (CAPTCHA_HOLE, captcha_key()),
    ):
        html = html.replace(hole, conditional_escape(value))
    return mark_safe(html)  # noqa: S308 - a rendered template, each value escaped above


def _blank_form_with_holes() -> str:
    form = CommentForm()
    html = render_to_string(
        "comments/includes/form.html",
        {
            "form": form,
            "target": {"pk": TARGET_ID_HOLE},
            "target_type": TARGET_TYPE_HOLE,
            "next_url": NEXT_HOLE,
            "csrf_token": CSRF_HOLE,
            "sent": False,
        },
    )
    # The CAPTCHA key the widget drew with (in its image's addresses and hidden field).
    return html.replace(form.fields["captcha"].widget._key, CAPTCHA_HOLE)


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
