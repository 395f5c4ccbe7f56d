"""Whole interviews: import a meeting transcript, read an interview's report.

`POST /api/v1/interviews/import` takes a transcript (WebVTT, SRT or `Name: text` lines),
pairs the interviewer's questions with the candidate's answers, analyses each answer as
spoken text (content and coaching, its length from the cue times when there are any)
and answers with every answer's scores and advice and the report over all of them.
Each answer is an analysis row like a typed answer (claimed and completed through the
runner, listed in history), tied to the interview by `interview_id`.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from interview_prep_backend.api.deps import ServicesDep
from interview_prep_backend.api.errors import ApiError
from interview_prep_backend.api.json_body import JsonBodyRoute
from interview_prep_backend.api.schemas import errors
from interview_prep_backend.db.interviews import NewAnswer
from interview_prep_backend.db.job_states import COMPLETED
from interview_prep_backend.errors import AnalysisError
from interview_prep_backend.interviews.imported import read_interview
from interview_prep_backend.interviews.report import InterviewReport, interview_report
from interview_prep_backend.interviews.transcript import MAX_CHARS
from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.schema_upgrade import read_result

router = APIRouter(prefix="/api/v1", tags=["interviews"], route_class=JsonBodyRoute)


class ImportRequest(BaseModel):
    transcript: str = Field(
        max_length=MAX_CHARS,
        description="WebVTT, SRT, or `Name: text` lines (`|` also separates turns).",
    )
    candidate: str | None = Field(
        default=None,
        max_length=100,
        description="The candidate's name as the transcript writes it (a first name is "
        "enough); default: Candidate/Interviewee/Me, else whoever speaks most.",
    )


class ImportedAnswerOut(BaseModel):
    index: int
    analysis_id: str
    question: str | None
    answer_text: str
    spoken_seconds: float | None
    overall_score: s.Pct | None
    scores: s.Scores | None
    advice: s.CoachingAdvice | None
    coaching: s.Coaching | None


class InterviewOut(BaseModel):
    interview_id: str
    source: str
    candidate: str | None
    created_at: datetime
    overall_score: s.Pct | None
    answers: list[ImportedAnswerOut]
    report: InterviewReport


def _interview(svc: ServicesDep, interview_id: str) -> InterviewOut:
    interview = svc.repo.get_interview(interview_id)
    if interview is None:
        raise ApiError(404, "interview_not_found", "No interview has this id.")
    results: list[s.AnalysisResult] = []
    answers: list[ImportedAnswerOut] = []
    for row in svc.repo.interview_answers(interview_id):
        result = None
        if row.status == COMPLETED and row.result_json:
            read = read_result(json.loads(row.result_json))
            result = read if isinstance(read, s.AnalysisResult) else None
        if result is not None:
            results.append(result)
        coaching = result.coaching if result else None
        answers.append(
            ImportedAnswerOut(
                index=row.interview_index or 0,
                analysis_id=row.id,
                question=row.question,
                answer_text=row.answer_text or "",
                spoken_seconds=row.spoken_seconds,
                overall_score=coaching.scores.overall if coaching else None,
                scores=coaching.scores if coaching else None,
                advice=result.coaching_advice if result else None,
                coaching=coaching,
            )
        )
    report = interview_report(results)
    return InterviewOut(
        interview_id=interview.id,
        source=interview.source,
        candidate=interview.candidate,
        created_at=interview.created_at,
        overall_score=report.overall_score,
        answers=answers,
        report=report,
    )


@router.post(
    "/interviews/import",
    response_model=InterviewOut,
    responses=errors(413, 422),
)
async def import_interview(body: ImportRequest, svc: ServicesDep) -> InterviewOut:
    """Analyse every answer of a transcribed interview and report on the whole."""
    try:
        candidate, pairs = await asyncio.to_thread(read_interview, body.transcript, body.candidate)
    except AnalysisError as exc:
        raise ApiError(422, exc.code, exc.message) from exc
    answers = [NewAnswer(p.question, p.answer, p.seconds) for p in pairs]
    interview, ids = await asyncio.to_thread(
        svc.repo.create_interview, "import", candidate, answers
    )
    for analysis_id in ids:  # typed answers take milliseconds: run here, in order
        await asyncio.to_thread(svc.runner.run, analysis_id)
    return await asyncio.to_thread(_interview, svc, interview.id)


@router.get(
    "/interviews/{interview_id}",
    response_model=InterviewOut,
    responses=errors(404, 422),
)
def get_interview(interview_id: str, svc: ServicesDep) -> InterviewOut:
    """An interview's answers and its report."""
    return _interview(svc, interview_id)
