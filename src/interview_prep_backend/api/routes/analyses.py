"""Analyze an upload, follow its progress, list and delete analyses."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from interview_prep_backend.adapters.storage import keys
from interview_prep_backend.adapters.storage.cap import check_stored_size
from interview_prep_backend.api.deps import ServicesDep
from interview_prep_backend.api.errors import ApiError, error_body
from interview_prep_backend.api.json_body import JsonBodyRoute
from interview_prep_backend.api.schemas import (
    AnalysisAccepted,
    AnalysisPage,
    AnalysisStatus,
    AnalyzeRequest,
    ErrorInfo,
    errors,
)
from interview_prep_backend.db.models import Analysis
from interview_prep_backend.db.repository import COMPLETED, FAILED, QUEUED, RUNNING, TEXT
from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.jobs.estimate import ProgressEstimate, estimate
from interview_prep_backend.pipeline.content.bank import BY_ID, Question
from interview_prep_backend.pipeline.language import available as available_languages
from interview_prep_backend.pipeline.schema import AnalysisResult
from interview_prep_backend.pipeline.schema_upgrade import read_result

router = APIRouter(prefix="/api/v1", tags=["analyses"], route_class=JsonBodyRoute)

POLL_S = 0.1
MAX_OFFSET = 1_000_000_000


def _estimate(row: Analysis, svc: ServicesDep) -> ProgressEstimate | None:
    if row.status not in (QUEUED, RUNNING) or row.file_key is None:
        return None
    elapsed = 0.0
    if row.status == RUNNING and row.started_at is not None:
        elapsed = max(0.0, (datetime.now(UTC) - row.started_at).total_seconds())
    return estimate(
        media_duration_s=row.media_duration_s,
        speeds=svc.repo.recent_speeds(),
        elapsed_s=elapsed,
        progress=row.progress if row.status == RUNNING else 0.0,
    )


def _status(row: Analysis, with_result: bool) -> AnalysisStatus:
    result = read_result(json.loads(row.result_json)) if row.result_json else None
    coaching = getattr(result, "coaching", None)
    return AnalysisStatus(
        analysis_id=row.id,
        file_key=row.file_key,
        question=row.question,
        question_id=row.question_id,
        answer_type="text" if row.kind == TEXT else "recording",
        status=row.status,  # type: ignore[arg-type]
        stage=row.stage,
        progress_pct=round(row.progress * 100, 1),
        error=ErrorInfo(code=row.error_code, message=row.error_message or "")
        if row.error_code
        else None,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        processing_time_ms=row.processing_time_ms,
        overall_score=coaching.scores.overall if coaching is not None else None,
        result=result if with_result else None,
    )


# Input problems are the client's (4xx); only our own faults are 5xx.
# Keyed by str: a row's error_code is the stored string (ErrorCode is a StrEnum).
_FAILURE_STATUS: dict[str, int] = {
    ErrorCode.INTERNAL: 500,
    ErrorCode.STORAGE_UNAVAILABLE: 503,
    ErrorCode.FILE_TOO_LARGE: 413,
}


def _failure_response(row: Analysis) -> JSONResponse:
    status = _FAILURE_STATUS.get(row.error_code or ErrorCode.INTERNAL, 422)
    return JSONResponse(
        error_body(
            row.error_code or ErrorCode.INTERNAL,
            row.error_message or "The analysis failed.",
            analysis_id=row.id,
            file_key=row.file_key,
            status="failed",
        ),
        status_code=status,
    )


@router.post(
    "/analyze",
    response_model=AnalysisResult,
    responses={
        202: {"model": AnalysisAccepted, "description": "Accepted; poll status_url."},
        **errors(404, 409, 413, 422, 500, 503),
    },
)
async def analyze(body: AnalyzeRequest, request: Request, svc: ServicesDep) -> Any:
    """Analyze an uploaded recording (`file_key`) or a typed answer (`text`).

    A recording is waited for and returned, like the original service; with
    `"wait": false` it answers 202 at once with the analysis id and a status URL to poll.
    A typed answer (content and coaching only) is answered at once.
    """
    if body.file_key is not None and body.text is not None:
        raise ApiError(422, "invalid_request", "Send file_key or text, not both.")
    if body.file_key is None and body.text is None:
        raise ApiError(
            422, "invalid_request", "Send a file_key (a recording) or text (a typed answer)."
        )
    bank_question = None
    if body.question_id is not None:
        bank_question = BY_ID.get(body.question_id)
        if bank_question is None:
            raise ApiError(404, "unknown_question", "No question in the bank has this id.")
    question = (body.question or "").strip() or None
    if bank_question is not None:
        question = bank_question.text
    if body.language is not None and body.language not in available_languages():
        known = ", ".join(available_languages())
        raise ApiError(
            422,
            ErrorCode.UNSUPPORTED_LANGUAGE,
            f"No language pack for {body.language!r}; available: {known}.",
        )
    if body.text is not None:
        return await _analyze_text(body.text, question, bank_question, body.language, request, svc)
    # Not None: checked above with text; the local narrows the Optional for the calls.
    file_key = body.file_key
    if file_key is None or not keys.is_valid_key(file_key):
        raise ApiError(422, "invalid_file_key", "This is not a key issued by upload-url.")
    upload = await asyncio.to_thread(svc.repo.get_upload, file_key)
    if upload is None:
        raise ApiError(404, "unknown_file_key", "No upload was issued for this key.")
    try:
        # HeadObject before anything is downloaded: an upload URL issued without a size
        # lets S3 take any length, so the cap is enforced here (StorageError: 503).
        await asyncio.to_thread(check_stored_size, svc.storage, file_key, upload.max_bytes)
    except AnalysisError as exc:
        if exc.code == ErrorCode.FILE_MISSING:
            raise ApiError(
                409, "file_not_uploaded", "Nothing has been uploaded to this key yet."
            ) from exc
        raise ApiError(413, exc.code, exc.message, file_key=file_key) from exc
    row = await asyncio.to_thread(
        svc.repo.create_analysis, file_key, question, body.question_id, None, body.language
    )
    return await run_and_answer(row, request, svc, wait=body.wait)


async def run_and_answer(
    row: Analysis, request: Request, svc: ServicesDep, *, wait: bool, inline: bool = False
) -> Any:
    """Queue the analysis (or, `inline`, run it in this request); answer with its result
    (waiting, as the original did) or 202."""
    if inline:
        # Claimed like any job; if another process's recovery claimed it first, the
        # wait below picks up that runner's result.
        await asyncio.to_thread(svc.runner.run, row.id)
    else:
        svc.queue.submit(row.id)
    status_url = str(request.url_for("get_analysis", analysis_id=row.id))
    accepted = AnalysisAccepted(
        analysis_id=row.id, file_key=row.file_key, status=row.status, status_url=status_url
    )
    if not wait:
        return JSONResponse(accepted.model_dump(), status_code=202)
    deadline = time.monotonic() + svc.settings.analyze_wait_timeout_s
    while time.monotonic() < deadline:
        current = await asyncio.to_thread(svc.repo.get, row.id)
        if current is None:
            raise ApiError(404, "analysis_deleted", "The analysis was deleted while running.")
        if current.status == COMPLETED:
            return read_result(json.loads(current.result_json or "{}"))
        if current.status == FAILED:
            return _failure_response(current)
        await asyncio.sleep(POLL_S)
    # Still running: hand over the status URL rather than hold the connection forever.
    return JSONResponse(accepted.model_dump(), status_code=202)


async def _analyze_text(
    text: str,
    question: str | None,
    bank_question: Question | None,
    language: str | None,
    request: Request,
    svc: ServicesDep,
) -> Any:
    """A typed answer is answered at once, in this request, not behind queued recordings."""
    if not text.strip():
        raise ApiError(422, "empty_answer", "The typed answer is empty.")
    row = await asyncio.to_thread(
        svc.repo.create_analysis,
        None,
        question,
        bank_question.id if bank_question else None,
        text,
        language,
    )
    return await run_and_answer(row, request, svc, wait=True, inline=True)


@router.get(
    "/analyses/{analysis_id}",
    response_model=AnalysisStatus,
    name="get_analysis",
    responses=errors(404, 422),
)
def get_analysis(analysis_id: str, svc: ServicesDep) -> AnalysisStatus:
    row = svc.repo.get(analysis_id)
    if row is None:
        raise ApiError(404, "analysis_not_found", "No analysis has this id.")
    status = _status(row, with_result=True)
    status.estimate = _estimate(row, svc)
    return status


@router.get("/analyses", response_model=AnalysisPage, responses=errors(422))
def list_analyses(
    svc: ServicesDep,
    limit: int = Query(20, ge=1, le=100),
    # Bounded: SQLite's OFFSET is a signed 64-bit int (2^63 answered 500 before).
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    question_id: str | None = Query(None, max_length=64),
    question: str | None = Query(None, max_length=2000, description="A custom question's text."),
) -> AnalysisPage:
    """Analyses, newest first, without their full results; optionally for one question
    (a bank question by `question_id`, a custom one by its text)."""
    page = svc.repo.list(limit, offset, question_id, (question or "").strip() or None)
    return AnalysisPage(
        items=[_status(r, with_result=False) for r in page.items],
        total=page.total,
        limit=limit,
        offset=offset,
    )


@router.delete(
    "/analyses/{analysis_id}",
    status_code=204,
    response_model=None,
    responses=errors(404, 409, 422),
)
def delete_analysis(analysis_id: str, svc: ServicesDep) -> Response:
    """Remove the analysis and, when no other analysis uses it, its recording."""
    row = svc.repo.get(analysis_id)
    if row is None:
        raise ApiError(404, "analysis_not_found", "No analysis has this id.")
    if row.status == RUNNING:
        raise ApiError(409, "analysis_running", "The analysis is running; delete it when done.")
    svc.repo.delete(analysis_id)
    if row.file_key and svc.repo.count_for_key(row.file_key) == 0:
        svc.storage.delete(row.file_key)
        svc.repo.delete_upload(row.file_key)
    return Response(status_code=204)
