"""The original service's `coaching_advice` fields, from the coaching block.

- `tip`: the first improvement's title and drill (or the top strength, when there is
  nothing to improve);
- `confidence_score`: the presence block's `confidence` when there is video, else the
  delivery score (0-100): how assured the delivery looked and sounded;
- `anxiety_score`: the presence block's `anxiety_hint` when there is video, else the
  mean shortfall of the filler, hedge and pause scores: cues a listener may read as
  nervous, not a diagnosis;
- `recommendations`: each improvement's drill.
"""

from __future__ import annotations

from statistics import mean
from typing import Any


def coaching_advice(result: dict[str, Any], coaching: dict[str, Any]) -> dict[str, Any]:
    improvements = coaching["improvements"]
    strengths = coaching["strengths"]
    if improvements:
        tip = f"{improvements[0]['title']}: {improvements[0]['drill']}"
    elif strengths:
        tip = f"Keep it up: {strengths[0]['title'].lower()}."
    else:
        tip = None
    facial = result.get("facial_analysis") or {}
    by_metric = {m["metric"]: m["score"] for m in coaching["metrics"]}
    nervous = [100 - by_metric[k] for k in ("fillers", "hedges", "longest_pause") if k in by_metric]
    return {
        "tip": tip,
        "confidence_score": facial.get("confidence")
        if facial.get("confidence") is not None
        else coaching["scores"]["delivery"],
        "anxiety_score": facial.get("anxiety_hint")
        if facial.get("anxiety_hint") is not None
        else (round(mean(nervous), 1) if nervous else None),
        "recommendations": [i["drill"] for i in improvements],
        "overall_score": coaching["scores"]["overall"],
    }
