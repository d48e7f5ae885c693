"""A small memo of store measures, bounded and safe to share across worker threads."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

SIZE = 256  # measures kept: a few per distinct search typed since the last refresh()


class Memo:
    """A measure of the store (its size, a search's breadth) asked for once per key press by the page,
    the front counts and the facets alike: measured once, until clear(). The least recently used go
    first when it is full."""

    def __init__(self, size: int = SIZE) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        # Measured outside the lock: a slow count must not hold up another thread's look-up. Two
        # threads may measure the same thing at once; they find the same answer.
        value = compute()
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
