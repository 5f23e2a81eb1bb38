"""Writing and moderating comments."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log

from mura.comments.models import Comment, CommentSettings
from mura.comments.tasks import notify_moderators
from mura.portal.content_version import content_changed


class CommentsClosed(Exception):
    """The object does not take comments (switched off, closed after N days, or unpublished)."""


def comments_open(target: models.Model) -> bool:
    """An object takes comments when it says so through `comments_open()`."""
    check = getattr(target, "comments_open", None)
    return bool(callable(check) and check())


@transaction.atomic
def comment_create(
    *,
    target: models.Model,
    name: str,
    email: str,
    body: str,
    language: str,
    ip_hash: str,
) -> Comment:
    if not comments_open(target):
        raise CommentsClosed
    comment = Comment(
        target=target,
        institution_id=getattr(target, "institution_id", None),
        name=name.strip(),
        email=email.strip(),
        body=body.strip(),
        language=language,
        ip_hash=ip_hash,
    )
    comment.full_clean()
    comment.save()
    if CommentSettings.current().notify_moderators:
        transaction.on_commit(lambda: notify_moderators.enqueue(comment.pk))
    return comment


@transaction.atomic
def comments_moderate(
    *, comments: Iterable[Comment], status: Comment.Status, user: AbstractBaseUser
) -> int:
    """Approve, reject or mark as spam; returns how many comments changed."""
    ids = [comment.pk for comment in comments]
    changing = list(Comment.objects.filter(pk__in=ids).exclude(status=status))
    Comment.objects.filter(pk__in=[comment.pk for comment in changing]).update(
        status=status, moderated_at=timezone.now(), moderated_by=user
    )
    for comment in changing:
        log(instance=comment, action=f"mura.comment.{status}", user=user)
    if changing:
        # A bulk update sends no post_save: the pages showing comments change here.
        content_changed()
    return len(changing)
