"""One sampled frame → one `FrameObservation`: what is visible, nothing inferred.

Rules, each a plain threshold on MediaPipe's outputs:
- smile: mean of mouthSmileLeft/Right > 0.5 (matched the eye on 53/53 photos here);
- blink: mean of eyeBlinkLeft/Right > 0.5; blinking frames are left out of eye contact;
- eye contact: the largest eyeLook* blendshape < 0.5 and |yaw|, |pitch| < 20°.

Those rules give the per-frame yes/no (timeline, moments). The shares summed over a
recording use graded memberships instead: each rule's cut becomes a linear ramp over
threshold ± margin (0.1 for blendshapes, 3° for head angles), so a value at 0.49 or
0.51 counts about half either way. With a hard cut one frame of a 3.6 s clip sampled
at 3/s is 9 points of share, and blendshapes near 0.5 move by up to 0.1 between encodings
and sizes of the same picture: the same clip's smile share was 0 or 9.1 %, its eye
contact 54.5 or 63.6 %, depending on the shape. Graded, the largest spread over all 13-17
shapes and codecs of one clip was 5.9 points (smile) and 4.9 (eye contact)
(benchmarks/media_matrix.py). A wider margin (0.15) did no better on eye contact. The
shares keep their meaning (0 % when no frame comes near the cut, 100 % when every frame
is well past it).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from interview_prep_backend.pipeline.presence.expression import ExpressionModel, calibrate
from interview_prep_backend.pipeline.presence.landmarks import DetectedFace

SMILE_AT = 0.5
BLINK_AT = 0.5
GAZE_AWAY_AT = 0.5
HEAD_AWAY_DEG = 20.0
SHAPE_MARGIN = 0.1
ANGLE_MARGIN_DEG = 3.0
_GAZE = tuple(f"eyeLook{d}{s}" for d in ("Up", "Down", "In", "Out") for s in ("Left", "Right"))


@dataclass(frozen=True)
class FrameObservation:
    time_s: float
    faces: int
    box: tuple[float, float, float, float] | None = None
    yaw: float | None = None
    pitch: float | None = None
    smile: float | None = None
    blink: bool | None = None
    eye_contact: bool | None = None  # None while blinking or without a face
    brightness: float | None = None  # mean grey level of the face, 0-255
    expression: dict[str, float] | None = None
    # Graded memberships, 0-1 (None: an analyzer that gives yes/no only, such as
    # Rekognition; the summary then counts the yes/no fields above).
    smiling: float | None = None
    eye_contact_grade: float | None = None
    eye_weight: float | None = None  # 1 - graded blink: how much the frame counts


def membership(value: float, at: float, margin: float) -> float:
    """How far `value` is past the cut `at`: 0 below at - margin, 1 above at + margin,
    linear between."""
    return min(1.0, max(0.0, (value - (at - margin)) / (2 * margin)))


def _square_crop(grey: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    h, w = grey.shape
    x0, y0, x1, y1 = box[0] * w, box[1] * h, box[2] * w, box[3] * h
    cx, cy, side = (x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0) * 1.15
    left, top = int(max(0, cx - side / 2)), int(max(0, cy - side / 2))
    right, bottom = int(min(w, cx + side / 2)), int(min(h, cy + side / 2))
    return grey[top:bottom, left:right]


def observe(
    time_s: float, rgb: np.ndarray, faces: list[DetectedFace], expressions: ExpressionModel
) -> FrameObservation:
    if not faces:
        return FrameObservation(time_s, 0)
    face = faces[0]  # the largest: the candidate, nearest the camera
    bs = face.blendshapes
    blink_level = (bs.get("eyeBlinkLeft", 0) + bs.get("eyeBlinkRight", 0)) / 2
    blink = blink_level > BLINK_AT
    gaze = max(bs.get(name, 0.0) for name in _GAZE)
    gaze_away = gaze >= GAZE_AWAY_AT
    head_away = abs(face.yaw) >= HEAD_AWAY_DEG or abs(face.pitch) >= HEAD_AWAY_DEG
    smile = (bs.get("mouthSmileLeft", 0) + bs.get("mouthSmileRight", 0)) / 2
    away = max(
        membership(gaze, GAZE_AWAY_AT, SHAPE_MARGIN),
        membership(abs(face.yaw), HEAD_AWAY_DEG, ANGLE_MARGIN_DEG),
        membership(abs(face.pitch), HEAD_AWAY_DEG, ANGLE_MARGIN_DEG),
    )
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    crop = _square_crop(grey, face.box)
    expression = None
    brightness = None
    if crop.size >= 16 * 16:
        brightness = float(crop.mean())
        expression = calibrate(expressions.predict(crop), bs)
    return FrameObservation(
        time_s=time_s,
        faces=len(faces),
        box=face.box,
        yaw=round(face.yaw, 2),
        pitch=round(face.pitch, 2),
        smile=smile,
        blink=blink,
        eye_contact=None if blink else not (gaze_away or head_away),
        brightness=brightness,
        expression=expression,
        smiling=membership(smile, SMILE_AT, SHAPE_MARGIN),
        eye_contact_grade=1.0 - away,
        eye_weight=1.0 - membership(blink_level, BLINK_AT, SHAPE_MARGIN),
    )
