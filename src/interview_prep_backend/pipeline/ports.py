"""What the pipeline needs from the outside, as small protocols it owns.

The local models (Whisper, MediaPipe + the expression model) and the AWS services
(Transcribe, Rekognition) implement them; the pipeline never checks which one it has.
A face observer turns one frame into one observation and nothing more: sampling the
video, the presence summary and the original `facial_analysis` are the pipeline's, the
same whichever observer saw the frames (the Rekognition adapter once re-implemented
that loop with six names from four pipeline modules).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from interview_prep_backend.pipeline.language import LanguagePack
from interview_prep_backend.pipeline.presence.frames import SampledFrame
from interview_prep_backend.pipeline.presence.observe import FrameObservation
from interview_prep_backend.pipeline.speech.transcribe import Transcript

Fraction = Callable[[float], None]  # progress within one stage, 0-1


@dataclass(frozen=True)
class SpeechInput:
    """The answer's audio, and where the recording is stored for a service that reads it
    there rather than from the samples (Amazon Transcribe reads S3)."""

    samples: np.ndarray  # 16 kHz mono float32
    duration_s: float
    file_key: str | None = None


class Transcriber(Protocol):
    def transcribe(self, audio: SpeechInput, pack: LanguagePack, progress: Fraction) -> Transcript:
        """Words with times and probabilities, in the pack's language."""
        ...

    def warm_up(self) -> None:
        """Load what the first analysis would otherwise wait for."""
        ...


ObserveFn = Callable[[SampledFrame], FrameObservation]


class FaceObserver(Protocol):
    fps: float  # frames per second of video it wants to see

    def watch(self) -> AbstractContextManager[ObserveFn]:
        """Open for one video: frames in time order go in, one observation each out."""
        ...

    def warm_up(self) -> None: ...
