"""Request and response models at the API edge."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from interview_prep_backend.jobs.estimate import ProgressEstimate
from interview_prep_backend.pipeline.schema import AnalysisResult, PartialResult


class UploadUrlRequest(BaseModel):
    file_type: Literal["video", "audio"] = "video"
    content_type: str = Field(default="video/webm", max_length=128)
    # Strict: `false` was read as 0 and "12" or 1.5 as sizes before.
    file_size: StrictInt | None = Field(
        default=None,
        ge=0,
        description="Size the client will upload; caps the URL to it. Optional: without "
        "it the server's cap applies, checked on the stored object before analysis.",
    )


class UploadUrlResponse(BaseModel):
    upload_url: str
    file_key: str
    expires_in: int
    method: str = "PUT"
    headers: dict[str, str] = {}
    fields: dict[str, str] = Field(
        default_factory=dict, description="Form fields to send first, for a presigned POST."
    )
    max_bytes: int


class UploadDone(BaseModel):
    file_key: str
    size_bytes: int


class AnalyzeRequest(BaseModel):
    file_key: str | None = Field(default=None, max_length=255, description="An uploaded recording.")
    text: str | None = Field(
        default=None, max_length=20_000, description="A typed answer, instead of a recording."
    )
    question: str | None = Field(default=None, max_length=2000)
    question_id: str | None = Field(default=None, max_length=64, description="From /questions.")
    language: str | None = Field(
        default=None,
        max_length=16,
        description="The answer's language pack (e.g. `en`); default: the question's, else "
        "English. An unknown one is 422 `unsupported_language`.",
    )
    wait: bool = Field(default=True, description="Wait for the result, as the original did.")


class AnalysisAccepted(BaseModel):
    analysis_id: str
    file_key: str | None
    status: str
    status_url: str


class ErrorInfo(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    """Every refusal, whatever the status: a stable code and a message for people."""

    error: ErrorInfo
    detail: str = Field(description="The message again, for clients of the original service.")
    model_config = ConfigDict(extra="allow")


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route that can refuse with these statuses."""
    return {status: {"model": ErrorResponse} for status in statuses}


class AnalysisStatus(BaseModel):
    analysis_id: str
    file_key: str | None
    question: str | None
    question_id: str | None
    answer_type: Literal["recording", "text"]
    status: Literal["queued", "running", "completed", "failed"]
    stage: str | None
    progress_pct: float
    error: ErrorInfo | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    processing_time_ms: int | None
    overall_score: float | None = None
    result: AnalysisResult | PartialResult | None = Field(
        default=None,
        description='The result; while running, a part of it marked "partial": true '
        "(transcript and speech metrics, before the video half ends).",
    )
    estimate: ProgressEstimate | None = Field(
        default=None,
        description="While a recording is queued or running: the time it should still take.",
    )


class AnalysisPage(BaseModel):
    items: list[AnalysisStatus]
    total: int
    limit: int
    offset: int
