"""The speech stage as one function: audio in, `SpeechAnalysis` out, in one language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.ports import SpeechInput, Transcriber
from interview_prep_backend.pipeline.speech.delivery import Delivery, measure_delivery
from interview_prep_backend.pipeline.speech.fillers import Filler, find_fillers
from interview_prep_backend.pipeline.speech.prosody import Prosody, measure_prosody
from interview_prep_backend.pipeline.speech.tokens import tokenize
from interview_prep_backend.pipeline.speech.transcribe import Transcript
from interview_prep_backend.pipeline.timings import Timings

# Peak below this (about -54 dBFS) is a muted microphone, not a quiet speaker.
SILENT_PEAK = 0.002


@dataclass(frozen=True)
class SpeechAnalysis:
    transcript: Transcript
    fillers: list[Filler]
    delivery: Delivery
    prosody: Prosody


def analyze_speech(
    audio: SpeechInput,
    transcriber: Transcriber,
    *,
    prosody_threads: int | None = None,
    progress: Callable[[str, float], None] | None = None,
    timings: Timings | None = None,
    pack: LanguagePack = ENGLISH,
) -> SpeechAnalysis:
    timings = timings or Timings()

    def report(stage: str, fraction: float) -> None:
        if progress:
            progress(stage, fraction)

    samples = audio.samples
    if samples.size == 0 or float(np.max(np.abs(samples))) < SILENT_PEAK:
        raise AnalysisError(ErrorCode.NO_SPEECH, pack.errors.silent)
    with timings.stage("transcribe"):
        transcript = transcriber.transcribe(audio, pack, lambda f: report("transcribe", f))
    if not transcript.words:
        raise AnalysisError(ErrorCode.NO_SPEECH, pack.errors.no_speech)
    report("speech_metrics", 0.0)
    with timings.stage("speech_metrics"):
        tokens = tokenize(transcript.words)
        fillers = find_fillers(tokens, pack)
        delivery = measure_delivery(tokens, fillers, transcript.duration_s, pack)
    report("prosody", 0.0)
    with timings.stage("prosody"):
        prosody = measure_prosody(samples, prosody_threads)
    report("prosody", 1.0)
    return SpeechAnalysis(transcript, fillers, delivery, prosody)
