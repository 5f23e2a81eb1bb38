"""The index's vocabulary for "did you mean", read once and held for a while by each
process (like ``facet_store``): forgotten when this process writes the index, and
read again after ``seconds`` for what other processes wrote."""

import threading
import time
from collections.abc import Callable


class Vocabulary:
    def __init__(self, seconds: float = 300) -> None:
        self.seconds = seconds
        self._lock = threading.Lock()
        self.forget()

    def forget(self) -> None:
        """Read the vocabulary again when it is next asked for (the index changed)."""
        self._keys: dict[str, int] | None = None
        self._at = 0.0

    def keys(self, read: Callable[[], dict[str, int]]) -> dict[str, int]:
        """Every key with its document count, from ``read`` when not held (or stale)."""
        with self._lock:
            now = time.monotonic()
            if self._keys is None or now - self._at > self.seconds:
                self._keys, self._at = read(), now
            return self._keys


vocabulary = Vocabulary()
