from datetime import date, datetime

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import timezone, translation
from wagtail.models import Page

from mura.portal.content_version import content_cached, content_cached_per_page
from mura.portal.dates import format_local_date, format_local_datetime, format_number
from mura.portal.models import HomePage
from mura.portal.seo import Crumb, page_breadcrumbs

register = template.Library()


@register.filter
def local_datetime(value: datetime | None) -> str:
    return format_local_datetime(value) if value else ""


@register.filter
def local_date(value: date | None) -> str:
    return format_local_date(value) if value else ""


@register.filter
def machine_datetime(value: datetime | date | None) -> str:
    """A `datetime` attribute value HTML accepts: local time, whole seconds, with offset."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter
def local_number(value: int | None) -> str:
    return format_number(value or 0)


def home_for_language(language: str) -> Page | None:
    return content_cached(
        f"home:{language}",
        lambda: HomePage.objects.live().filter(locale__language_code=language).first(),
    )


def live_translations(page: Page) -> dict[str, Page]:
    """The page's live translations (itself included) by language, in one query."""
    return content_cached(
        f"translations:{page.translation_key}",
        lambda: {
            translated.locale.language_code: translated
            for translated in Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        },
    )


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict]:
    """One link per language that keeps the reader on the same page where it exists."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            translated = live_translations(page).get(code)
            if translated is not None:
                url = translated.get_url(request)
            else:
                home = home_for_language(code)
                url = home.get_url(request) if home else None
        if url is None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {"code": code, "name": name, "url": url, "active": code == current}
        )
    return links


@register.simple_tag(takes_context=True)
def frame_part(context: template.Context, template_name: str, per_page: bool = False):
    """`{% frame_part "includes/header.html" per_page=True %}`: the include, rendered once
    per process for each language, host and content version (and Wagtail page, with
    ``per_page``: its language links and marked menu item) and then reused. Rendered
    afresh where it depends on more: a search's query, a preview, or a language without
    a home page (whose link is the address translated, query string and all)."""
    request = context.get("request")
    page = context.get("page")
    include = context.template.engine.get_template(template_name)

    def render() -> str:
        with context.push():
            return include.render(context)

    key = f"frame:{template_name}:{translation.get_language()}"
    if per_page:
        if not (
            isinstance(page, Page)
            and page.pk is not None
            and not context.get("query")
            and not getattr(request, "is_preview", False)
            and all(home_for_language(code) for code, _name in settings.LANGUAGES)
        ):
            return render()
        match = getattr(request, "resolver_match", None)
        key += f":{page.pk}:{match.app_name if match else ''}"
    if request is None:
        return render()
    return content_cached_per_page(f"{key}:{request.get_host()}", render)


@register.simple_tag(takes_context=True)
def menu_pages(context: template.Context) -> list[Page]:
    """The home page's children marked "show in menus", in the reader's language."""
    language = translation.get_language()
    home = home_for_language(language)
    if home is None:
        return []
    return content_cached(
        f"menu:{language}",
        lambda: list(home.get_children().live().in_menu().specific()),
    )


@register.simple_tag(takes_context=True)
def home_url(context: template.Context) -> str:
    home = home_for_language(translation.get_language())
    return home.get_url(context["request"]) if home else "/"


@register.filter
def in_section(page: Page | None, section: Page) -> bool:
    """True when the page is the section page or below it."""
    return isinstance(page, Page) and page.path.startswith(section.path)


@register.simple_tag
def search_url() -> str:
    try:
        return reverse("search:index")
    except NoReverseMatch:
        return "/search/"


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: template.Context, trail: Page | list[Crumb]) -> dict:
    """`{% breadcrumbs page %}` (the page under its parent) or `{% breadcrumbs trail %}`
    with a list of Crumbs a view built."""
    if isinstance(trail, Page):
        trail = page_breadcrumbs(trail, context.get("request"))
    return {"crumbs": trail}
