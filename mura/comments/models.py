"""Moderated comments that attach to any object: news today, events and catalogue items later.

An object accepts comments when it has a `comments_open()` method that returns True
(the opt-in); its `institution` attribute, when present, decides who moderates."""

import copy

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from mura.institutions.models import Institution
from mura.portal.content_version import content_cached


class CommentQuerySet(models.QuerySet):
    def for_object(self, obj: models.Model) -> "CommentQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )

    def approved(self) -> "CommentQuerySet":
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self) -> "CommentQuerySet":
        return self.filter(status=Comment.Status.PENDING)

    def oldest_first(self) -> "CommentQuerySet":
        return self.order_by("created_at", "pk")


class Comment(models.Model):
    """A reader's comment. The e-mail is for staff only: no public page, feed or API shows it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("type of object"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    target = GenericForeignKey("content_type", "object_id")
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The institution whose moderators handle the comment."),
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    body = models.TextField(_("comment"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A salted hash of the sender's address, so a flood can be traced without storing the address.
    ip_hash = models.CharField(
        _("sender (hashed address)"), max_length=64, blank=True, editable=False
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "status"],
                name="comment_target_status",
            )
        ]

    def __str__(self) -> str:
        excerpt = " ".join(self.body.split())
        return f"{self.name}: {excerpt[:60]}{'…' if len(excerpt) > 60 else ''}"


def target_key(obj: models.Model) -> str:
    """How the comment form names the commented object's type: "app_label.model"."""
    content_type = ContentType.objects.get_for_model(obj)
    return f"{content_type.app_label}.{content_type.model}"


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    """Site-wide comment rules; an article may close its comments earlier."""

    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=0,
        help_text=_(
            "Comments close this many days after publication; 0 keeps them open."
        ),
    )
    notify_moderators = models.BooleanField(
        _("e-mail moderators about new comments"),
        default=True,
    )

    class Meta:
        verbose_name = _("comment settings")

    @classmethod
    def current(cls) -> "CommentSettings":
        """The default site's settings (Mura serves one portal per installation), read
        once per process and content version."""

        def load() -> "CommentSettings":
            site = Site.objects.filter(is_default_site=True).first()
            return cls.for_site(site) if site else cls()

        return copy.copy(content_cached("comment-settings", load))
