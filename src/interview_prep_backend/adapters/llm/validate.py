"""Check the model's reply: its shape (pydantic) and its evidence (against the analysis).

A claim survives only if its evidence is really in the analysis: a quote must occur in
the transcript (compared without case and punctuation), a metric must be one the
analysis measured, with the value it reported. Claims without such evidence are dropped,
never shown.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, ValidationError

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.coach.stage import LlmAdvice

_NON_WORD = re.compile(r"[^a-z0-9%]+")


class LlmEvidence(BaseModel):
    quote: str | None = Field(default=None, max_length=600)
    start_time: float | None = None
    end_time: float | None = None
    metric: str | None = Field(default=None, max_length=64)
    value: str | float | int | None = None


class LlmItem(BaseModel):
    title: str = Field(min_length=2, max_length=120)
    evidence: LlmEvidence
    why: str = Field(default="", max_length=400)
    drill: str | None = Field(default=None, max_length=600)


class LlmFeedback(BaseModel):
    summary: str = Field(default="", max_length=600)
    strengths: list[LlmItem] = Field(default_factory=list)
    improvements: list[LlmItem] = Field(default_factory=list)


class InvalidReply(ValueError):
    pass


def _norm(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


def parse(raw: str) -> LlmFeedback:
    try:
        return LlmFeedback.model_validate_json(raw)
    except ValidationError as exc:
        raise InvalidReply(f"reply is not the expected JSON: {exc.error_count()} errors") from exc


def _supported(item: LlmItem, transcript: str, metrics: dict[str, str]) -> bool:
    ev = item.evidence
    if ev.quote:
        quote = _norm(ev.quote)
        return len(quote.split()) >= 2 and quote in transcript
    if ev.metric:
        if ev.metric not in metrics:
            return False
        return ev.value is None or _norm(str(ev.value)) == _norm(metrics[ev.metric])
    return False


def _feedback_item(item: LlmItem, rules: s.Coaching) -> s.FeedbackItem:
    """The claim as a feedback item; a metric claim carries the rules coach's measure."""
    measured = {m.metric: m for m in rules.metrics}.get(item.evidence.metric or "")
    ev = item.evidence
    return s.FeedbackItem(
        metric=measured.metric if measured else "quote",
        title=item.title,
        score=measured.score if measured else None,
        value=measured.value if measured else None,
        target=measured.target if measured else None,
        evidence=s.Evidence(
            quote=ev.quote,
            start_time=ev.start_time if ev.start_time is None or ev.start_time >= 0 else None,
            end_time=ev.end_time if ev.end_time is None or ev.end_time >= 0 else None,
            metric=ev.metric,
            value=ev.value,
        ),
        why=item.why,
        drill=item.drill,
    )


def grounded(feedback: LlmFeedback, result: s.AnalysisResult, rules: s.Coaching) -> LlmAdvice:
    """Keep the supported claims (at most 3 of each), and count the dropped ones."""
    ta = result.transcript_analysis
    transcript = _norm((ta.full_text if ta else None) or result.answer_text or "")
    metrics = {m.metric: str(m.value) for m in rules.metrics}
    kept: dict[str, list[s.FeedbackItem]] = {}
    dropped = 0
    for kind in ("strengths", "improvements"):
        items = []
        for item in getattr(feedback, kind):
            if _supported(item, transcript, metrics) and (kind == "strengths" or item.drill):
                items.append(_feedback_item(item, rules))
            else:
                dropped += 1
        kept[kind] = items[:3]
        dropped += max(0, len(items) - 3)
    if not kept["strengths"] and not kept["improvements"]:
        raise InvalidReply(f"no claim cited evidence found in the analysis ({dropped} dropped)")
    return LlmAdvice(feedback.summary, kept["strengths"], kept["improvements"], dropped)
