"""The pipeline: one object, built once with its collaborators, that analyses answers.

A recording: the media check first (nothing else is worth doing on a bad file), then
the speech half and the video half side by side, the presence stage in a thread of its
own (FFmpeg, MediaPipe and LiteRT release the GIL while they work), then content and
coaching, and the result assembled once (`assemble.py`). A typed answer: content and
coaching only. The pipeline knows no settings, database or storage: what it needs
comes in through its constructor (a `Transcriber`, a `FaceObserver`, a `Coach`) and
what it tells goes out through `Events`.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from interview_prep_backend.pipeline import media
from interview_prep_backend.pipeline.assemble import Answer, Coach, assemble, partial_result
from interview_prep_backend.pipeline.audio import decode_audio
from interview_prep_backend.pipeline.content.analyze import analyze_content
from interview_prep_backend.pipeline.content.bank import Question
from interview_prep_backend.pipeline.content.fluency import text_fluency
from interview_prep_backend.pipeline.content.text import sentences_from_text, sentences_from_words
from interview_prep_backend.pipeline.events import SILENT, Events
from interview_prep_backend.pipeline.language import LanguagePack, choose_pack
from interview_prep_backend.pipeline.ports import FaceObserver, SpeechInput, Transcriber
from interview_prep_backend.pipeline.presence.analyze import observe_presence
from interview_prep_backend.pipeline.presence.frames import sample_frames
from interview_prep_backend.pipeline.presence.summary import Presence
from interview_prep_backend.pipeline.progress import Progress
from interview_prep_backend.pipeline.schema import AnalysisResult
from interview_prep_backend.pipeline.speech.analyze import analyze_speech
from interview_prep_backend.pipeline.timings import Timings


@dataclass(frozen=True)
class Asked:
    """What was asked: a bank question, or the candidate's own text, or nothing; and the
    language the answer is in, when the caller names one (else the question's, else
    English)."""

    text: str | None = None
    bank: Question | None = None
    language: str | None = None

    @property
    def shown(self) -> str | None:
        return self.bank.text if self.bank else self.text

    def pack(self) -> LanguagePack:
        return choose_pack(self.language, self.bank.language if self.bank else None)


class Pipeline:
    def __init__(
        self,
        transcriber: Transcriber,
        faces: FaceObserver,
        coach: Coach,
        *,
        max_media_seconds: float = 600.0,
        prosody_threads: int | None = None,
    ) -> None:
        self.transcriber, self.faces, self.coach = transcriber, faces, coach
        self.max_media_seconds = max_media_seconds
        self.prosody_threads = prosody_threads

    def warm_up(self) -> None:
        """Load the models now, so the first analysis does not wait for them."""
        self.transcriber.warm_up()
        self.faces.warm_up()

    def analyze_recording(
        self,
        path: Path,
        asked: Asked,
        *,
        file_key: str,
        analysis_id: str | None = None,
        events: Events = SILENT,
        timings: Timings | None = None,
    ) -> AnalysisResult:
        timings = timings or Timings()
        pack = asked.pack()
        answer = Answer(asked.shown, file_key=file_key, analysis_id=analysis_id)
        cap = self.max_media_seconds
        with timings.stage("media"):
            info = media.probe(path, cap, pack)
            events.probed(info)
            parts = {"media", "speech", "presence"} if info.has_video else {"media", "speech"}
            track = Progress(events.progress, parts)
            track("media", 0.0)
            samples = decode_audio(path, cap, expected_s=info.duration_s, pack=pack)
            info = media.with_decoded_duration(info, samples.size)
            track("media", 1.0)

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="presence") as pool:
            seen: Future[Presence] | None = None
            if info.has_video:

                def watch() -> Presence:
                    with timings.stage("presence"):
                        return observe_presence(
                            sample_frames(path, self.faces.fps, cap),
                            self.faces,
                            duration_s=info.duration_s,
                            progress=lambda f: track("presence", f),
                            pack=pack,
                        )

                seen = pool.submit(watch)
            # Name the stage now: the first transcription progress only comes with the
            # first finished batch (for a short answer, at the very end).
            track("transcribe", 0.0)
            try:
                speech = analyze_speech(
                    SpeechInput(samples, info.duration_s, file_key),
                    self.transcriber,
                    prosody_threads=self.prosody_threads,
                    progress=track,
                    timings=timings,
                    pack=pack,
                )
            except BaseException:
                if seen is not None:
                    seen.cancel()
                raise
            if seen is not None and not seen.done():
                events.partial(partial_result(answer, info, speech))
            presence = seen.result() if seen is not None else None

        with timings.stage("content"):
            content = analyze_content(
                sentences_from_words(speech.transcript.words),
                question=asked.bank,
                question_text=asked.text,
                spoken_seconds=speech.delivery.speaking_span_s,
                pack=pack,
            )
        return assemble(
            answer,
            content=content,
            coach=self.coach,
            timings=timings,
            pack=pack,
            media=info,
            speech=speech,
            presence=presence,
        )

    def analyze_text(
        self,
        text: str,
        asked: Asked,
        *,
        analysis_id: str | None = None,
        spoken_seconds: float | None = None,
        timings: Timings | None = None,
    ) -> AnalysisResult:
        """A typed answer: content and coaching only; delivery and presence are absent.

        `spoken_seconds`: how long the answer took when it was said (a meeting
        transcript's cue times); without it the length is estimated from the words."""
        timings = timings or Timings()
        pack = asked.pack()
        with timings.stage("content"):
            content = analyze_content(
                sentences_from_text(text),
                question=asked.bank,
                question_text=asked.text,
                spoken_seconds=spoken_seconds,
                pack=pack,
            )
            fluency = text_fluency(text, pack)
        answer = Answer(asked.shown, answer_text=text, analysis_id=analysis_id)
        return assemble(
            answer, content=content, coach=self.coach, timings=timings, pack=pack, fluency=fluency
        )
