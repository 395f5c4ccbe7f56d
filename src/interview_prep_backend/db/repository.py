"""Every read and write of uploads and analyses, each in its own short transaction.

Jobs run in other threads (and later other machines) than the API, so nothing here hands
out live ORM objects across calls: functions return detached rows or plain values.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from interview_prep_backend.db.models import Analysis, Upload, utcnow

QUEUED, RUNNING, COMPLETED, FAILED = "queued", "running", "completed", "failed"


@dataclass(frozen=True)
class Page:
    items: list[Analysis]
    total: int


class Repository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # Uploads ---------------------------------------------------------------
    def add_upload(
        self, file_key: str, file_type: str, content_type: str, max_bytes: int, expires_at: datetime
    ) -> None:
        with self._sessions.begin() as s:
            s.add(
                Upload(
                    file_key=file_key,
                    file_type=file_type,
                    content_type=content_type,
                    max_bytes=max_bytes,
                    expires_at=expires_at,
                )
            )

    def get_upload(self, file_key: str) -> Upload | None:
        with self._sessions() as s:
            return s.get(Upload, file_key)

    def mark_uploaded(self, file_key: str, size: int) -> None:
        with self._sessions.begin() as s:
            s.execute(
                update(Upload)
                .where(Upload.file_key == file_key)
                .values(uploaded_at=utcnow(), size_bytes=size)
            )

    def delete_upload(self, file_key: str) -> None:
        with self._sessions.begin() as s:
            row = s.get(Upload, file_key)
            if row is not None:
                s.delete(row)

    # Analyses --------------------------------------------------------------
    def create_analysis(
        self,
        file_key: str | None,
        question: str | None,
        question_id: str | None = None,
        answer_text: str | None = None,
    ) -> Analysis:
        row = Analysis(
            id=str(uuid.uuid4()),
            file_key=file_key,
            question=question,
            question_id=question_id,
            answer_text=answer_text,
            status=QUEUED,
            progress=0.0,
            attempts=0,
            created_at=utcnow(),
        )
        with self._sessions.begin() as s:
            s.add(row)
        return row

    def get(self, analysis_id: str) -> Analysis | None:
        with self._sessions() as s:
            return s.get(Analysis, analysis_id)

    def list(
        self,
        limit: int,
        offset: int,
        question_id: str | None = None,
        question: str | None = None,
    ) -> Page:
        where = [Analysis.question_id == question_id] if question_id else []
        if question:  # a custom question has no id: match its text
            where.append(Analysis.question == question)
        with self._sessions() as s:
            total = s.scalar(select(func.count()).select_from(Analysis).where(*where)) or 0
            rows = s.scalars(
                select(Analysis)
                .where(*where)
                .order_by(Analysis.created_at.desc(), Analysis.id)
                .limit(limit)
                .offset(offset)
            ).all()
            return Page(list(rows), total)

    def count_for_key(self, file_key: str) -> int:
        with self._sessions() as s:
            return s.scalar(select(func.count()).where(Analysis.file_key == file_key)) or 0

    def start(self, analysis_id: str) -> Analysis | None:
        """Move a queued analysis to running; None if it is gone or not queued."""
        with self._sessions.begin() as s:
            row = s.get(Analysis, analysis_id)
            if row is None or row.status != QUEUED:
                return None
            row.status, row.stage, row.progress = RUNNING, "media", 0.0
            row.result_json = None  # a partial result of a cut-off earlier try
            row.attempts += 1
            row.started_at = utcnow()
            return row

    def set_progress(self, analysis_id: str, stage: str, progress: float) -> None:
        with self._sessions.begin() as s:
            s.execute(
                update(Analysis)
                .where(Analysis.id == analysis_id, Analysis.status == RUNNING)
                .values(stage=stage, progress=round(progress, 4))
            )

    def set_media_duration(self, analysis_id: str, seconds: float) -> None:
        with self._sessions.begin() as s:
            s.execute(
                update(Analysis)
                .where(Analysis.id == analysis_id)
                .values(media_duration_s=round(seconds, 3))
            )

    def recent_speeds(self, limit: int = 20) -> list[float]:
        """Seconds of processing per second of media, for the last completed recordings."""
        with self._sessions() as s:
            rows = s.execute(
                select(Analysis.processing_time_ms, Analysis.media_duration_s)
                .where(
                    Analysis.status == COMPLETED,
                    Analysis.processing_time_ms.is_not(None),
                    Analysis.media_duration_s > 0,
                )
                .order_by(Analysis.finished_at.desc())
                .limit(limit)
            ).all()
        return [ms / 1000 / d for ms, d in rows]

    def set_partial(self, analysis_id: str, partial: dict[str, Any]) -> None:
        """Store what is known so far; readers see it while the analysis runs."""
        with self._sessions.begin() as s:
            s.execute(
                update(Analysis)
                .where(Analysis.id == analysis_id, Analysis.status == RUNNING)
                .values(result_json=json.dumps(partial))
            )

    def complete(self, analysis_id: str, result: dict[str, Any]) -> None:
        with self._sessions.begin() as s:
            s.execute(
                update(Analysis)
                .where(Analysis.id == analysis_id)
                .values(
                    status=COMPLETED,
                    stage=None,
                    progress=1.0,
                    result_json=json.dumps(result),
                    processing_time_ms=result.get("processing_time_ms"),
                    finished_at=utcnow(),
                )
            )

    def fail(self, analysis_id: str, code: str, message: str) -> None:
        with self._sessions.begin() as s:
            s.execute(
                update(Analysis)
                .where(Analysis.id == analysis_id)
                .values(status=FAILED, error_code=code, error_message=message, finished_at=utcnow())
            )

    def delete(self, analysis_id: str) -> Analysis | None:
        with self._sessions.begin() as s:
            row = s.get(Analysis, analysis_id)
            if row is not None:
                s.delete(row)
            return row

    def unfinished(self) -> list[Analysis]:
        """Analyses a previous process left queued or running, oldest first."""
        with self._sessions() as s:
            return list(
                s.scalars(
                    select(Analysis)
                    .where(Analysis.status.in_([QUEUED, RUNNING]))
                    .order_by(Analysis.created_at)
                ).all()
            )

    def requeue(self, analysis_id: str) -> None:
        with self._sessions.begin() as s:
            s.execute(
                update(Analysis)
                .where(Analysis.id == analysis_id)
                .values(status=QUEUED, stage=None, progress=0.0, result_json=None)
            )
