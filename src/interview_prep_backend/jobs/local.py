"""A bounded in-process pool: `concurrency` analyses at a time, the rest wait in order.

On 2 cores one analysis at a time is fastest overall: Whisper already uses both cores, and
two analyses side by side would each take twice as long and hold two sets of buffers.

An id already waiting here is not queued twice: the recovery sweep resubmits every queued
analysis of the database (some may have been waiting in a process that stopped), and
without this each sweep would add another copy of this process's own backlog.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)


class LocalJobQueue:
    """`concurrency` 0 runs nothing: submitted jobs stay queued in the database, for
    another process sharing it (its recovery sweep takes them)."""

    def __init__(self, run: Callable[[str], None], concurrency: int = 1) -> None:
        self._run = run
        self._runs = concurrency > 0
        self._pool = ThreadPoolExecutor(
            max_workers=max(1, concurrency), thread_name_prefix="analysis"
        )
        self._waiting: set[str] = set()
        self._lock = threading.Lock()

    def submit(self, analysis_id: str) -> None:
        if not self._runs:
            return
        with self._lock:
            if analysis_id in self._waiting:
                return
            self._waiting.add(analysis_id)
        self._pool.submit(self._safe_run, analysis_id)

    def _safe_run(self, analysis_id: str) -> None:
        with self._lock:
            self._waiting.discard(analysis_id)
        try:
            self._run(analysis_id)
        except Exception:  # the runner records failures; this only guards the pool
            log.exception("analysis %s crashed outside the runner", analysis_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
