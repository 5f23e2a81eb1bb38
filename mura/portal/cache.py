"""The shared caches' database backend: a table per cache (Redis when ``CACHE_URL`` is
set), so every worker process and server counts and caches together."""

import base64
import pickle

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import connections, router, transaction
from django.utils import timezone


class AtomicDatabaseCache(DatabaseCache):
    """Django's database cache with an ``incr()`` that loses no count and keeps the
    key's expiry: Django's own is a get and a set, so two workers counting at the same
    moment both write n + 1, and every count would push the window's end further.
    The row is locked first (SELECT … FOR UPDATE on PostgreSQL; SQLite's immediate
    transactions already let one writer in at a time)."""

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = connection.ops.adapt_datetimefield_value(
            timezone.now().replace(microsecond=0)
        )
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT value FROM {table} WHERE cache_key = %s AND expires > %s{lock}",  # noqa: S608 - the table name is a setting
                [key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta  # noqa: S301 - written by this cache
            cursor.execute(
                f"UPDATE {table} SET value = %s WHERE cache_key = %s",  # noqa: S608
                [
                    base64.b64encode(
                        pickle.dumps(value, self.pickle_protocol)
                    ).decode(),
                    key,
                ],
            )
        return value


def cache_tables_create(*, using: str, **kwargs) -> None:
    """Create the database caches' tables after every ``migrate`` (a post_migrate
    receiver), so a fresh installation shares its counters without a further step; the
    router puts them in the caches' own database where there is one."""
    for database in settings.DATABASES:
        call_command("createcachetable", database=database, verbosity=0)
