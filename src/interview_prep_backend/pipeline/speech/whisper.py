"""The local transcriber: faster-whisper with the model shipped in PyPI wheels."""

from __future__ import annotations

from collections.abc import Callable

from faster_whisper import WhisperModel

from interview_prep_backend.pipeline.language import LanguagePack
from interview_prep_backend.pipeline.ports import Fraction, SpeechInput
from interview_prep_backend.pipeline.speech.transcribe import Transcript, transcribe


class WhisperTranscriber:
    """`load` returns the model, loading it on the first call (`speech/model.py` keeps
    one per process, whichever thread asks first)."""

    def __init__(
        self, load: Callable[[], WhisperModel], *, batch_size: int = 2, beam_size: int = 5
    ) -> None:
        self.model = load
        self.batch_size, self.beam_size = batch_size, beam_size

    def warm_up(self) -> None:
        self.model()

    def transcribe(self, audio: SpeechInput, pack: LanguagePack, progress: Fraction) -> Transcript:
        return transcribe(
            audio.samples,
            self.model(),
            batch_size=self.batch_size,
            beam_size=self.beam_size,
            pack=pack,
            progress=progress,
        )
