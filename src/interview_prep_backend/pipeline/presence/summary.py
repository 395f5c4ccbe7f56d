"""Frame observations → the presence report.

Everything here describes what the camera saw (a face, its direction, its expression
as a model labels it), never what the candidate felt. The impressions derived from it
(the original service's `facial_analysis`) are in `impressions.py`. The warnings' codes
are stable; their sentences are the language pack's (`presence`).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.presence.expression import LABELS
from interview_prep_backend.pipeline.presence.observe import SMILE_AT, FrameObservation

MOMENT_MIN_S = 1.0
# Face height as a share of the frame. MediaPipe's short-range detector loses faces
# below about 0.17 here, so the warning comes while the face is still found.
SMALL_FACE = 0.22
OFF_CENTRE_X, OFF_CENTRE_Y = 0.2, 0.25
DARK = 60.0  # mean grey level of the face
PARTLY_VISIBLE_PCT = 80.0


@dataclass(frozen=True)
class Moment:
    start_time: float
    end_time: float


@dataclass
class Presence:
    sample_fps: float
    frames_analysed: int
    face_visible_pct: float
    no_face_moments: list[Moment] = field(default_factory=list)
    several_faces_moments: list[Moment] = field(default_factory=list)
    smile_pct: float | None = None
    eye_contact_pct: float | None = None
    eye_contact_lost_moments: list[Moment] = field(default_factory=list)
    head_movement: dict[str, float] | None = None
    expressions: dict[str, float] | None = None
    dominant_expression: str | None = None
    timeline: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)


def _moments(obs: list[FrameObservation], hit, step: float) -> list[Moment]:
    """Merge runs of consecutive frames where `hit` holds; keep those ≥ MOMENT_MIN_S."""
    out: list[Moment] = []
    start = last = None
    for o in obs:
        if hit(o):
            if start is None:
                start = o.time_s
            last = o.time_s
        elif start is not None and last is not None:
            out.append(Moment(start, round(last + step, 3)))
            start = last = None
    if start is not None and last is not None:
        out.append(Moment(start, round(last + step, 3)))
    return [m for m in out if m.end_time - m.start_time >= MOMENT_MIN_S - 1e-6]


def _pct(values: list[bool]) -> float | None:
    return round(100.0 * sum(values) / len(values), 1) if values else None


def _graded_pct(grades: list[float], weights: list[float] | None = None) -> float | None:
    """Weighted mean of graded memberships, as a percentage (see observe.py)."""
    weights = weights if weights is not None else [1.0] * len(grades)
    total = sum(weights)
    if not grades or total <= 0:
        return None
    return round(100.0 * sum(g * w for g, w in zip(grades, weights, strict=True)) / total, 1)


def _smiling(o: FrameObservation) -> float:
    return o.smiling if o.smiling is not None else float((o.smile or 0) > SMILE_AT)


def _eye_contact(o: FrameObservation) -> float | None:
    if o.eye_contact_grade is not None:
        return o.eye_contact_grade
    return None if o.eye_contact is None else float(o.eye_contact)


def _weight(o: FrameObservation) -> float:
    return o.eye_weight if o.eye_weight is not None else 1.0


def _spread(values: list[float]) -> float:
    return round(float(np.std(values)), 2) if values else 0.0


def _timeline(obs: list[FrameObservation]) -> list[dict[str, Any]]:
    by_second: dict[int, list[FrameObservation]] = defaultdict(list)
    for o in obs:
        by_second[int(o.time_s)].append(o)
    rows = []
    for second in sorted(by_second):
        group = by_second[second]
        seen = [o for o in group if o.faces]
        row: dict[str, Any] = {"t": second, "face_visible": bool(seen)}
        if seen:
            mean = (
                {k: float(np.mean([o.expression[k] for o in seen if o.expression])) for k in LABELS}
                if any(o.expression for o in seen)
                else {}
            )
            if mean:
                label = max(mean, key=lambda k: mean[k])
                row["expression"] = label
                row["expression_confidence"] = round(100 * mean[label], 1)
            row["smile"] = statistics.mean(o.smile or 0 for o in seen) > SMILE_AT
            contact = [o.eye_contact for o in seen if o.eye_contact is not None]
            row["eye_contact"] = (sum(contact) / len(contact) >= 0.5) if contact else None
            row["yaw"] = round(statistics.mean(o.yaw or 0 for o in seen), 1)
            row["pitch"] = round(statistics.mean(o.pitch or 0 for o in seen), 1)
        rows.append(row)
    return rows


def _warnings(
    p: Presence, faces: list[FrameObservation], pack: LanguagePack
) -> list[dict[str, str]]:
    text = pack.presence
    codes: list[str] = []
    if not faces:
        return [{"code": "no_face", "message": text.no_face}]
    if p.face_visible_pct < PARTLY_VISIBLE_PCT:
        codes.append("face_partly_visible")
    boxes = [o.box for o in faces if o.box]
    height = statistics.median(b[3] - b[1] for b in boxes)
    if height < SMALL_FACE:
        codes.append("face_too_small")
    cx = statistics.median((b[0] + b[2]) / 2 for b in boxes)
    cy = statistics.median((b[1] + b[3]) / 2 for b in boxes)
    if abs(cx - 0.5) > OFF_CENTRE_X or abs(cy - 0.5) > OFF_CENTRE_Y:
        codes.append("face_off_centre")
    levels = [o.brightness for o in faces if o.brightness is not None]
    if levels and statistics.median(levels) < DARK:
        codes.append("too_dark")
    if p.several_faces_moments:
        codes.append("several_faces")
    # Each code's sentence is the pack field of the same name.
    return [{"code": c, "message": getattr(text, c).format(pct=p.face_visible_pct)} for c in codes]


def summarise(obs: list[FrameObservation], fps: float, pack: LanguagePack = ENGLISH) -> Presence:
    step = 1.0 / fps
    faces = [o for o in obs if o.faces]
    p = Presence(
        sample_fps=fps,
        frames_analysed=len(obs),
        face_visible_pct=_pct([bool(o.faces) for o in obs]) or 0.0,
        no_face_moments=_moments(obs, lambda o: o.faces == 0, step),
        several_faces_moments=_moments(obs, lambda o: o.faces > 1, step),
        timeline=_timeline(obs),
    )
    if faces:
        # Graded shares: they agree across sizes and codecs of one recording (observe.py).
        p.smile_pct = _graded_pct([_smiling(o) for o in faces])
        rated = [o for o in faces if _eye_contact(o) is not None]
        p.eye_contact_pct = _graded_pct(
            [_eye_contact(o) or 0.0 for o in rated], [_weight(o) for o in rated]
        )
        p.eye_contact_lost_moments = _moments(
            obs, lambda o: o.faces and o.eye_contact is False, step
        )
        yaws = [o.yaw for o in faces if o.yaw is not None]
        pitches = [o.pitch for o in faces if o.pitch is not None]
        p.head_movement = {
            "yaw_spread_deg": _spread(yaws),
            "pitch_spread_deg": _spread(pitches),
            "yaw_range_deg": round(float(np.ptp(np.percentile(yaws, [10, 90])))) if yaws else 0.0,
            "pitch_range_deg": round(float(np.ptp(np.percentile(pitches, [10, 90]))))
            if pitches
            else 0.0,
        }
        with_expr = [o.expression for o in faces if o.expression]
        if with_expr:
            expressions = {
                k: round(100 * float(np.mean([e[k] for e in with_expr])), 1) for k in LABELS
            }
            p.expressions = expressions
            p.dominant_expression = max(expressions, key=lambda k: expressions[k])
    p.warnings = _warnings(p, faces, pack)
    return p
