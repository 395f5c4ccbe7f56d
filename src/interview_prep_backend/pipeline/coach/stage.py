"""The coaching stage: the rules coach always, an LLM coach when one is configured.

The LLM coach's answer replaces the rules coach's strengths and improvements only when
it is valid and every claim it keeps cites evidence found in the analysis; on any
failure the rules coach's feedback stands and the result says why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.coach.rules import coach as rules_coach
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LlmAdvice:
    """An LLM's feedback after its claims were checked against the analysis."""

    summary: str
    strengths: list[s.FeedbackItem]
    improvements: list[s.FeedbackItem]
    dropped: int  # claims left out: no evidence found, or over three


class LlmCoach(Protocol):
    """A language model that rewrites the rules coach's feedback (adapters/llm)."""

    model: str

    def feedback(self, result: s.AnalysisResult, rules: s.Coaching) -> LlmAdvice:
        """Grounded feedback; raise on any failure."""
        ...


class Coach:
    """The result (without coaching) in, its coaching out."""

    def __init__(self, llm: LlmCoach | None = None) -> None:
        self.llm = llm

    def __call__(self, result: s.AnalysisResult, pack: LanguagePack = ENGLISH) -> s.Coaching:
        coaching = rules_coach(result, pack)
        if self.llm is None:
            return coaching
        try:
            better = self.llm.feedback(result, coaching)
        except Exception as exc:  # any LLM failure falls back to the rules coach
            log.warning("LLM coach failed, rules coach answers: %s", exc)
            coaching.llm = s.LlmUse(used=False, model=self.llm.model, error=str(exc)[:300])
            return coaching
        return coaching.model_copy(
            update={
                "engine": "llm",
                "strengths": better.strengths,
                "improvements": better.improvements,
                "summary": better.summary or None,
                "llm": s.LlmUse(used=True, model=self.llm.model, dropped_claims=better.dropped),
            }
        )
