"""What counts as a change readers see: saves and deletions of the portal's content
models (named by app and model, since the portal imports no app above it), which move
the content version (``content_version.content_changed``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from mura.portal.content_version import content_changed

# Apps whose every model is shown on public pages ...
WATCHED_APPS = {
    "portal",
    "institutions",
    "catalog",
    "news",
    "comments",
    "events",
    "exhibitions",
    "wagtailimages",
    "wagtaildocs",
    "taggit",
}
# ... and single models of other apps: pages, sites, languages, private pages.
WATCHED_MODELS = {
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
}
# Bookkeeping of the watched apps that no page prints as it is stored: an article's
# visits (its count is filled into cached pages as they are served) and renditions.
IGNORED_MODELS = {
    "news.articlevisit",
    "news.articleviewcount",
    "wagtailimages.rendition",
}


def _shown_to_readers(model) -> bool:
    label = model._meta.label_lower
    if label in IGNORED_MODELS:
        return False
    if label in WATCHED_MODELS or model._meta.app_label in WATCHED_APPS:
        return True
    # Page types live in their apps, but a page row is a wagtailcore.page too.
    return any(
        parent._meta.label_lower == "wagtailcore.page" for parent in model._meta.parents
    )


def _comment_unseen(instance) -> bool:
    """A comment waiting for moderation (or refused) is not on any page yet; approving
    it by a save is a change, approving in bulk calls ``content_changed`` itself."""
    return (
        instance._meta.label_lower == "comments.comment"
        and getattr(instance, "status", "approved") != "approved"
    )


def _changed(sender, instance=None, **kwargs) -> None:
    if _shown_to_readers(sender) and not (
        kwargs.get("signal") is post_save and _comment_unseen(instance)
    ):
        content_changed()


def _relation_changed(sender, instance=None, action="", **kwargs) -> None:
    if action.startswith("post_") and _shown_to_readers(type(instance)):
        content_changed()


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="mura-content-saved")
    post_delete.connect(_changed, dispatch_uid="mura-content-deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="mura-content-related")
