"""Every strength and improvement cites evidence that supports it, over many analyses.

Analyses are generated (Hypothesis): words at random times, pace windows built from
them, fillers, a presence timeline where eye contact and smiles come and go, talking
points covered or not. Whatever the draw, what the coach cites must hold.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.coach.evidence import MIN_QUOTE_WORDS
from interview_prep_backend.pipeline.coach.rules import coach
from interview_prep_backend.pipeline.coach.thresholds import BY_KEY
from interview_prep_backend.pipeline.schema_upgrade import read_result
from tests.conftest import FIXTURES

BASE = read_result(json.loads((FIXTURES / "result_v1.json").read_text()))
VOCAB = "we shipped the fix and um I measured latency so uh it dropped by forty percent".split()


@st.composite
def analyses(draw: st.DrawFn) -> s.AnalysisResult:
    n = draw(st.integers(3, 160))
    # A tempo per answer, so pace runs from halting to rushed with bumps inside.
    tempo = draw(st.floats(0.02, 0.6))
    gaps = [tempo * x for x in draw(st.lists(st.floats(0.1, 3.0), min_size=n, max_size=n))]
    lengths = draw(st.lists(st.floats(0.1, 0.35), min_size=n, max_size=n))
    words: list[dict[str, Any]] = []
    t = draw(st.floats(0.0, 2.0))
    for gap, length in zip(gaps, lengths, strict=True):
        t += gap
        words.append({"text": draw(st.sampled_from(VOCAB)), "start_time": round(t, 2),
                      "end_time": round(t + length, 2), "confidence": 0.9})  # fmt: skip
        t += length
    end = words[-1]["end_time"]
    windows = []
    for lo in range(0, int(end) + 1, 10):
        inside = [w for w in words if lo <= w["start_time"] < lo + 10]
        windows.append({"start": lo, "end": lo + 10, "words": len(inside), "wpm": len(inside) * 6})
    fillers = [{"text": w["text"], "start_time": w["start_time"], "end_time": w["end_time"]}
               for w in words if w["text"] in ("um", "uh")]  # fmt: skip
    seconds = int(end) + 1
    looks = draw(st.lists(st.booleans(), min_size=seconds, max_size=seconds))
    smiles = draw(st.lists(st.booleans(), min_size=seconds, max_size=seconds))
    timeline = [{"t": i, "face_visible": True, "eye_contact": looks[i], "smile": smiles[i]}
                for i in range(seconds)]  # fmt: skip
    lost, run = [], None
    for i, look in enumerate([*looks, True]):
        if not look and run is None:
            run = i
        elif look and run is not None:
            if i - run >= 1:
                lost.append({"start_time": run, "end_time": i})
            run = None
    covered = draw(st.lists(st.booleans(), min_size=0, max_size=4))
    sentence = {"text": " ".join(w["text"] for w in words[:6]), "start_time": 0.0,
                "end_time": words[min(5, n - 1)]["end_time"]}  # fmt: skip
    data = BASE.model_dump(mode="json")
    data["transcript_analysis"]["words"] = words
    data["transcript_analysis"]["full_text"] = " ".join(w["text"] for w in words)
    m = data["speech_metrics"]
    m.update(words_per_minute=round(60 * n / end, 1), pace_windows=windows,
             speaking_time_s=round(end, 2))  # fmt: skip
    m["fillers"].update(count=len(fillers), items=fillers, per_minute=60 * len(fillers) / end)
    p = data["presence"]
    p.update(timeline=timeline, eye_contact_lost_moments=lost,
             eye_contact_pct=round(100 * sum(looks) / seconds, 1),
             smile_pct=round(100 * sum(smiles) / seconds, 1))  # fmt: skip
    c = data["content"]
    c["talking_points"] = [
        {"point": f"point {i}", "covered": cov, "matched_keywords": [],
         "evidence": sentence if cov else None}
        for i, cov in enumerate(covered)
    ]  # fmt: skip
    c["answer_seconds"] = round(end, 2)
    return s.AnalysisResult.model_validate(data)


def _spoken(result: s.AnalysisResult, e: s.Evidence) -> bool:
    """The quote is words said, in order, inside the cited times."""
    assert result.transcript_analysis is not None and e.quote is not None
    assert e.start_time is not None and e.end_time is not None
    lo, hi = e.start_time - 1e-6, e.end_time + 1e-6
    said = [w for w in result.transcript_analysis.words if lo <= w.start_time and w.end_time <= hi]
    quoted = e.quote.replace(" …", "").split()
    return len(quoted) >= MIN_QUOTE_WORDS and [w.text for w in said][: len(quoted)] == quoted


@given(analyses())
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_cited_evidence_supports_each_claim(result: s.AnalysisResult) -> None:
    coaching = coach(result)
    assert len(coaching.strengths) <= 3 and len(coaching.improvements) <= 3
    p = result.presence
    assert p is not None
    held = {x.t for x in p.timeline if x.eye_contact}
    for item in coaching.strengths + coaching.improvements:
        e = item.evidence
        if e.quote is not None and item.metric != "longest_pause" and item.metric != "ending":
            assert _spoken(result, e), (item.metric, e)
    for item in coaching.strengths:
        e = item.evidence
        if item.metric == "eye_contact" and e.start_time is not None:
            assert e.end_time is not None
            # Every second of the cited stretch had eye contact.
            assert all(t in held for t in range(int(e.start_time), int(e.end_time))), e
        if item.metric == "pace" and e.start_time is not None:
            t = BY_KEY["pace"]
            assert t.good_low <= float(e.value or 0) <= t.good_high, e  # type: ignore[operator]
        assert e.metric != "talking_points_missing" and e.metric != "star_missing"
    for item in coaching.improvements:
        assert item.drill
        e = item.evidence
        if item.metric == "eye_contact" and e.start_time is not None:
            assert e.end_time is not None
            assert not all(t in held for t in range(int(e.start_time), int(e.end_time)))
