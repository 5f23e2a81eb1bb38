"""Readers' reads from a PostgreSQL hot standby (DATABASE_REPLICA_URL), the rest from
the primary.

A request reads from the standby when it is a GET or HEAD of a reader who is not signed
in and has posted nothing in the last few seconds (a cookie says so, whichever server
the next request reaches), and when the standby has replayed the last change readers
could see (the primary's WAL position is recorded with each new content version), so
nothing drawn from it is older than what the shared caches already show. Within the
request, its first write and any transaction send every later read to the primary: a
request reads what it wrote. The task worker and commands read the primary; so does
everything for sessions, the cache tables, CAPTCHAs, sign-in failures and the task queue.
"""

import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

REPLICA = "replica"
#: Set on the answer to a POST: the reader's next requests read the primary for this
#: long, longer than the standby takes to replay what they wrote.
PIN_COOKIE = "mura_primary"
PIN_SECONDS = 10
POSITION_KEY = "mura:primary-position"
#: How often a process asks the standby how far it has replayed, at most.
CHECK_SECONDS = 1.0
#: Apps whose rows are read and written in the same breath on any server.
PRIMARY_APPS = {"sessions", "django_cache", "captcha", "axes", "django_tasks_db"}
READ_METHODS = {"GET", "HEAD"}

logger = logging.getLogger(__name__)

_reads: ContextVar[str] = ContextVar("mura_reads", default=DEFAULT_DB_ALIAS)
# What this process last learnt of the standby.
_standby = {"replayed": -1, "checked_at": -CHECK_SECONDS, "answers": False}


def configured() -> bool:
    return REPLICA in settings.DATABASES


def wal_position(text: str) -> int:
    """A PostgreSQL WAL position (``16/B374D848``) as a number that orders them."""
    high, low = text.split("/")
    return int(high, 16) << 32 | int(low, 16)


def primary_position_record() -> None:
    """Record where the primary's WAL stands now (called once a change readers see is
    committed, before the new content version is announced)."""
    if not configured():
        return
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        (position,) = cursor.fetchone()
    caches["default"].set(POSITION_KEY, position, None)


def _standby_current() -> bool:
    """Whether the standby answers and has replayed the last recorded change."""
    position = caches["default"].get(POSITION_KEY)
    needed = wal_position(position) if position else 0
    now = time.monotonic()
    if now - _standby["checked_at"] >= CHECK_SECONDS or (
        _standby["answers"] and needed > _standby["replayed"]
    ):
        try:
            with connections[REPLICA].cursor() as cursor:
                cursor.execute("SELECT pg_last_wal_replay_lsn()::text")
                (replayed,) = cursor.fetchone()
            _standby.update(replayed=wal_position(replayed or "0/0"), answers=True)
        except DatabaseError as error:
            if _standby["answers"]:
                logger.warning(
                    "The standby does not answer, reading the primary: %s", error
                )
            _standby["answers"] = False
        _standby["checked_at"] = now
    return _standby["answers"] and needed <= _standby["replayed"]


def _reader_may_use_standby(request) -> bool:
    return (
        request.method in READ_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and PIN_COOKIE not in request.COOKIES
        and "Authorization" not in request.headers
    )


class ReplicaMiddleware:
    """Choose the database a request reads from; pin a reader who posts to the primary."""

    def __init__(self, get_response):
        if not configured():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        reads = (
            REPLICA
            if _reader_may_use_standby(request) and _standby_current()
            else DEFAULT_DB_ALIAS
        )
        token = _reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _reads.reset(token)
        if request.method not in READ_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


class ReplicaRouter:
    """Reads where the request's middleware chose (the primary outside requests and
    inside transactions), writes to the primary, after which the request reads there."""

    def db_for_read(self, model, **hints):
        if (
            model._meta.app_label in PRIMARY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        return _reads.get()

    def db_for_write(self, model, **hints):
        if model._meta.app_label not in PRIMARY_APPS:
            _reads.set(DEFAULT_DB_ALIAS)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The standby holds the primary's rows: an object read there is the same row.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints):
        return False if db == REPLICA else None
