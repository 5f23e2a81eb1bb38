"""CAPTCHA keys for pages served from the cache, made in batches.

Every reader of a page with a comment form needs a CAPTCHA key of their own (a code is
used once). Made one by one, each cached page would write a row as it is served. Here a
batch of keys is written in one statement and handed out from the shared cache, one per
reader: the number a reader draws (an atomic increment) names the batch and the key in
it, so no two readers, in any process or server, get the same key. Draws are counted per
minute, so a key is handed out within a minute of its row being made, and its row lives
that minute longer than a key made alone."""

import datetime
import secrets
import time

from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.core.cache import caches
from django.utils import timezone

BATCH = 50
WINDOW_SECONDS = 60


def _cache():
    return caches["limits"]


def _batch_made() -> list[str]:
    expiration = timezone.now() + datetime.timedelta(
        minutes=int(captcha_settings.CAPTCHA_TIMEOUT), seconds=WINDOW_SECONDS
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
    window = int(time.time() // WINDOW_SECONDS)
    counter = f"mura:captcha:drawn:{window}"
    _cache().add(counter, 0, 2 * WINDOW_SECONDS)
    drawn = _cache().incr(counter)
    batch_key = f"mura:captcha:batch:{window}:{(drawn - 1) // BATCH}"
    keys = _cache().get(batch_key)
    if keys is None:
        made = _batch_made()
        # Another reader of the same batch may have stored theirs first: use that one,
        # so every reader of the batch draws from the same list (the unused rows expire).
        if not _cache().add(batch_key, made, 2 * WINDOW_SECONDS):
            keys = _cache().get(batch_key) or made
        else:
            keys = made
    return keys[(drawn - 1) % BATCH]
