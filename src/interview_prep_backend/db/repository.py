"""Every read and write of uploads and analyses, each in its own short transaction.

Jobs run in other threads (and later other machines) than the API, so nothing here hands
out live ORM objects across calls: functions return detached rows or plain values.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from interview_prep_backend.db.interviews import Interviews
from interview_prep_backend.db.job_states import (
    COMPLETED,
    FAILED,
    QUEUED,
    RECORDING,
    RUNNING,
    TEXT,
    JobStates,
    queued_analysis,
)
from interview_prep_backend.db.models import Analysis, Upload, utcnow

__all__ = [
    "COMPLETED", "FAILED", "QUEUED", "RECORDING", "RUNNING", "TEXT", "Page", "Repository"
]  # fmt: skip


@dataclass(frozen=True)
class Page:
    items: list[Analysis]
    total: int


class Repository(JobStates, Interviews):
    """Uploads and analyses; the job transitions come from `JobStates`."""

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
        language: str | None = None,
    ) -> Analysis:
        row = queued_analysis(
            file_key=file_key,
            question=question,
            question_id=question_id,
            answer_text=answer_text,
            language=language,
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

    # builtins.list: inside the class, "list" is the method above.
    def recent_speeds(self, limit: int = 20) -> builtins.list[float]:
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
        # The query already excludes NULLs; the check narrows the Optional columns.
        return [ms / 1000 / d for ms, d in rows if ms is not None and d is not None]

    def delete(self, analysis_id: str) -> Analysis | None:
        with self._sessions.begin() as s:
            row = s.get(Analysis, analysis_id)
            if row is not None:
                s.delete(row)
            return row
