"""The presence stage: sampled frames in, `Presence` out; and the local face observer.

The stage takes frames as a stream (any iterable: a file's sampler today, a growing
recording's tomorrow) and one `FaceObserver`, local or remote, turning each frame into
an observation. The summary is the same whichever observer saw them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.ports import FaceObserver, ObserveFn
from interview_prep_backend.pipeline.presence.expression import ExpressionModel
from interview_prep_backend.pipeline.presence.frames import SampledFrame, sample_frames
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


class LocalFaceObserver:
    """MediaPipe's FaceLandmarker and the expression model, both shipped in wheels."""

    def __init__(self, fps: float = 3.0) -> None:
        self.fps = fps

    def warm_up(self) -> None:
        """Load the face models now rather than in the first analysis."""
        expression_model()
        with tracker():
            pass

    @contextmanager
    def watch(self) -> Iterator[ObserveFn]:
        expressions = expression_model()
        with tracker() as faces:

            def see(frame: SampledFrame) -> FrameObservation:
                detected = faces.detect(frame.rgb, frame.time_s)
                return observe(frame.time_s, frame.rgb, detected, expressions)

            yield see


def observe_presence(
    frames: Iterable[SampledFrame],
    observer: FaceObserver,
    *,
    duration_s: float,
    progress: Callable[[float], None] | None = None,
    pack: LanguagePack = ENGLISH,
) -> Presence:
    observations: list[FrameObservation] = []
    with observer.watch() as see:
        for frame in frames:
            observations.append(see(frame))
            if progress and duration_s:
                progress(min(1.0, frame.time_s / duration_s))
    return summarise(observations, observer.fps, pack)


def analyze_presence(
    path: Path,
    *,
    duration_s: float,
    observer: FaceObserver | None = None,
    max_seconds: float = 600.0,
    progress: Callable[[float], None] | None = None,
    pack: LanguagePack = ENGLISH,
) -> Presence:
    """A video file's presence, frames sampled at the observer's rate while decoding."""
    observer = observer or LocalFaceObserver()
    frames = sample_frames(path, observer.fps, max_seconds)
    return observe_presence(frames, observer, duration_s=duration_s, progress=progress, pack=pack)
