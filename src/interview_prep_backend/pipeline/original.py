"""The original service's three blocks, with the exact types its clients read.

The service this product descends from declared (FastAPI + pydantic), and its clients
read:

- `facial_analysis`: `engagement`, `positivity`, `anxiety_hint`, `confidence`, each a
  float in [0, 1] (our 0-100 impressions / 100, see `presence/impressions.py`), and
  `emotions`, a dict with the lower-case keys of `EMOTIONS`, each the mean expression
  confidence in percent (0-100) over the frames with a face. The local expression model
  has no "confused" class: that key is always 0 with it (Rekognition fills it). With a
  video but no face long enough to measure, every figure is 0; with no video (an audio
  upload) the block is null: nothing was seen.
- `transcript_analysis`: `full_text`, `filler_ratio` (filler words / all words, 0-1),
  `filler_hits` (an int: the number of filler words), `mumble_score` (0-1, below) and
  `segments[{text, start_time, end_time, confidence 0-1}]`.
- `coaching_advice`: `tip` (a string), `confidence_score` and `anxiety_score` (0-1) and
  `recommendations` (strings).

`mumble_score` is the share of speaking time (summed word durations) spent in words the
recogniser heard with probability below `UNCLEAR_BELOW`: stretches a listener would
likely have to ask about. Whisper's word probability drops on slurred, swallowed or
too-quiet words; it also drops on rare names, so the score is a hint, not a verdict.

Richer data (per-label lists, per-filler counts, 0-100 scores) is in our own blocks
(`presence`, `speech_metrics`, `coaching`), never in these.
"""

from __future__ import annotations

from statistics import mean
from typing import overload

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.presence.impressions import impressions
from interview_prep_backend.pipeline.presence.summary import Presence
from interview_prep_backend.pipeline.speech.transcribe import Word

EMOTIONS = ("happy", "calm", "fear", "confused", "sad", "angry", "surprised", "disgusted")
UNCLEAR_BELOW = 0.5
# The English fallback tip under the name schema_upgrade.py gives old results without one.
NOTHING_TO_SAY = ENGLISH.coach.nothing_to_say
# Runs of unclear words shorter than this many words are single misheard words, not
# mumbled stretches; they count in the score but are not listed as moments.
STRETCH_MIN_WORDS = 2


def facial_analysis(presence: Presence) -> s.FacialAnalysis:
    shares = presence.expressions or {}
    emotions = s.Emotions(**{k: round(float(shares.get(k.upper(), 0.0)), 1) for k in EMOTIONS})
    seen = impressions(presence)
    return s.FacialAnalysis(
        engagement=unit(seen.engagement) if seen else 0.0,
        positivity=unit(seen.positivity) if seen else 0.0,
        anxiety_hint=unit(seen.anxiety_hint) if seen else 0.0,
        confidence=unit(seen.confidence) if seen else 0.0,
        emotions=emotions,
        face_visible_pct=presence.face_visible_pct,
    )


@overload
def unit(pct: float) -> float: ...
@overload
def unit(pct: float | None) -> float | None: ...
def unit(pct: float | None) -> float | None:
    """A 0-100 figure on the original's 0-1 scale, clamped."""
    return None if pct is None else round(min(1.0, max(0.0, pct / 100)), 3)


def mumble_score(words: list[Word]) -> float:
    spoken = sum(max(0.0, w.end - w.start) for w in words)
    if spoken <= 0:
        return 0.0
    unclear = sum(max(0.0, w.end - w.start) for w in words if w.probability < UNCLEAR_BELOW)
    return round(unclear / spoken, 4)


def unclear_stretches(words: list[Word]) -> list[s.Span]:
    """Runs of consecutive unclear words, with their times and text."""
    out: list[s.Span] = []
    run: list[Word] = []
    for w in [*words, None]:
        if w is not None and w.probability < UNCLEAR_BELOW:
            run.append(w)
            continue
        if len(run) >= STRETCH_MIN_WORDS:
            text = " ".join(x.text for x in run)
            out.append(s.Span(text=text, start_time=run[0].start, end_time=run[-1].end))
        run = []
    return out


def coaching_advice(
    result: s.AnalysisResult, coaching: s.Coaching, pack: LanguagePack = ENGLISH
) -> s.CoachingAdvice:
    """`tip`: the first improvement's title and drill (or the top strength);
    `confidence_score`: the facial `confidence` when a face was measured, else the
    delivery score / 100: how assured the delivery looked and sounded;
    `anxiety_score`: the facial `anxiety_hint` when a face was measured, else the mean
    shortfall of the filler, hedge and pause scores / 100: cues a listener may read as
    nervous, not a diagnosis; `recommendations`: each improvement's drill.

    For a typed answer there is no delivery: both scores are null (the original service
    had no typed answers, so no client of it meets this case). The fallback tips are
    the language pack's.
    """
    improvements = coaching.improvements
    strengths = coaching.strengths
    if improvements:
        tip = f"{improvements[0].title}: {improvements[0].drill}"
    elif strengths:
        tip = pack.coach.keep_it_up.format(title=strengths[0].title.lower())
    else:
        tip = pack.coach.nothing_to_say
    seen = result.presence.impressions if result.presence else None
    by_metric = {m.metric: m.score for m in coaching.metrics}
    nervous = [100 - by_metric[k] for k in ("fillers", "hedges", "longest_pause") if k in by_metric]
    confidence: float | None
    anxiety: float | None
    if seen is not None:
        confidence, anxiety = seen.confidence, seen.anxiety_hint
    elif result.answer_type == "text":  # nothing was heard or seen: no delivery figure
        confidence = anxiety = None
    else:
        confidence = coaching.scores.delivery
        anxiety = mean(nervous) if nervous and confidence is not None else None
    return s.CoachingAdvice(
        tip=tip,
        confidence_score=unit(confidence),
        anxiety_score=unit(anxiety),
        recommendations=[i.drill for i in improvements if i.drill],
        # Ours, beside the original fields: the overall score on 0-100.
        overall_score=coaching.scores.overall,
    )
