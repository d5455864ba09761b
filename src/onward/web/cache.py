"""A bounded in-process cache of assessments and drafts, so that viewing a page twice runs the engine once.

Assessing a case and rendering its letter as PDF take seconds. A result is kept under a key made of
everything it depends on (``onward.web.analysis`` builds the keys: the case's content digest, the
``as_of`` date, the number of hops, the risk model's digest, the knowledge base's revision and, for a
draft, its type, language and format), so a changed case, a statement loaded or a proposal accepted
gives a new key and a fresh result; an old entry is never served, only forgotten when it is the least
recently used. The server is one process (``onward serve``), so memory is the right place for it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

T = TypeVar("T")

DEFAULT_ENTRIES = 64


class ResultCache:
    """Least-recently-used results, at most ``max_entries`` of them; safe to share between threads."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES) -> None:
        if max_entries < 1:
            raise ValueError("a cache holds at least one entry")
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The result kept under ``key``, or ``compute()``'s, which is then kept.

        Computing happens outside the lock: two requests for the same new key may both compute it,
        which costs time but never correctness.
        """
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return cast(T, self._entries[key])
        value = compute()
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
