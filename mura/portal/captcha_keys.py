"""CAPTCHA keys for pages served from the cache, made in batches.

Every reader of a page with a comment form needs a CAPTCHA key of their own (a code is
used once). Made one by one, each cached page would write a row as it is served. Here a
process writes a batch of keys in one statement and hands them out one per reader: the
rows are its own, so no other process or server gives the same key. A key is handed out
within a minute of its row being made, and the row lives that minute longer than a key
made alone, so every reader has the whole CAPTCHA_TIMEOUT to answer."""

import datetime
import secrets
import threading
import time

from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.utils import timezone

BATCH = 50
FRESH_SECONDS = 60

_lock = threading.Lock()
_batch: dict = {"keys": [], "made": 0.0}


def _batch_made() -> list[str]:
    expiration = timezone.now() + datetime.timedelta(
        minutes=int(captcha_settings.CAPTCHA_TIMEOUT), seconds=FRESH_SECONDS
    )
    rows = []
    for _ in range(BATCH):
        challenge, response = captcha_settings.get_challenge()()
        rows.append(
            CaptchaStore(
                challenge=challenge,
                response=response.lower(),
                hashkey=secrets.token_hex(20),
                expiration=expiration,
            )
        )
    CaptchaStore.objects.bulk_create(rows)
    return [row.hashkey for row in rows]


def captcha_key() -> str:
    """A CAPTCHA key no other reader is given."""
    with _lock:
        now = time.monotonic()
        if not _batch["keys"] or now - _batch["made"] > FRESH_SECONDS:
            _batch.update(keys=_batch_made(), made=now)
        return _batch["keys"].pop()


def forget() -> None:
    """Drop the batch in hand (a test's rows are rolled back after it)."""
    with _lock:
        _batch.update(keys=[], made=0.0)
