"""The job state machine, safe with many processes: queued → running → completed/failed.

Every transition is one conditional UPDATE, so two processes can race on a row and
exactly one wins, on SQLite (3.35+, for RETURNING) and PostgreSQL alike:

- `claim` moves a row from queued to running only `WHERE status = 'queued'` and hands
  the claimed row back with RETURNING; the claimer's `worker_id` and `heartbeat_at` are
  its lease.
- Everything a running job writes (progress, partial result, duration, completion,
  failure) is guarded by `status = 'running' AND worker_id = <holder>`: a runner whose
  lease was taken over cannot overwrite the new holder's work, and a completed or
  failed row is never rewritten.
- `requeue_expired` / `give_up_expired` touch a running row only while its heartbeat is
  older than the cutoff, so a live lease renewed in between is left alone.

Rejected: `SELECT ... FOR UPDATE` (SQLite has no row locks; it would need a different
code path per database) and a read-then-write in one session (the old `start`, where
two workers could both read "queued" and both run the job).
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import case, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from interview_prep_backend.db.models import Analysis, utcnow

QUEUED, RUNNING, COMPLETED, FAILED = "queued", "running", "completed", "failed"
RECORDING, TEXT = "recording", "text"


def queued_analysis(*, answer_text: str | None = None, **fields: Any) -> Analysis:
    """A new analysis row waiting to be claimed: a typed answer when it has a text."""
    return Analysis(
        id=str(uuid.uuid4()),
        answer_text=answer_text,
        kind=RECORDING if answer_text is None else TEXT,
        status=QUEUED,
        progress=0.0,
        attempts=0,
        created_at=utcnow(),
        **fields,
    )


class JobStates:
    _sessions: sessionmaker[Session]

    def _held(self, analysis_id: str, worker_id: str) -> Any:
        return update(Analysis).where(
            Analysis.id == analysis_id,
            Analysis.status == RUNNING,
            Analysis.worker_id == worker_id,
        )

    def _write(self, statement: Any) -> bool:
        with self._sessions.begin() as s:
            return bool(s.execute(statement).rowcount)  # type: ignore[attr-defined]

    def claim(self, analysis_id: str, worker_id: str) -> Analysis | None:
        """Take a queued analysis for `worker_id`; None if it is gone or not queued."""
        now = utcnow()
        statement = (
            update(Analysis)
            .where(Analysis.id == analysis_id, Analysis.status == QUEUED)
            .values(
                status=RUNNING,
                stage=case((Analysis.kind == TEXT, "content"), else_="media"),
                progress=0.0,
                result_json=None,  # a partial result of a cut-off earlier try
                attempts=Analysis.attempts + 1,
                started_at=now,
                worker_id=worker_id,
                heartbeat_at=now,
            )
            .returning(Analysis)
            .execution_options(synchronize_session=False)
        )
        with self._sessions.begin() as s:
            return s.scalars(statement).one_or_none()

    def heartbeat(self, worker_id: str) -> int:
        """Renew every lease `worker_id` holds; returns how many."""
        with self._sessions.begin() as s:
            result = s.execute(
                update(Analysis)
                .where(Analysis.worker_id == worker_id, Analysis.status == RUNNING)
                .values(heartbeat_at=utcnow())
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def set_progress(self, analysis_id: str, worker_id: str, stage: str, progress: float) -> None:
        self._write(
            self._held(analysis_id, worker_id).values(stage=stage, progress=round(progress, 4))
        )

    def set_media_duration(self, analysis_id: str, worker_id: str, seconds: float) -> None:
        self._write(self._held(analysis_id, worker_id).values(media_duration_s=round(seconds, 3)))

    def set_partial(self, analysis_id: str, worker_id: str, partial: dict[str, Any]) -> None:
        """Store what is known so far; readers see it while the analysis runs."""
        self._write(self._held(analysis_id, worker_id).values(result_json=json.dumps(partial)))

    def complete(self, analysis_id: str, worker_id: str, result: dict[str, Any]) -> bool:
        """Store the result; False (nothing written) unless `worker_id` holds the lease."""
        return self._write(
            self._held(analysis_id, worker_id).values(
                status=COMPLETED,
                stage=None,
                progress=1.0,
                result_json=json.dumps(result),
                processing_time_ms=result.get("processing_time_ms"),
                finished_at=utcnow(),
                heartbeat_at=None,
            )
        )

    def fail(self, analysis_id: str, worker_id: str, code: str, message: str) -> bool:
        """Record a failure; False (nothing written) unless `worker_id` holds the lease."""
        return self._write(
            self._held(analysis_id, worker_id).values(
                status=FAILED,
                error_code=code,
                error_message=message,
                finished_at=utcnow(),
                heartbeat_at=None,
            )
        )

    def unfinished(self) -> list[Analysis]:
        """Queued or running analyses, oldest first."""
        with self._sessions() as s:
            return list(
                s.scalars(
                    select(Analysis)
                    .where(Analysis.status.in_([QUEUED, RUNNING]))
                    .order_by(Analysis.created_at)
                ).all()
            )

    def _expired(self, analysis_id: str, cutoff: datetime) -> Any:
        # No heartbeat at all: a row left running by a version without leases.
        return update(Analysis).where(
            Analysis.id == analysis_id,
            Analysis.status == RUNNING,
            or_(Analysis.heartbeat_at.is_(None), Analysis.heartbeat_at < cutoff),
        )

    def requeue_expired(self, analysis_id: str, cutoff: datetime) -> bool:
        """Put back a running analysis whose lease was last renewed before `cutoff`."""
        return self._write(
            self._expired(analysis_id, cutoff).values(
                status=QUEUED, stage=None, progress=0.0, result_json=None, worker_id=None,
                heartbeat_at=None,
            )
        )  # fmt: skip

    def give_up_expired(self, analysis_id: str, cutoff: datetime, code: str, msg: str) -> bool:
        """Fail a running analysis whose lease expired (it used up its attempts)."""
        return self._write(
            self._expired(analysis_id, cutoff).values(
                status=FAILED, error_code=code, error_message=msg, finished_at=utcnow(),
                worker_id=None, heartbeat_at=None,
            )
        )  # fmt: skip
