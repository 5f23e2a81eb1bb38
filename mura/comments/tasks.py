"""Telling moderators that a comment waits for them."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from mura.comments.models import Comment
from mura.institutions.models import Role
from mura.portal.addresses import absolute_url


def moderator_emails(comment: Comment) -> list[str]:
    """The institution's moderators, or the union administrators for comments of no institution."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if comment.institution_id:
        users = users.filter(
            institution_memberships__institution_id=comment.institution_id,
            institution_memberships__role=Role.MODERATOR,
        )
    else:
        users = users.filter(Q(is_superuser=True))
    return sorted(set(users.values_list("email", flat=True)))


@task()
def notify_moderators(comment_id: int) -> int:
    comment = (
        Comment.objects.select_related("institution").filter(pk=comment_id).first()
    )
    if comment is None:
        return 0
    recipients = moderator_emails(comment)
    if not recipients:
        return 0
    with translation.override(settings.MURA_ADMIN_DEFAULT_LANGUAGE):
        admin_url = absolute_url(reverse("wagtailsnippets_comments_comment:list"))
        subject = gettext("New comment awaits moderation: %(name)s") % {
            "name": comment.name
        }
        body = render_to_string(
            "comments/email/new_comment.txt",
            {"comment": comment, "admin_url": admin_url},
        )
    send_mail(subject, body, None, recipients)
    return len(recipients)
