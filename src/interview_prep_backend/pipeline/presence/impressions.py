"""Four impressions of the recording from the presence observations, on 0-100.

They are what the original service called `facial_analysis` (its clients read them on
0-1, see `pipeline/original.py`); the 0-100 figures sit in our own `presence` block as
`impressions`. Each describes what the camera saw, never what the candidate felt:

- `engagement` = face_visible_pct × eye_contact_pct / 100: the share of the recording
  with the face in view and turned to the camera.
- `positivity` = (smile_pct + HAPPY share) / 2: how much of the time a smile was seen.
- `anxiety_hint` = mean of (100 − eye_contact_pct), head-movement score and the share
  of FEAR + SAD + SURPRISED labels: visible cues an interviewer may read as nervous.
  A hint for practice, not a diagnosis.
- `confidence` = mean of eye_contact_pct, face_visible_pct and (100 − head-movement
  score): how steady and camera-facing the delivery looked.

Head-movement score = min(100, (yaw spread + pitch spread) / 20° × 100), spreads being
standard deviations in degrees; 20° of combined spread is a restless head.
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_prep_backend.pipeline.presence.summary import Presence

RESTLESS_DEG = 20.0


@dataclass(frozen=True)
class Impressions:
    engagement: float
    positivity: float
    anxiety_hint: float
    confidence: float


def impressions(p: Presence) -> Impressions | None:
    """None when no face was seen long enough to measure eye contact and movement."""
    if p.eye_contact_pct is None or p.head_movement is None:
        return None
    movement = min(
        100.0,
        (p.head_movement["yaw_spread_deg"] + p.head_movement["pitch_spread_deg"])
        / RESTLESS_DEG
        * 100,
    )
    shares = p.expressions or {}
    happy = shares.get("HAPPY", 0.0)
    tense = shares.get("FEAR", 0.0) + shares.get("SAD", 0.0) + shares.get("SURPRISED", 0.0)
    return Impressions(
        engagement=round(p.face_visible_pct * p.eye_contact_pct / 100, 1),
        positivity=round(((p.smile_pct or 0.0) + happy) / 2, 1),
        anxiety_hint=round(min(100.0, ((100 - p.eye_contact_pct) + movement + tense) / 3), 1),
        confidence=round((p.eye_contact_pct + p.face_visible_pct + (100 - movement)) / 3, 1),
    )
