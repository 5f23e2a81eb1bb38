"""The shared database cache's atomic counter; the Redis cache's client kept per process."""

import os
import uuid
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from mura.comments.tests.test_shared_limits import redis_available
from mura.conftest import require

REDIS_URL = "redis://127.0.0.1:6379/14"


def test_the_shared_database_cache_counts_without_moving_the_windows_end(db, settings):
    """Django's own incr() on the database cache is a get and a set that restarts the
    key's timeout (300 s), so an hour's window would forget its counts."""
    settings.CACHES = {
        **settings.CACHES,
        "limits": {
            "BACKEND": "mura.portal.cache.AtomicDatabaseCache",
            "LOCATION": "mura_test_limits",
        },
    }
    call_command("createcachetable", database="default")
    cache = caches["limits"]
    assert cache.add("count", 1, timeout=3600)
    assert cache.incr("count") == 2
    assert cache.incr("count", 5) == 7
    assert cache.get("count") == 7
    later = connection.ops.adapt_datetimefield_value(
        timezone.now() + timedelta(minutes=50)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM mura_test_limits WHERE expires > %s", [later]
        )
        assert cursor.fetchone()[0] == 1
    with pytest.raises(ValueError):
        cache.incr("never-set")


def _writes_and_reads_back(cache) -> bool:
    for number in range(300):
        cache.set(f"child-{number}", number, 60)
        if cache.get(f"child-{number}") != number:
            return False
    return True


def test_the_redis_cache_answers_each_forked_worker_on_its_own_connection(settings):
    """Gunicorn forks its workers from a process that may have used the cache already:
    the client the parent kept must not lend its connection to a child, or each would
    read the other's answers."""
    require(redis_available(), "Redis is not running at 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "mura.portal.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "OPTIONS": {"socket_timeout": 5},
        },
    }
    cache = caches["default"]
    cache.set("whose", "parent's", 60)
    assert cache.get("whose") == "parent's"
    child = os.fork()
    if child == 0:  # the child answers with its exit code alone
        code = 1
        try:
            code = 0 if _writes_and_reads_back(cache) else 1
        finally:
            os._exit(code)
    try:
        read = [cache.get("whose") for _ in range(300)]
    finally:
        _pid, status = os.waitpid(child, 0)
    assert read == ["parent's"] * 300
    assert os.waitstatus_to_exitcode(status) == 0
    assert cache.get("child-299") == 299
    cache.delete_many(["whose", *(f"child-{n}" for n in range(300))])
