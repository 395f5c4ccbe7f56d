"""Take back analyses a crashed process left behind, never one still being worked on.

A running analysis is requeued only once its lease expired: its holder has not renewed
`heartbeat_at` for `lease_s`; or at once when its holder provably died on this very
machine (`worker_id.holder_is_gone`), so a restarted server resumes its own cut-off
work without waiting a lease. A live holder renews every `heartbeat_s` (well under the
lease), so a second API process starting, or the periodic sweep of a live one, leaves it
alone. Queued analyses are resubmitted too: they may have sat in the in-memory queue of
a process that stopped, and a duplicate submission is harmless because claiming is one
conditional UPDATE that only one runner wins (a live process's backlog is thereby
shared with idle ones).

An analysis whose lease expired after `max_attempts` claims is failed with
`interrupted`, whatever its kind: a typed answer is retried (or given up) as a typed
answer, never as a missing file.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from interview_prep_backend.db.models import utcnow
from interview_prep_backend.db.repository import QUEUED, Repository
from interview_prep_backend.errors import ErrorCode
from interview_prep_backend.jobs.queue import JobQueue
from interview_prep_backend.jobs.worker_id import holder_is_gone

log = logging.getLogger(__name__)


def recover(
    repo: Repository,
    queue: JobQueue,
    max_attempts: int,
    lease_s: float,
) -> tuple[int, int]:
    """Resubmit queued rows, requeue expired leases; returns (resumed, failed)."""
    cutoff = utcnow() - timedelta(seconds=lease_s)
    resumed = failed = 0
    for row in repo.unfinished():
        if row.status == QUEUED:
            queue.submit(row.id)
            resumed += 1
            continue
        gone = holder_is_gone(row.worker_id)
        if row.heartbeat_at is not None and row.heartbeat_at >= cutoff and not gone:
            continue  # a live lease: someone is working on it
        # The guard re-checks in SQL: a lease renewed meanwhile stays (a gone holder's
        # heartbeat cannot move, so its own value is the cutoff).
        row_cutoff = cutoff
        if gone and row.heartbeat_at is not None:
            row_cutoff = row.heartbeat_at + timedelta(microseconds=1)
        if row.attempts >= max_attempts:
            message = f"The analysis was interrupted {row.attempts} times and was given up."
            if repo.give_up_expired(row.id, row_cutoff, ErrorCode.INTERRUPTED, message):
                failed += 1
            continue
        if repo.requeue_expired(row.id, row_cutoff):
            why = "its process is gone" if gone else "lease expired"
            log.warning("analysis %s: requeued from %s (%s)", row.id, row.worker_id, why)
            queue.submit(row.id)
            resumed += 1
    return resumed, failed
