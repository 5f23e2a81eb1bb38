"""Indexers: how each app's public records become search documents (see registry.py)."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import models
from django.utils import translation

from mura.search.registry import Entry


def language_independent(
    build: Callable[[models.Model], Entry | None],
) -> Callable[[models.Model], Entry | None]:
    """Build under the default language whatever language is active: the index is
    shared by every reader, so its links and names must not follow an import report's
    language, a task's recipient or the admin user who saved the object."""

    @wraps(build)
    def built(obj: models.Model) -> Entry | None:
        with translation.override(settings.LANGUAGE_CODE):
            return build(obj)

    return built
