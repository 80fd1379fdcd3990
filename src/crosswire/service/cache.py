"""A small LRU of rendered responses, keyed by what makes them change.

Input → output: ``(story id, brief time, stale flag)`` → the bytes last sent for it. A brief
changes only when the worker stores a new one (which moves ``updated_at``) or its stale flag
flips, so serving a 50-document story again costs a dictionary lookup, not a database read
of ~400 KB plus a render.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

__all__ = ["CacheKey", "ResponseCache"]

CacheKey = tuple[str, str | None, bool]


class ResponseCache:
    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._items: OrderedDict[CacheKey, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: CacheKey) -> bytes | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: CacheKey, item: bytes) -> None:
        with self._lock:
            self._items[key] = item
            while len(self._items) > self.size:
                self._items.popitem(last=False)
