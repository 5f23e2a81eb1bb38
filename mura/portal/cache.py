"""The shared caches' backends: a table per cache in the database, or Redis when
``CACHE_URL`` is set, so every worker process and server counts and caches together."""

import base64
import os
import pickle

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
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


class _OneConnectionClient(RedisCacheClient):
    """Django's client builds a new redis-py client for every command (about 0.2 ms of
    Python on this machine, as much as the round trip), and each command then borrows a
    connection from the pool and gives it back. Here a process keeps one client per
    server, holding one connection of its own: Django keeps a cache object per thread,
    so no two threads share it. A forked process (a gunicorn worker) makes its own
    rather than use its parent's socket."""

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients: dict[int, tuple[int, object]] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        held = self._clients.get(index)
        if held is None or held[0] != os.getpid():
            client = self._client(
                connection_pool=self._get_connection_pool(write),
                single_connection_client=True,
            )
            held = self._clients[index] = (os.getpid(), client)
        return held[1]


class RedisCache(DjangoRedisCache):
    """Django's Redis cache with a client kept for the process (``_OneConnectionClient``)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneConnectionClient
