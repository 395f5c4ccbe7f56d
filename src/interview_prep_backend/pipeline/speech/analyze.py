"""The speech stage as one function: audio in, `SpeechAnalysis` out, in one language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from faster_whisper import WhisperModel

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.speech.delivery import Delivery, measure_delivery
from interview_prep_backend.pipeline.speech.fillers import Filler, find_fillers
from interview_prep_backend.pipeline.speech.prosody import Prosody, measure_prosody
from interview_prep_backend.pipeline.speech.tokens import tokenize
from interview_prep_backend.pipeline.speech.transcribe import Transcript, transcribe

# Peak below this (about -54 dBFS) is a muted microphone, not a quiet speaker.
SILENT_PEAK = 0.002


@dataclass(frozen=True)
class SpeechAnalysis:
    transcript: Transcript
    fillers: list[Filler]
    delivery: Delivery
    prosody: Prosody


def analyze_speech(
    audio: np.ndarray,
    model: WhisperModel | None,
    *,
    transcribe_with: Callable[[Callable[[float], None]], Transcript] | None = None,
    batch_size: int = 2,
    beam_size: int = 5,
    threads: int | None = None,
    progress: Callable[[str, float], None] | None = None,
    pack: LanguagePack = ENGLISH,
) -> SpeechAnalysis:
    def report(stage: str, fraction: float) -> None:
        if progress:
            progress(stage, fraction)

    if audio.size == 0 or float(np.max(np.abs(audio))) < SILENT_PEAK:
        raise AnalysisError(ErrorCode.NO_SPEECH, pack.errors.silent)
    # Another transcriber (Amazon Transcribe) may stand in for the local model.
    if transcribe_with is not None:
        transcript = transcribe_with(lambda f: report("transcribe", f))
    else:
        assert model is not None
        transcript = transcribe(
            audio,
            model,
            batch_size=batch_size,
            beam_size=beam_size,
            pack=pack,
            progress=lambda f: report("transcribe", f),
        )
    if not transcript.words:
        raise AnalysisError(ErrorCode.NO_SPEECH, pack.errors.no_speech)
    report("speech_metrics", 0.0)
    tokens = tokenize(transcript.words)
    fillers = find_fillers(tokens, pack)
    delivery = measure_delivery(tokens, fillers, transcript.duration_s, pack)
    report("prosody", 0.0)
    prosody = measure_prosody(audio, threads)
    report("prosody", 1.0)
    return SpeechAnalysis(transcript, fillers, delivery, prosody)
