"""A task for the two-server test: it tallies its runs in the shared cache."""

import time

from django.core.cache import cache
from django_tasks import task


@task()
def tally(number: int) -> None:
    time.sleep(0.05)
    key = f"mura-test:tally:{number}"
    cache.add(key, 0, 600)
    cache.incr(key)
