"""One version for everything a public page shows, kept in the shared cache.

Any change readers could see (a page published or unpublished, a translation, a comment
approved, a record, an institution, an event or a setting saved) gives the version a new
value once its transaction commits; other processes read it at most a second later. Cached pages (``page_cache.py``) and the page frame
read once per process (menus, home pages, settings: ``content_cached``) are keyed by the
version, so every worker and server sees the change on its next request."""

import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction

from mura.portal.replica import primary_position_record

VERSION_KEY = "mura:content-version"
# Kept for a day at most, so a version nobody bumps is still renewed now and then.
VERSION_SECONDS = 86_400

# What one process keeps of the page frame (a few entries per language and host).
MEMO_LIMIT = 256
# What there is one of per page or address (a routed page, a page's header): kept
# apart from the frame's memo and bounded on its own, the least recently used dropped.
PER_PAGE_LIMIT = 512

# The version read at the start of a request (PageCacheHitMiddleware), so a page asks once.
_request_version: ContextVar[str | None] = ContextVar(
    "mura_content_version", default=None
)
_memo: dict[str, tuple[str, Any]] = {}
_per_page: OrderedDict[str, tuple[str, Any]] = OrderedDict()
# Changes made inside a transaction not yet committed: this process's own readers (a
# test, a request that writes then reads) see them at once, other processes on commit.
_uncommitted = {"changes": 0}
_last_read: dict[str, Any] = {"version": None, "at": 0.0}


def _cache():
    return caches["default"]


def content_version() -> str:
    """The current version: the request's, else the shared cache's (a new one if none),
    marked with this process's changes not yet committed."""
    version = _request_version.get()
    if version is not None:
        return version
    version = _shared_version()
    if _uncommitted["changes"] and transaction.get_connection().in_atomic_block:
        version = f"{version}:{_uncommitted['changes']}"
    return version


def _shared_version() -> str:
    now = time.monotonic()
    if (
        _last_read["version"] is not None
        and now - _last_read["at"] < settings.MURA_CONTENT_VERSION_READ_SECONDS
    ):
        return _last_read["version"]
    version = _cache().get(VERSION_KEY)
    if version is None:
        fresh = uuid.uuid4().hex
        _cache().add(VERSION_KEY, fresh, VERSION_SECONDS)
        version = _cache().get(VERSION_KEY) or fresh
    _last_read.update(version=version, at=now)
    return version


def request_version_set(version: str | None):
    """Pin the version for the rest of the request; returns the token to reset it."""
    return _request_version.set(version)


def request_version_reset(token) -> None:
    _request_version.reset(token)


def _bump() -> None:
    version = uuid.uuid4().hex
    try:
        # First, so a server that sees the new version reads no standby behind it.
        primary_position_record()
        _cache().set(VERSION_KEY, version, VERSION_SECONDS)
    except DatabaseError:
        # Migrations save rows before the cache tables exist (they are made after
        # migrate): nothing can have been cached yet, so there is nothing to outdate.
        return
    _last_read.update(version=version, at=time.monotonic())


def content_changed() -> None:
    """Something readers see has changed: a new version once the transaction commits
    (once per transaction, however many rows it writes)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _bump()
        return
    _uncommitted["changes"] += 1
    # Django replaces its list of commit callbacks on every commit and rollback, so the
    # same list still holding ours means the bump is already waiting (an import saving
    # thousands of records checks this in constant time).
    if getattr(connection, "_mura_bump_waits_in", None) is not connection.run_on_commit:
        transaction.on_commit(_bump)
        connection._mura_bump_waits_in = connection.run_on_commit


def content_cached(key: str, build: Callable[[], Any]) -> Any:
    """``build()``'s value, built once per process for each content version."""
    version = content_version()
    held = _memo.get(key)
    if held is not None and held[0] == version:
        return held[1]
    value = build()
    if len(_memo) >= MEMO_LIMIT:
        _memo.clear()
    _memo[key] = (version, value)
    return value


def content_cached_per_page(key: str, build: Callable[[], Any]) -> Any:
    """``build()``'s value, built once per process for each content version, for values
    there is one of per page or address (``content_cached`` keeps the few of the frame)."""
    version = content_version()
    held = _per_page.get(key)
    if held is not None and held[0] == version:
        _per_page.move_to_end(key)
        return held[1]
    value = build()
    _per_page[key] = (version, value)
    _per_page.move_to_end(key)
    if len(_per_page) > PER_PAGE_LIMIT:
        _per_page.popitem(last=False)
    return value
