"""What the camera saw: observations, never claims about feelings."""

from __future__ import annotations

from pydantic import Field

from interview_prep_backend.pipeline.schema.base import Moment, Open, Pct


class Impressions(Open):
    """The facial_analysis figures on 0-100 (formulas in presence/impressions.py)."""

    engagement: Pct
    positivity: Pct
    anxiety_hint: Pct
    confidence: Pct


class HeadMovement(Open):
    yaw_spread_deg: float
    pitch_spread_deg: float
    yaw_range_deg: float
    pitch_range_deg: float


class Second(Open):
    """One second of the recording; the face fields only when a face was seen."""

    t: int = Field(ge=0)
    face_visible: bool
    expression: str | None = None
    expression_confidence: Pct | None = None
    smile: bool | None = None
    eye_contact: bool | None = None
    yaw: float | None = None
    pitch: float | None = None


class PresenceWarning(Open):
    code: str
    message: str


class Presence(Open):
    sample_fps: float
    frames_analysed: int = Field(ge=0)
    face_visible_pct: Pct
    no_face_moments: list[Moment]
    several_faces_moments: list[Moment]
    smile_pct: Pct | None
    eye_contact_pct: Pct | None
    eye_contact_lost_moments: list[Moment]
    head_movement: HeadMovement | None
    expressions: dict[str, Pct] | None = Field(description="Upper-case labels, percent.")
    dominant_expression: str | None
    timeline: list[Second]
    warnings: list[PresenceWarning]
    impressions: Impressions | None
