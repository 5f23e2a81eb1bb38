"""Where the database caches live: in a SQLite file of their own when the catalogue is on
SQLite (see settings), so that reading a page, which writes to the caches, never waits
for the catalogue's write lock while an import holds it."""

from django.conf import settings

CACHE_DATABASE = "cache"
# The app label Django's DatabaseCache gives its table model.
CACHE_APP_LABEL = "django_cache"


class CacheRouter:
    def _database(self, model) -> str | None:
        if (
            model._meta.app_label == CACHE_APP_LABEL
            and CACHE_DATABASE in settings.DATABASES
        ):
            return CACHE_DATABASE
        return None

    def db_for_read(self, model, **hints):
        return self._database(model)

    def db_for_write(self, model, **hints):
        return self._database(model)

    def allow_migrate(self, db, app_label, **hints):
        if CACHE_DATABASE not in settings.DATABASES:
            return None
        return (db == CACHE_DATABASE) == (app_label == CACHE_APP_LABEL)
