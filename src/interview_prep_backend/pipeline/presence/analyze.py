"""The presence stage as one function: video file in, `Presence` out."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.presence.expression import ExpressionModel
from interview_prep_backend.pipeline.presence.frames import sample_frames
from interview_prep_backend.pipeline.presence.landmarks import tracker
from interview_prep_backend.pipeline.presence.observe import FrameObservation, observe
from interview_prep_backend.pipeline.presence.summary import Presence, summarise

_lock = threading.Lock()
_expressions: ExpressionModel | None = None


def expression_model() -> ExpressionModel:
    global _expressions
    with _lock:
        if _expressions is None:
            _expressions = ExpressionModel()
        return _expressions


def warm_up() -> None:
    """Load the face models now rather than in the first analysis."""
    expression_model()
    with tracker():
        pass


def analyze_presence(
    path: Path,
    *,
    duration_s: float,
    fps: float = 3.0,
    max_seconds: float = 600.0,
    progress: Callable[[float], None] | None = None,
    pack: LanguagePack = ENGLISH,
) -> Presence:
    expressions = expression_model()
    observations: list[FrameObservation] = []
    with tracker() as faces:
        for frame in sample_frames(path, fps, max_seconds):
            detected = faces.detect(frame.rgb, frame.time_s)
            observations.append(observe(frame.time_s, frame.rgb, detected, expressions))
            if progress and duration_s:
                progress(min(1.0, frame.time_s / duration_s))
    return summarise(observations, fps, pack)
