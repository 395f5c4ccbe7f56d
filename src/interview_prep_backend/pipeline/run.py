"""Chain the stages over one media file and report progress as they go.

The media check comes first (nothing else is worth doing on a bad file); then the
speech half and the video half run side by side: the presence stage in a thread of its
own, since FFmpeg, MediaPipe and LiteRT release the GIL while they work.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from faster_whisper import WhisperModel

from interview_prep_backend.pipeline import media
from interview_prep_backend.pipeline.coach.stage import LlmCoach, run_coaching
from interview_prep_backend.pipeline.content.analyze import analyze_content
from interview_prep_backend.pipeline.content.bank import Question
from interview_prep_backend.pipeline.content.text import sentences_from_text, sentences_from_words
from interview_prep_backend.pipeline.presence.analyze import analyze_presence
from interview_prep_backend.pipeline.presence.summary import Presence
from interview_prep_backend.pipeline.result import build_result, content_block, speech_blocks
from interview_prep_backend.pipeline.schema import RESULT_VERSION
from interview_prep_backend.pipeline.speech.analyze import analyze_speech
from interview_prep_backend.pipeline.speech.transcribe import Transcript

ProgressFn = Callable[[str, float], None]  # (stage, overall fraction 0-1)
# Stand-ins for the local models (the AWS adapters): (file_key, duration, progress) and
# (path, duration_s=, max_seconds=, progress=).
RemoteTranscriber = Callable[[str, float, Callable[[float], None]], Transcript]
FaceAnalyzer = Callable[..., Presence]
PartialFn = Callable[[dict[str, Any]], None]  # a readable part of the result, early

# Share of the overall bar each part owns; transcription dominates the time.
_WEIGHTS = {"media": 0.05, "speech": 0.75, "presence": 0.20}
_PART = {
    "media": "media",
    "transcribe": "speech",
    "speech_metrics": "speech",
    "prosody": "speech",
    "presence": "presence",
}
# Which running part names the stage: speech is the long wait when both run.
_ORDER = ("media", "speech", "presence")
# Within the speech part: transcription up to 92 %, then metrics and prosody.
_SPEECH_SPAN = {"transcribe": (0.0, 0.92), "speech_metrics": (0.92, 0.93), "prosody": (0.93, 1.0)}


@dataclass(frozen=True)
class PipelineOptions:
    max_media_seconds: float = 600.0
    batch_size: int = 2
    beam_size: int = 5
    threads: int | None = None
    presence_fps: float = 3.0


class _Progress:
    """Combine the progress of parts running at once into one overall fraction.

    The stage reported is the one the wait is on, not the last one to call: the first
    unfinished part in `_ORDER`. Reporting the caller's stage showed "presence" (which
    reports every sampled frame and often ends first) for the whole of a long
    transcription (issue 16: "Watching the video" for 97 s while Whisper ran).
    """

    def __init__(self, report: ProgressFn | None, parts: set[str]) -> None:
        self._report = report
        self._done = dict.fromkeys(parts, 0.0)
        self._stage: dict[str, str] = {}
        self._lock = threading.Lock()

    def __call__(self, stage: str, fraction: float) -> None:
        part = _PART[stage]
        if part == "speech":
            lo, hi = _SPEECH_SPAN[stage]
            fraction = lo + (hi - lo) * fraction
        with self._lock:
            self._done[part] = max(self._done[part], min(1.0, max(0.0, fraction)))
            self._stage[part] = stage
            total = sum(_WEIGHTS[p] for p in self._done)
            overall = sum(_WEIGHTS[p] * f for p, f in self._done.items()) / total
            running = [p for p in _ORDER if p in self._stage and self._done[p] < 1.0]
            headline = self._stage[running[0]] if running else stage
        if self._report:
            self._report(headline, overall)


def analyze_file(
    path: Path,
    *,
    file_key: str,
    question: str | None,
    model_loader: Callable[[], WhisperModel],
    options: PipelineOptions,
    progress: ProgressFn | None = None,
    bank_question: Question | None = None,
    llm: LlmCoach | None = None,
    on_partial: PartialFn | None = None,
    transcriber: RemoteTranscriber | None = None,
    face_analyzer: FaceAnalyzer | None = None,
    on_probe: Callable[[float], None] | None = None,
) -> dict[str, Any]:
    """Analyze one recording. `on_partial` receives the transcript and speech metrics as
    soon as they exist, while the video half may still be running; `on_probe` the
    media's length in seconds as soon as it is known (for a time estimate)."""
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    t0 = started
    info = media.probe(path, options.max_media_seconds)
    if on_probe is not None:
        on_probe(info.duration_s)
    track = _Progress(
        progress, {"media", "speech", "presence"} if info.has_video else {"media", "speech"}
    )
    track("media", 0.0)
    audio = media.decode_audio(path, options.max_media_seconds, expected_s=info.duration_s)
    info = media.with_decoded_duration(info, audio.size)
    seconds["media"] = time.perf_counter() - t0
    track("media", 1.0)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="presence") as pool:
        presence_future = None
        if info.has_video:

            def presence_job():  # type: ignore[no-untyped-def]
                t = time.perf_counter()
                result = (face_analyzer or analyze_presence)(
                    path,
                    duration_s=info.duration_s,
                    **({} if face_analyzer else {"fps": options.presence_fps}),
                    max_seconds=options.max_media_seconds,
                    progress=lambda f: track("presence", f),
                )
                seconds["presence"] = time.perf_counter() - t
                return result

            presence_future = pool.submit(presence_job)

        # Name the stage now: the first transcription progress only comes with the first
        # finished batch (for a short answer, at the very end), and until then the stage
        # still read "media" while Whisper loaded and ran.
        track("transcribe", 0.0)
        t0 = time.perf_counter()
        model = model_loader() if transcriber is None else None
        seconds["model_load"] = time.perf_counter() - t0
        marks: dict[str, float] = {}

        def speech_progress(stage: str, fraction: float) -> None:
            marks.setdefault(stage, time.perf_counter())
            track(stage, fraction)

        t0 = time.perf_counter()
        try:
            speech = analyze_speech(
                audio,
                model,
                transcribe_with=(
                    (lambda p: transcriber(file_key, info.duration_s, p)) if transcriber else None
                ),
                batch_size=options.batch_size,
                beam_size=options.beam_size,
                threads=options.threads,
                progress=speech_progress,
            )
        except BaseException:
            if presence_future is not None:
                presence_future.cancel()
            raise
        t_end = time.perf_counter()
        t_metrics = marks.get("speech_metrics", t_end)
        t_prosody = marks.get("prosody", t_end)
        seconds["transcribe"] = t_metrics - t0
        seconds["speech_metrics"] = t_prosody - t_metrics
        seconds["prosody"] = t_end - t_prosody
        if on_partial is not None and presence_future is not None and not presence_future.done():
            on_partial(
                {
                    "partial": True,
                    "file_key": file_key,
                    "question": bank_question.text if bank_question else question,
                    "media": asdict(info),
                    **speech_blocks(speech),
                }
            )
        presence = presence_future.result() if presence_future is not None else None

    result = build_result(
        file_key=file_key,
        question=bank_question.text if bank_question else question,
        media=info,
        speech=speech,
        presence=presence,
    )
    t0 = time.perf_counter()
    words = speech.transcript.words
    content = analyze_content(
        sentences_from_words(words),
        question=bank_question,
        question_text=question,
        spoken_seconds=speech.delivery.speaking_span_s,
    )
    result["content"] = content_block(content)
    seconds["content"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    run_coaching(result, llm)
    seconds["coaching"] = time.perf_counter() - t0
    result["stage_seconds"] = {k: round(v, 3) for k, v in seconds.items()}
    result["processing_time_ms"] = int((time.perf_counter() - started) * 1000)
    return result


def analyze_text(
    text: str,
    *,
    question: str | None,
    bank_question: Question | None = None,
    llm: LlmCoach | None = None,
) -> dict[str, Any]:
    """A typed answer: content and coaching only; delivery and presence are absent."""
    started = time.perf_counter()
    content = analyze_content(
        sentences_from_text(text),
        question=bank_question,
        question_text=question,
        spoken_seconds=None,
    )
    result: dict[str, Any] = {
        "result_version": RESULT_VERSION,
        "analysis_id": None,
        "file_key": None,
        "status": "completed",
        "answer_type": "text",
        "question": bank_question.text if bank_question else question,
        "answer_text": text,
        "media": None,
        "transcript_analysis": None,
        "speech_metrics": None,
        "facial_analysis": None,
        "presence": None,
        "content": content_block(content),
    }
    t0 = time.perf_counter()
    run_coaching(result, llm)
    result["stage_seconds"] = {
        "content": round(t0 - started, 4),
        "coaching": round(time.perf_counter() - t0, 4),
    }
    result["processing_time_ms"] = int((time.perf_counter() - started) * 1000)
    return result
