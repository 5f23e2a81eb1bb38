import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate-limit counters live in the cache, which outlives a test's database."""
    caches["limits"].clear()
    yield
    caches["limits"].clear()
