"""Keep this process's leases alive, and take back leases others let expire.

One daemon thread per runner: every `heartbeat_s` it renews all leases the runner holds
(one UPDATE, however many jobs run), and every second beat it runs `sweep` (recovery:
one SELECT of the unfinished rows; expired leases requeued, queued rows resubmitted), so
a crashed or stopped process's work is taken up by any live one within a lease and two
beats, without waiting for a restart.

It is a daemon thread and outlives the API's shutdown on purpose: an analysis still
running when the server stops is finished by its pool thread (the interpreter joins
it at exit), and its lease must stay renewed meanwhile. `stop()` ends the thread once
the runner holds no lease any more.

The lease must be far longer than the longest stall of this thread: on a 2-core machine
at load 9, a server loading its models while claiming its first job went over 6 s
without a beat (the default lease is 60 s, beats every 15 s).

Rejected: renewing from the progress callback; a stage can run for minutes without
reporting progress (Whisper on a long recording), and typed answers have none.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from interview_prep_backend.db.repository import Repository

log = logging.getLogger(__name__)

SWEEP_EVERY = 2  # heartbeats


class LeaseKeeper:
    def __init__(
        self,
        repo: Repository,
        worker_id: str,
        heartbeat_s: float,
        sweep: Callable[[], object] | None = None,
    ) -> None:
        self._repo = repo
        self._worker_id = worker_id
        self._heartbeat_s = heartbeat_s
        self._sweep = sweep
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="lease")

    def start(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop once no lease is held (at once if none is)."""
        self._stopping.set()

    def _loop(self) -> None:
        beats = 0
        stopping = False
        while True:
            if stopping:  # wait() would no longer block
                time.sleep(self._heartbeat_s)
            else:
                stopping = self._stopping.wait(self._heartbeat_s)
            try:
                held = self._repo.heartbeat(self._worker_id)
                if stopping and held == 0:
                    return
                beats += 1
                if not stopping and self._sweep is not None and beats % SWEEP_EVERY == 0:
                    self._sweep()
            except Exception:  # a locked or unreachable database: try again next beat
                log.warning("lease heartbeat of %s failed", self._worker_id, exc_info=True)
                if stopping:
                    return
