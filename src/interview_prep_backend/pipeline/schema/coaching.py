"""The coach's scores and feedback."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from interview_prep_backend.pipeline.schema.base import Open, Pct, Seconds


class Evidence(Open):
    quote: str | None = None
    start_time: Seconds | None = None
    end_time: Seconds | None = None
    metric: str | None = None
    value: float | str | None = None


class FeedbackItem(Open):
    """One strength or improvement. An LLM coach's claim grounded on a quote rather than
    a measured metric has `metric` "quote" and no score, value or target."""

    metric: str
    title: str
    score: Pct | None
    value: str | None = Field(description="The measured value as shown, with its unit.")
    target: str | None
    evidence: Evidence
    why: str
    drill: str | None = None
    model_sentences: dict[str, str] | None = Field(
        default=None, description="For missing STAR parts: a model sentence for each."
    )


class Scores(Open):
    overall: Pct | None
    delivery: Pct | None
    presence: Pct | None
    content: Pct | None


class MetricScore(Open):
    metric: str
    group: Literal["delivery", "presence", "content"]
    value: str
    score: Pct
    target: str | None


class LlmUse(Open):
    """Whether an LLM rewrote the feedback, and what it dropped or why it failed."""

    used: bool
    model: str
    error: str | None = None
    dropped_claims: int | None = None


class Coaching(Open):
    engine: Literal["rules", "llm"]
    scores: Scores
    metrics: list[MetricScore]
    strengths: list[FeedbackItem] = Field(max_length=3)
    improvements: list[FeedbackItem] = Field(max_length=3)
    summary: str | None = None
    llm: LlmUse | None = None
