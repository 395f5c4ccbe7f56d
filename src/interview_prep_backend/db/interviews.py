"""Reads and writes of whole interviews and their answers (mixed into the Repository)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from interview_prep_backend.db.job_states import queued_analysis
from interview_prep_backend.db.models import Analysis, Interview, utcnow


@dataclass(frozen=True)
class NewAnswer:
    question: str | None
    answer_text: str
    spoken_seconds: float | None = None


class Interviews:
    _sessions: sessionmaker[Session]

    def create_interview(
        self, source: str, candidate: str | None, answers: list[NewAnswer]
    ) -> tuple[Interview, list[str]]:
        """The interview and its answers' analyses (typed answers, queued), in one go."""
        interview = Interview(
            id=str(uuid.uuid4()), source=source, candidate=candidate, created_at=utcnow()
        )
        rows = [
            queued_analysis(
                file_key=None,
                question=a.question,
                answer_text=a.answer_text,
                interview_id=interview.id,
                interview_index=i,
                spoken_seconds=a.spoken_seconds,
            )
            for i, a in enumerate(answers)
        ]
        with self._sessions.begin() as s:
            s.add(interview)
            s.add_all(rows)
        return interview, [r.id for r in rows]

    def get_interview(self, interview_id: str) -> Interview | None:
        with self._sessions() as s:
            return s.get(Interview, interview_id)

    def interview_answers(self, interview_id: str) -> list[Analysis]:
        with self._sessions() as s:
            return list(
                s.scalars(
                    select(Analysis)
                    .where(Analysis.interview_id == interview_id)
                    .order_by(Analysis.interview_index)
                ).all()
            )
