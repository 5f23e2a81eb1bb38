# ruff: noqa: S608 - SQL is assembled from constants and placeholders; values are parameters.
"""Every document's facet values in memory, so counting matches reads no rows.

A search document is never changed in place: indexing an object again deletes its
document and writes a new one under a new id, and committed ids are not used again
(``services._reserve_ids``). So the values read for an id stay true for as long as the
document exists, and the engine stops matching it once it is deleted. A process reads
every document's values at its first search (its cost: docs/PERFORMANCE.md) and any
later ones when they first turn up in matches.

Values read inside a transaction are used but not kept: it may roll back, and then its
ids are written again with other documents.
"""

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from mura.search.tables import DOCUMENT

#: ids per statement when reading the values of documents not held yet
CHUNK = 5_000
PUBLIC, PRIVATE = 1, 2


@dataclass
class Coded:
    """Documents' facet values as codes, with what the codes stand for."""

    rows: list[tuple[int, ...]]
    values: list[str]  #: code → ``name=value``
    names: list[str]  #: code → facet name
    codes: dict[str, int]  #: ``name=value`` → code


class FacetStore:
    """Facet values (``name=value``, see ``SearchDocument.facet_values``) as numbered
    codes, one run of codes per document id."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        self.values: list[str] = []  #: code → ``name=value``
        self.names: list[str] = []  #: code → facet name
        self._codes: dict[str, int] = {}
        self._base = 0  #: the smallest id when the store was filled (slot 0)
        self._flags = bytearray()  #: per slot: 0 not read, PUBLIC or PRIVATE
        #: per slot: the document's codes (a tuple per document: slicing one array of
        #: them cost ten times as much per search, for half the memory)
        self._docs: list[tuple[int, ...]] = []
        self._warm = False

    def warm(self) -> None:
        """Read every document's values now, not at this process's first search."""
        with self._lock:
            if not self._warm:
                self._fill()

    def rows(
        self, ids: list[int], *, public_only: bool, hidden: Iterable[str] = ()
    ) -> "Coded":
        """The codes of each document of ``ids`` that still exists (public ones only when
        asked, and none with a ``hidden`` value: an institution that is not public)."""
        keep = not connection.in_atomic_block
        with self._lock:
            if keep and not self._warm:
                self._fill()
            rows, missing = self._held(ids, public_only)
            if missing and keep and self._rebuilt(len(missing) > len(ids) // 2):
                self._fill()
                rows, missing = self._held(ids, public_only)
            for flag, codes in self._read_ids(missing, keep).values():
                if flag == PUBLIC or not public_only:
                    rows.append(codes)
            if missing and keep:  # now held: read again
                rows += self._held(missing, public_only)[0]
            codes_of = self._codes
            hidden = frozenset(codes_of[v] for v in hidden if v in codes_of)
            if hidden:
                rows = [codes for codes in rows if hidden.isdisjoint(codes)]
            return Coded(rows, self.values, self.names, codes_of)

    def _held(
        self, ids: list[int], public_only: bool
    ) -> tuple[list[tuple[int, ...]], list[int]]:
        """The codes of the documents held (public ones only when asked), and the ids
        not held."""
        base, flags, docs, size = self._base, self._flags, self._docs, len(self._flags)
        slots = [i - base for i in ids]
        if (
            slots
            and 0 <= min(slots)
            and max(slots) < size
            and all(map(flags.__getitem__, slots))
        ):
            if public_only:
                return [docs[s] for s in slots if flags[s] == PUBLIC], []
            return [docs[s] for s in slots], []
        rows, missing = [], []
        for i, slot in zip(ids, slots, strict=True):
            flag = flags[slot] if 0 <= slot < size else 0
            if flag == PUBLIC or (flag and not public_only):
                rows.append(docs[slot])
            elif not flag:
                missing.append(i)
        return rows, missing

    def _fill(self) -> None:
        """Read every document (a rebuild's new ids start a new store)."""
        self.clear()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MIN(id) FROM {DOCUMENT}")
            self._base = cursor.fetchone()[0] or 0
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, is_public, facet_values FROM {DOCUMENT}")
            while batch := cursor.fetchmany(10_000):
                for pk, public, lines in batch:
                    self._keep(pk, public, lines)
        self._warm = True

    def _rebuilt(self, mostly_new: bool) -> bool:
        """Whether most of the documents held are gone (the index was rebuilt), when
        most ids of a search are new to the store."""
        if not mostly_new:
            return False
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT MIN(id) FROM {DOCUMENT}")
            first = cursor.fetchone()[0] or 0
        return first - self._base > len(self._flags) // 2

    def _read_ids(
        self, ids: list[int], keep: bool
    ) -> dict[int, tuple[int, tuple[int, ...]]]:
        """Read the documents of ``ids``: kept in the store, or returned when they
        cannot be (inside a transaction, or older than the store)."""
        extra: dict[int, tuple[int, tuple[int, ...]]] = {}
        for at in range(0, len(ids), CHUNK):
            chunk = ids[at : at + CHUNK]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT id, is_public, facet_values FROM {DOCUMENT} "
                    f"WHERE id IN ({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )
                for pk, public, lines in cursor.fetchall():
                    if keep and pk >= self._base:
                        self._keep(pk, public, lines)
                    else:
                        codes = tuple(map(self._encode, lines.split("\n")))
                        extra[pk] = (PUBLIC if public else PRIVATE, codes)
        return extra

    def _keep(self, pk: int, public: bool, lines: str) -> None:
        slot = pk - self._base
        grow = slot + 1 - len(self._flags)
        if grow > 0:
            self._flags.extend(bytes(grow))
            self._docs.extend([()] * grow)
        self._flags[slot] = PUBLIC if public else PRIVATE
        self._docs[slot] = tuple(map(self._encode, lines.split("\n")))

    def _encode(self, value: str) -> int:
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self.values)
            self.values.append(value)
            self.names.append(value.partition("=")[0])
        return code


store = FacetStore()
