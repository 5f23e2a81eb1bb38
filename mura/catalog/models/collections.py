"""Named collections of records, nested, with a cover image."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mura.portal.translation import TranslatedField


class CollectionQuerySet(models.QuerySet):
    def public(self) -> "CollectionQuerySet":
        return self.filter(is_public=True)


class Collection(models.Model):
    """A curated set of records across kinds and institutions; may nest."""

    slug = models.SlugField(_("address name"), max_length=80, unique=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subcollections",
    )
    is_public = models.BooleanField(_("shown on the portal"), default=True)

    objects = CollectionQuerySet.as_manager()

    title = TranslatedField("title")
    description = TranslatedField("description")

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["title_kk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:collection", kwargs={"slug": self.slug})

    def ancestors(self) -> list["Collection"]:
        chain, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            chain.insert(0, node)
            node = node.parent
        return chain
