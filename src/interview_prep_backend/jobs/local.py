"""A bounded in-process pool: `concurrency` analyses at a time, the rest wait in order.

On 2 cores one analysis at a time is fastest overall: Whisper already uses both cores, and
two analyses side by side would each take twice as long and hold two sets of buffers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)


class LocalJobQueue:
    def __init__(self, run: Callable[[str], None], concurrency: int = 1) -> None:
        self._run = run
        self._pool = ThreadPoolExecutor(
            max_workers=max(1, concurrency), thread_name_prefix="analysis"
        )

    def submit(self, analysis_id: str) -> None:
        self._pool.submit(self._safe_run, analysis_id)

    def _safe_run(self, analysis_id: str) -> None:
        try:
            self._run(analysis_id)
        except Exception:  # the runner records failures; this only guards the pool
            log.exception("analysis %s crashed outside the runner", analysis_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
