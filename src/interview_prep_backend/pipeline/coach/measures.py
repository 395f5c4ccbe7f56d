"""Read each coached metric, and the evidence for and against it, out of a typed result.

The coach works on the result model (not on the stages' internals), so it can coach any
analysis, spoken or typed, fresh or re-read from the database.

Each measure carries two pieces of evidence: `strong`, cited when it is a strength, and
`weak`, cited when it needs work, each true to its claim. A new user's session found
the strength "Strong eye contact" citing the first moment eye contact was lost, and
"Your pace was easy to follow" citing a window at 81 words/min, below the target: one
piece of evidence served both claims. Now eye contact held is cited from the longest
stretch where it held, a good pace from a window inside the band, covered talking
points from a sentence that covers one (never a list of the missing ones).
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.coach import evidence as ev
from interview_prep_backend.pipeline.coach.thresholds import BY_KEY
from interview_prep_backend.pipeline.schema import Evidence

# Rates per minute are taken over at least this much speaking time, so two restarts in a
# 22 s answer are 2 per minute, not 5.5 (which scored 0).
MIN_RATE_MINUTES = 1.0


@dataclass(frozen=True)
class Measure:
    key: str
    value: float
    display: str
    strong: Evidence
    weak: Evidence
    # False: never praised as a strength (a typed answer without "um" did nothing special).
    praise: bool = True


def _same(key: str, value: float, display: str, both: Evidence) -> Measure:
    return Measure(key, value, display, both, both)


def _in_band(key: str, value: float) -> bool:
    t = BY_KEY[key]
    return (t.good_low is None or value >= t.good_low) and (
        t.good_high is None or value <= t.good_high
    )


def _pace(result: s.AnalysisResult, m: s.SpeechMetrics) -> Measure:
    wpm = m.words_per_minute
    windows = [w for w in m.pace_windows if w.wpm > 0]
    weak = strong = ev.metric("words_per_minute", wpm)
    if windows:
        far = max(windows, key=lambda w: abs(w.wpm - 130))
        weak = ev.moment(result, far.start, far.end, "words_per_minute", far.wpm)
        inside = [w for w in windows if _in_band("pace", w.wpm)]
        if inside:
            near = min(inside, key=lambda w: abs(w.wpm - 130))
            strong = ev.moment(result, near.start, near.end, "words_per_minute", near.wpm)
    return Measure("pace", wpm, f"{wpm:.0f} words/min", strong, weak)


def _fillers(result: s.AnalysisResult, m: s.SpeechMetrics, minutes: float) -> Measure:
    rate = round(m.fillers.count / minutes, 2)
    weak = strong = ev.metric("fillers_per_minute", rate)
    span = ev.densest(m.fillers.items)
    if span:
        weak = ev.moment(result, span[0], span[1], "fillers_per_minute", rate, pad=0.6)
    words = result.transcript_analysis.words if result.transcript_analysis else []
    if words:
        clear = ev.longest_clear(m.fillers.items, words[0].start_time, words[-1].end_time)
        if clear and clear[1] - clear[0] >= 5:
            strong = ev.moment(result, clear[0], clear[1], "fillers_per_minute", rate)
    return Measure("fillers", rate, f"{m.fillers.count} ({rate:.1f}/min)", strong, weak)


def _longest_pause(m: s.SpeechMetrics) -> Measure:
    longest = m.pauses.longest
    value = longest.duration_s if longest else 0.0
    strong = ev.metric("longest_pause_s", value)
    weak = (
        Evidence(quote=f"{longest.after_word} … {longest.before_word}",
                 start_time=longest.start_time, end_time=longest.end_time,
                 metric="longest_pause_s", value=value)
        if longest else strong
    )  # fmt: skip
    return Measure("longest_pause", value, f"{value:.1f} s", strong, weak)


def _counted(result: s.AnalysisResult, key: str, block: s.Counted, minutes: float) -> Measure:
    rate = round(block.count / minutes, 2)
    name = f"{key}_per_minute"
    strong = weak = ev.metric(name, rate)
    first = block.items[0] if block.items else None
    if first:
        weak = ev.moment(result, first.start_time, first.end_time, name, rate, pad=1.0)
    return Measure(key, rate, f"{block.count} ({rate:.1f}/min)", strong, weak)


def _written(result: s.AnalysisResult) -> list[Measure]:
    """A written answer's fillers, hedges and restarts, per minute of its length, on the
    spoken thresholds (a pasted transcript's "um"s are as costly as spoken ones). They
    count in the content score: a written answer has no delivery to score."""
    c = result.content
    if c is None or c.fluency is None:
        return []
    minutes = max((c.answer_seconds or 0.0) / 60.0, MIN_RATE_MINUTES)
    out = []
    for key, count in (
        ("fillers", c.fluency.fillers),
        ("hedges", c.fluency.hedges),
        ("repetitions", c.fluency.repetitions),
    ):
        rate = round(count / minutes, 2)
        both = ev.metric(f"{key}_per_minute", rate)
        out.append(Measure(key, rate, f"{count} ({rate:.1f}/min)", both, both, praise=False))
    return out


def delivery_measures(result: s.AnalysisResult) -> list[Measure]:
    m = result.speech_metrics
    if not m:
        return []
    minutes = max(m.speaking_time_s / 60.0, MIN_RATE_MINUTES)
    out = [
        _pace(result, m),
        _fillers(result, m, minutes),
        _longest_pause(m),
        _counted(result, "hedges", m.hedges, minutes),
        _counted(result, "repetitions", m.repetitions, minutes),
    ]
    spread = m.prosody.pitch_std_semitones
    if spread is not None:
        both = ev.metric("pitch_std_semitones", spread)
        out.append(_same("pitch_variation", spread, f"{spread:.1f} semitones", both))
    return out


def _face_visible(p: s.Presence) -> Measure:
    value = p.face_visible_pct
    strong = weak = ev.metric("face_visible_pct", value)
    if p.no_face_moments:
        gone = p.no_face_moments[0]
        weak = Evidence(start_time=gone.start_time, end_time=gone.end_time,
                        metric="face_visible_pct", value=value)  # fmt: skip
    return Measure("face_visible", value, f"{value:.0f}%", strong, weak)


def _eye_contact(result: s.AnalysisResult, p: s.Presence, pct: float) -> Measure:
    strong = weak = ev.metric("eye_contact_pct", pct)
    lost = p.eye_contact_lost_moments
    if lost:
        weak = ev.moment(result, lost[0].start_time, lost[0].end_time, "eye_contact_pct", pct)
    held = ev.held_seconds(p.timeline, "eye_contact")
    if held:
        strong = ev.moment(result, held[0], held[1], "eye_contact_pct", pct)
    return Measure("eye_contact", pct, f"{pct:.0f}%", strong, weak)


def presence_measures(result: s.AnalysisResult) -> list[Measure]:
    p = result.presence
    if p is None:
        return []
    if p.eye_contact_pct is None:
        return [_face_visible(p)]
    head = p.head_movement
    movement = round(head.yaw_spread_deg + head.pitch_spread_deg, 1) if head else 0.0
    smile = p.smile_pct or 0.0
    smiled = ev.held_seconds(p.timeline, "smile")
    smile_strong = (
        ev.moment(result, smiled[0], smiled[1], "smile_pct", smile)
        if smiled
        else ev.metric("smile_pct", smile)
    )
    return [
        _eye_contact(result, p, p.eye_contact_pct),
        _face_visible(p),
        _same("head_movement", movement, f"{movement:.0f}°",
              ev.metric("head_movement_spread_deg", movement)),
        Measure("smile", smile, f"{smile:.0f}%", smile_strong, ev.metric("smile_pct", smile)),
    ]  # fmt: skip


def _length(c: s.Content) -> Measure:
    lo, hi = c.ideal_seconds
    seconds = c.answer_seconds or 0.0
    pct = 100.0 * seconds / lo if seconds < lo else 100.0 * seconds / hi if seconds > hi else 100.0
    both = ev.metric("answer_seconds", seconds)
    return _same("length", pct, f"{seconds:.0f} s (ideal {lo:g}-{hi:g} s)", both)


def _star(c: s.Content) -> Measure:
    present = [p for p, v in c.star.items() if v.present]
    missing = [p for p in ("situation", "task", "action", "result") if p not in present]
    weak = ev.metric("star_missing", ", ".join(missing)) if missing else None
    action = c.star["action"].sentences[0] if c.star["action"].sentences else None
    strong = ev.sentence(action, "star_parts", len(present))
    return Measure("star", len(present), f"{len(present)} of 4", strong, weak or strong)


def _talking_points(c: s.Content) -> Measure:
    points = c.talking_points
    covered = [p for p in points if p.covered]
    share = 100.0 * len(covered) / len(points)
    missing = [p.point for p in points if not p.covered]
    weak = ev.metric("talking_points_missing", "; ".join(missing)) if missing else None
    cited = next((p.evidence for p in covered if p.evidence is not None), None)
    strong = ev.sentence(cited, "talking_points_covered", len(covered))
    shown = f"{len(covered)} of {len(points)}"
    return Measure("talking_points", share, shown, strong, weak or strong)


def _ending(c: s.Content) -> Measure:
    verdict = c.ending.verdict
    value = {"clear": 1.0, "neutral": 0.6, "trails_off": 0.2}[verdict]
    both = ev.sentence(c.ending.last_sentence, "ending", verdict)
    return _same("ending", value, verdict.replace("_", " "), both)


def content_measures(result: s.AnalysisResult) -> list[Measure]:
    c = result.content
    if not c:
        return []
    out = [_length(c)]
    if c.expects_star:
        out.append(_star(c))
    if c.talking_points:
        out.append(_talking_points(c))
    if c.question and c.relevance is not None:
        both = ev.metric("relevance_cosine", c.relevance)
        out.append(_same("relevance", c.relevance, f"{c.relevance:.2f}", both))
    results = c.concrete_results
    first = results[0] if results else None
    both = ev.sentence(first, "concrete_results", len(results))
    out.append(_same("results", len(results), f"{len(results)} sentence(s)", both))
    own = c.ownership
    if own.i_share_pct is not None and own.i_count + own.we_count >= 3:
        both = ev.metric("i_share_pct", own.i_share_pct)
        out.append(_same("ownership", own.i_share_pct, f"{own.i_share_pct:.0f}% 'I'", both))
    out.append(_ending(c))
    return out + _written(result)
