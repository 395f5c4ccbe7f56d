"""The original service's three blocks, with the exact types and ranges its clients read.

How each figure is made is in `pipeline/original.py`.
"""

from __future__ import annotations

from pydantic import Field

from interview_prep_backend.pipeline.schema.base import Closed, Open, Pct, Seconds, Unit


class Emotions(Closed):
    """Mean expression confidence in percent over the frames with a face."""

    happy: Pct
    calm: Pct
    fear: Pct
    confused: Pct
    sad: Pct
    angry: Pct
    surprised: Pct
    disgusted: Pct


class FacialAnalysis(Open):
    engagement: Unit
    positivity: Unit
    anxiety_hint: Unit
    confidence: Unit
    emotions: Emotions
    face_visible_pct: Pct | None = Field(default=None, description="Ours: 0-100.")


class Segment(Closed):
    text: str
    start_time: Seconds
    end_time: Seconds
    confidence: Unit


class TimedWord(Closed):
    text: str
    start_time: Seconds
    end_time: Seconds
    confidence: Unit


class TranscriptAnalysis(Open):
    full_text: str
    filler_ratio: Unit
    filler_hits: int = Field(ge=0, description="Number of filler words.")
    mumble_score: Unit = Field(description="Share of speaking time in unclear words.")
    segments: list[Segment]
    language: str | None = None
    words: list[TimedWord] = Field(default_factory=list)


class CoachingAdvice(Open):
    tip: str
    confidence_score: Unit | None = Field(description="Null only for typed answers.")
    anxiety_score: Unit | None = Field(description="Null only for typed answers.")
    recommendations: list[str]
    overall_score: Pct | None = Field(default=None, description="Ours: 0-100.")
