"""Who is asking, as far as a server may know: the client's address, salted hashes of
it, and limits per address kept in the shared ``limits`` cache (Redis, or a table in
the database), so every worker process and server counts together. Nothing here
stores an address."""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils import timezone


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind ``MURA_PROXY_COUNT`` trusted
    reverse proxies the address the outermost of them saw (X-Forwarded-For is read
    from the right, so a client cannot choose its own address by sending one)."""
    proxies = settings.MURA_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def client_ip(request: HttpRequest) -> str | None:
    """client_address() when it is an IP address, else None (a request made in code
    has none): django-axes stores it in an address column (AXES_CLIENT_IP_CALLABLE)."""
    try:
        return str(ipaddress.ip_address(client_address(request)))
    except ValueError:
        return None


def address_hash(request: HttpRequest, *context: str) -> str:
    """The address (and ``context``) salted with the secret key: enough to tell one
    visitor from another, not to find a person."""
    raw = "\n".join([settings.SECRET_KEY, client_address(request), *context])
    return hashlib.sha256(raw.encode()).hexdigest()


def _count(key: str, timeout: int) -> int:
    """Add one to a counter atomically (cache.incr), creating it when missing."""
    cache = caches["limits"]
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=timeout)
        return 1


def rate_limited(
    request: HttpRequest,
    scope: str,
    limits: tuple[tuple[int, int], ...],
    *,
    count: bool = True,
) -> bool:
    """Count this request; True when the address is over a limit in any window
    (``count=False`` only asks whether it already reached one).

    ``limits`` are (requests, seconds) pairs. Each window slides, estimated from two
    fixed ones (this window's count plus the previous one's, weighted by how much of it
    still overlaps): a burst that straddles a window boundary is cut off just like one
    inside a window. ``MURA_RATELIMITS=off`` turns every limit off (load tests)."""
    if not settings.MURA_RATELIMITS:
        return False
    now = timezone.now().timestamp()
    sender = address_hash(request)
    over = False
    for limit, window in limits:
        bucket = int(now // window)
        key = f"mura:ratelimit:{scope}:{sender}:{window}"
        if count:
            current = _count(f"{key}:{bucket}", timeout=2 * window + 1)
        else:
            current = caches["limits"].get(f"{key}:{bucket}", 0) + 1
        previous = caches["limits"].get(f"{key}:{bucket - 1}", 0)
        overlap = 1 - (now % window) / window
        over = over or current + previous * overlap > limit
    return over
