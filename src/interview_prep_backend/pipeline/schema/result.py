"""The whole result, and the part of it readable while a recording is still analysed."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from interview_prep_backend.pipeline.schema.base import Open
from interview_prep_backend.pipeline.schema.coaching import Coaching
from interview_prep_backend.pipeline.schema.content import Content
from interview_prep_backend.pipeline.schema.original import (
    CoachingAdvice,
    FacialAnalysis,
    TranscriptAnalysis,
)
from interview_prep_backend.pipeline.schema.presence import Presence
from interview_prep_backend.pipeline.schema.speech import Media, SpeechMetrics


class AnalysisResult(Open):
    """What `POST /api/v1/analyze` returns and `GET /api/v1/analyses/{id}` keeps."""

    result_version: int
    analysis_id: str | None
    file_key: str | None
    status: Literal["completed"]
    answer_type: Literal["recording", "text"]
    question: str | None
    answer_text: str | None = None
    media: Media | None
    transcript_analysis: TranscriptAnalysis | None
    speech_metrics: SpeechMetrics | None
    facial_analysis: FacialAnalysis | None = Field(description="Null without video.")
    presence: Presence | None
    content: Content | None
    coaching: Coaching | None
    coaching_advice: CoachingAdvice | None
    stage_seconds: dict[str, float] | None
    processing_time_ms: int | None


class PartialResult(Open):
    """While a recording runs: the transcript and speech metrics, before presence ends."""

    partial: Literal[True]
    file_key: str | None
    question: str | None
    media: Media | None
    transcript_analysis: TranscriptAnalysis
    speech_metrics: SpeechMetrics
