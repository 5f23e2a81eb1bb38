import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageViewRestriction

from mura.portal.content_version import content_cached
from mura.portal.restrictions import PortalPageQuerySet, maybe_private
from mura.portal.routing import route_below
from mura.portal.translation import localized_value, translated_panels


class BasePage(Page):
    """Fields every public page shares: how it looks in listings and when shared."""

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        help_text=_(
            "Short text for cards and lists; the search description is used if empty."
        ),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards and as the image when the page is shared."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Address and search engines")),
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Listings and sharing"),
        ),
    ]

    objects = PageManager.from_queryset(PortalPageQuerySet)()

    class Meta:
        abstract = True

    @property
    def summary(self) -> str:
        return self.listing_summary or self.search_description

    def get_view_restrictions(self):
        """Wagtail's check reads the page's ancestors and their restrictions; a page
        outside every private section has none, known without a query."""
        if not maybe_private(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(BasePage):
    """The portal's front page: a search box, the latest news and upcoming events."""

    hero_title = models.CharField(_("headline"), max_length=200, blank=True)
    hero_text = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)


class StandardPage(BasePage):
    """A plain page: about the portal, contacts, rules for readers."""

    body = RichTextField(_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Contacts and footer text shown on every page."""

    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=64, blank=True)
    footer_text_kk = models.TextField(_("footer text (Kazakh)"), blank=True)
    footer_text_ru = models.TextField(_("footer text (Russian)"), blank=True)
    footer_text_en = models.TextField(_("footer text (English)"), blank=True)

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        *translated_panels("footer_text"),
    ]

    class Meta:
        verbose_name = _("portal settings")

    @classmethod
    def for_site(cls, site):
        """Read once per process and content version (every page's footer shows them); a
        copy, because Wagtail pins the request on the instance it returns."""
        if site is None:
            return super().for_site(site)
        load = super().for_site
        return copy.copy(
            content_cached(f"portal-settings:{site.pk}", lambda: load(site))
        )

    @property
    def footer_text(self) -> str:
        return localized_value(self, "footer_text")
