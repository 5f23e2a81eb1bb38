"""The shared database cache's atomic counter."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import timezone


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
