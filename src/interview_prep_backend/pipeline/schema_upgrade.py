"""Read stored results of any version as the current `AnalysisResult`.

Version 1 (before 2026-12) kept the original service's figures on other scales:
`facial_analysis` scores on 0-100 and `emotions` as a list of {type, confidence};
`filler_hits` as a map of filler → count; `coaching_advice` scores on 0-100; no
`mumble_score`. They are converted, not recomputed: nothing stored is lost, and the
per-filler map moves to `speech_metrics.fillers.by_word` where the new version keeps it.
Version 1 cannot give a mumble score (word probabilities were kept, so it is computed
from them when present, else 0).
"""

from __future__ import annotations

import copy
from typing import Any

from interview_prep_backend.pipeline.original import EMOTIONS, NOTHING_TO_SAY, mumble_score, unit
from interview_prep_backend.pipeline.schema import RESULT_VERSION, AnalysisResult, PartialResult
from interview_prep_backend.pipeline.speech.transcribe import Word

_FACIAL = ("engagement", "positivity", "anxiety_hint", "confidence")


def _mumble(words: list[dict[str, Any]]) -> float:
    """The same score a new result gets, from the stored word list."""
    return mumble_score(
        [Word(w["text"], w["start_time"], w["end_time"], w["confidence"]) for w in words]
    )


def _upgrade_speech(d: dict[str, Any]) -> None:
    ta = d.get("transcript_analysis")
    if ta is None:
        return
    hits = ta.get("filler_hits")
    if isinstance(hits, dict):
        ta["filler_hits"] = int(sum(hits.values()))
        metrics = d.get("speech_metrics") or {}
        if "fillers" in metrics:
            metrics["fillers"].setdefault("by_word", hits)
    ta.setdefault("mumble_score", _mumble(ta.get("words") or []))
    metrics = d.get("speech_metrics")
    if metrics is not None:
        metrics.setdefault("clarity", {"mumble_score": ta["mumble_score"], "unclear_stretches": []})


def _upgrade_v1(d: dict[str, Any]) -> dict[str, Any]:
    d = copy.deepcopy(d)
    _upgrade_speech(d)
    fa = d.get("facial_analysis")
    if fa is not None:
        impressions = {k: fa.get(k) for k in _FACIAL}
        for k in _FACIAL:
            fa[k] = unit(fa.get(k)) or 0.0
        listed = fa.get("emotions")
        if isinstance(listed, list):
            by_type = {e["type"].lower(): float(e["confidence"]) for e in listed}
            fa["emotions"] = {k: by_type.get(k, 0.0) for k in EMOTIONS}
        presence = d.get("presence")
        if presence is not None:
            complete = all(v is not None for v in impressions.values())
            presence.setdefault("impressions", impressions if complete else None)
    advice = d.get("coaching_advice")
    if advice is not None:
        advice["confidence_score"] = unit(advice.get("confidence_score"))
        advice["anxiety_score"] = unit(advice.get("anxiety_score"))
        if advice.get("tip") is None:
            advice["tip"] = NOTHING_TO_SAY
    d["result_version"] = RESULT_VERSION
    return d


def read_result(stored: dict[str, Any]) -> AnalysisResult | PartialResult:
    if stored.get("partial"):
        data = copy.deepcopy(stored)
        _upgrade_speech(data)
        return PartialResult.model_validate(data)
    if stored.get("result_version", 1) < 2:
        stored = _upgrade_v1(stored)
    return AnalysisResult.model_validate(stored)
