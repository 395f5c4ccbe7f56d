"""How long each stage took, measured in one place.

One `Timings` follows an analysis from the moment its job starts (fetching the media is
part of the wait a candidate sees), so `processing_time_ms` is the whole of it, and
`stage_seconds` names where the time went. Stages that run side by side (speech and
presence) each record their own span; the total is wall time, not their sum.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Timings:
    def __init__(self) -> None:
        self._started = time.perf_counter()
        self._seconds: dict[str, float] = {}
        self._lock = threading.Lock()

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - t0)

    def add(self, name: str, seconds: float) -> None:
        with self._lock:
            self._seconds[name] = self._seconds.get(name, 0.0) + seconds

    def stage_seconds(self, digits: int = 3) -> dict[str, float]:
        with self._lock:
            return {k: round(v, digits) for k, v in self._seconds.items()}

    def elapsed_ms(self) -> int:
        return int((time.perf_counter() - self._started) * 1000)
