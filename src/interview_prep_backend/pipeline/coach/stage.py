"""The coaching stage: the rules coach always, an LLM coach when one is configured.

The LLM coach's answer replaces the rules coach's strengths and improvements only when
it is valid and every claim it keeps cites evidence found in the analysis; on any
failure the rules coach's feedback stands and the result says why.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from interview_prep_backend.pipeline.coach.rules import coach as rules_coach
from interview_prep_backend.pipeline.original import coaching_advice

log = logging.getLogger(__name__)


class LlmCoach(Protocol):
    model: str

    def feedback(self, result: dict[str, Any], rules: dict[str, Any]) -> dict[str, Any]:
        """Return {"strengths": [...], "improvements": [...], "summary": str}; raise on failure."""
        ...


def run_coaching(result: dict[str, Any], llm: LlmCoach | None = None) -> None:
    coaching = rules_coach(result)
    if llm is not None:
        try:
            better = llm.feedback(result, coaching)
        except Exception as exc:  # any LLM failure falls back to the rules coach
            log.warning("LLM coach failed, rules coach answers: %s", exc)
            coaching["llm"] = {"used": False, "model": llm.model, "error": str(exc)[:300]}
        else:
            coaching.update(
                engine="llm",
                strengths=better["strengths"],
                improvements=better["improvements"],
                summary=better.get("summary"),
                llm={"used": True, "model": llm.model, "dropped_claims": better["dropped"]},
            )
    result["coaching"] = coaching
    result["coaching_advice"] = coaching_advice(result, coaching)
