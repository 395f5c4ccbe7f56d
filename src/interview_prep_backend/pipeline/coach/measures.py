"""Read each coached metric, and the evidence behind it, out of a typed result.

The coach works on the result model (not on the stages' internals), so it can coach any
analysis, spoken or typed, fresh or re-read from the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.schema import Evidence


@dataclass(frozen=True)
class Measure:
    key: str
    value: float
    display: str
    evidence: Evidence


def _ev(
    quote: str | None = None,
    start: float | None = None,
    end: float | None = None,
    metric: str | None = None,
    value: float | str | None = None,
) -> Evidence:
    return Evidence(quote=quote, start_time=start, end_time=end, metric=metric, value=value)


def quote_between(result: s.AnalysisResult, start: float, end: float, pad: float = 0.0) -> str:
    words = result.transcript_analysis.words if result.transcript_analysis else []
    return " ".join(w.text for w in words if start - pad <= w.start_time <= end + pad)


def _densest(items: Sequence[s.Span], window: float = 10.0) -> tuple[float, float] | None:
    if not items:
        return None
    best = (0, items[0].start_time, items[0].end_time)
    for i, item in enumerate(items):
        inside = [x for x in items[i:] if x.start_time < item.start_time + window]
        if len(inside) > best[0]:
            best = (len(inside), item.start_time, inside[-1].end_time)
    return best[1], best[2]


def delivery_measures(result: s.AnalysisResult) -> list[Measure]:
    m = result.speech_metrics
    if not m:
        return []
    out: list[Measure] = []
    windows = [w for w in m.pace_windows if w.wpm > 0]
    wpm = m.words_per_minute
    if windows:
        far = max(windows, key=lambda w: abs(w.wpm - 130))
        ev = _ev(
            quote_between(result, far.start, far.end),
            far.start,
            far.end,
            "words_per_minute",
            wpm,
        )
    else:
        ev = _ev(metric="words_per_minute", value=wpm)
    out.append(Measure("pace", wpm, f"{wpm:.0f} words/min", ev))

    fillers = m.fillers
    span = _densest(fillers.items)
    ev = (
        _ev(
            quote_between(result, span[0], span[1], 0.6),
            span[0],
            span[1],
            "fillers_per_minute",
            fillers.per_minute,
        )
        if span
        else _ev(metric="fillers_per_minute", value=fillers.per_minute)
    )
    out.append(Measure("fillers", fillers.per_minute, f"{fillers.per_minute:.1f}/min", ev))

    longest = m.pauses.longest
    value = longest.duration_s if longest else 0.0
    ev = (
        _ev(
            f"{longest.after_word} … {longest.before_word}",
            longest.start_time,
            longest.end_time,
            "longest_pause_s",
            value,
        )
        if longest
        else _ev(metric="longest_pause_s", value=0.0)
    )
    out.append(Measure("longest_pause", value, f"{value:.1f} s", ev))

    minutes = max(m.speaking_time_s, 1.0) / 60.0
    for key, block in (("hedges", m.hedges), ("repetitions", m.repetitions)):
        rate = round(block.count / minutes, 2)
        first = block.items[0] if block.items else None
        ev = (
            _ev(
                quote_between(result, first.start_time, first.end_time, 1.0),
                first.start_time,
                first.end_time,
                f"{key}_per_minute",
                rate,
            )
            if first
            else _ev(metric=f"{key}_per_minute", value=rate)
        )
        out.append(Measure(key, rate, f"{block.count} ({rate:.1f}/min)", ev))

    spread = m.prosody.pitch_std_semitones
    if spread is not None:
        out.append(
            Measure(
                "pitch_variation",
                spread,
                f"{spread:.1f} semitones",
                _ev(metric="pitch_std_semitones", value=spread),
            )
        )
    return out


def _face_visible(p: s.Presence) -> Measure:
    return Measure(
        "face_visible",
        p.face_visible_pct,
        f"{p.face_visible_pct:.0f}%",
        _ev(metric="face_visible_pct", value=p.face_visible_pct),
    )


def presence_measures(result: s.AnalysisResult) -> list[Measure]:
    p = result.presence
    if p is None:
        return []
    if p.eye_contact_pct is None:
        return [_face_visible(p)]
    lost = p.eye_contact_lost_moments
    ev = (
        _ev(
            quote_between(result, lost[0].start_time, lost[0].end_time) or None,
            lost[0].start_time,
            lost[0].end_time,
            "eye_contact_pct",
            p.eye_contact_pct,
        )
        if lost
        else _ev(metric="eye_contact_pct", value=p.eye_contact_pct)
    )
    head = p.head_movement
    movement = round(head.yaw_spread_deg + head.pitch_spread_deg, 1) if head else 0.0
    return [
        Measure("eye_contact", p.eye_contact_pct, f"{p.eye_contact_pct:.0f}%", ev),
        _face_visible(p),
        Measure(
            "head_movement",
            movement,
            f"{movement:.0f}°",
            _ev(metric="head_movement_spread_deg", value=movement),
        ),
        Measure(
            "smile",
            p.smile_pct or 0.0,
            f"{p.smile_pct or 0:.0f}%",
            _ev(metric="smile_pct", value=p.smile_pct or 0.0),
        ),
    ]


def _sentence_evidence(x: s.Sentence | None, metric: str, value: float | str) -> Evidence:
    if not x:
        return _ev(metric=metric, value=value)
    return _ev(x.text, x.start_time, x.end_time, metric, value)


def content_measures(result: s.AnalysisResult) -> list[Measure]:
    c = result.content
    if not c:
        return []
    lo, hi = c.ideal_seconds
    seconds = c.answer_seconds or 0.0
    pct = 100.0 * seconds / lo if seconds < lo else 100.0 * seconds / hi if seconds > hi else 100.0
    out = [
        Measure(
            "length",
            pct,
            f"{seconds:.0f} s (ideal {lo}-{hi} s)",
            _ev(metric="answer_seconds", value=seconds),
        )
    ]
    if c.expects_star:
        present = [p for p, v in c.star.items() if v.present]
        missing = [p for p in ("situation", "task", "action", "result") if p not in present]
        if missing:
            ev = _ev(metric="star_missing", value=", ".join(missing))
        else:  # all there: show the action, the heart of the story
            ev = _sentence_evidence(c.star["action"].sentences[0], "star_parts", 4)
        out.append(Measure("star", len(present), f"{len(present)} of 4", ev))
    if c.talking_points:
        covered = [p for p in c.talking_points if p.covered]
        share = 100.0 * len(covered) / len(c.talking_points)
        missing = [p.point for p in c.talking_points if not p.covered]
        if missing:
            ev = _ev(metric="talking_points_missing", value="; ".join(missing))
        else:
            ev = _sentence_evidence(covered[0].evidence, "talking_points_covered", len(covered))
        shown = f"{len(covered)} of {len(c.talking_points)}"
        out.append(Measure("talking_points", share, shown, ev))
    if c.question and c.relevance is not None:
        out.append(
            Measure(
                "relevance",
                c.relevance,
                f"{c.relevance:.2f}",
                _ev(metric="relevance_cosine", value=c.relevance),
            )
        )
    results = c.concrete_results
    out.append(
        Measure(
            "results",
            len(results),
            f"{len(results)} sentence(s)",
            _sentence_evidence(results[0] if results else None, "concrete_results", len(results)),
        )
    )
    own = c.ownership
    if own.i_share_pct is not None and own.i_count + own.we_count >= 3:
        out.append(
            Measure(
                "ownership",
                own.i_share_pct,
                f"{own.i_share_pct:.0f}% 'I'",
                _ev(metric="i_share_pct", value=own.i_share_pct),
            )
        )
    ending = c.ending
    value = {"clear": 1.0, "neutral": 0.6, "trails_off": 0.2}[ending.verdict]
    out.append(
        Measure(
            "ending",
            value,
            ending.verdict.replace("_", " "),
            _sentence_evidence(ending.last_sentence, "ending", ending.verdict),
        )
    )
    return out
