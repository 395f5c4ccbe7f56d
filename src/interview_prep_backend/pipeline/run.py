"""Chain the stages over one media file and report progress as they go."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faster_whisper import WhisperModel

from interview_prep_backend.pipeline import media
from interview_prep_backend.pipeline.result import build_result
from interview_prep_backend.pipeline.speech.analyze import analyze_speech

# Share of the overall progress bar each stage owns; transcription dominates the time.
_SPAN = {
    "media": (0.0, 0.08),
    "transcribe": (0.08, 0.90),
    "speech_metrics": (0.90, 0.92),
    "prosody": (0.92, 0.99),
}

ProgressFn = Callable[[str, float], None]  # (stage, overall fraction 0-1)


@dataclass(frozen=True)
class PipelineOptions:
    max_media_seconds: float = 600.0
    batch_size: int = 2
    beam_size: int = 5
    threads: int | None = None


def analyze_file(
    path: Path,
    *,
    file_key: str,
    question: str | None,
    model_loader: Callable[[], WhisperModel],
    options: PipelineOptions,
    progress: ProgressFn | None = None,
) -> dict[str, Any]:
    seconds: dict[str, float] = {}

    def report(stage: str, fraction: float) -> None:
        if progress:
            lo, hi = _SPAN[stage]
            progress(stage, lo + (hi - lo) * max(0.0, min(1.0, fraction)))

    report("media", 0.0)
    t0 = time.perf_counter()
    info = media.probe(path, options.max_media_seconds)
    audio = media.decode_audio(path, options.max_media_seconds)
    seconds["media"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    model = model_loader()
    seconds["model_load"] = time.perf_counter() - t0

    marks: dict[str, float] = {}

    def speech_progress(stage: str, fraction: float) -> None:
        marks.setdefault(stage, time.perf_counter())
        report(stage, fraction)

    t0 = time.perf_counter()
    speech = analyze_speech(
        audio,
        model,
        batch_size=options.batch_size,
        beam_size=options.beam_size,
        threads=options.threads,
        progress=speech_progress,
    )
    t_end = time.perf_counter()
    t_metrics = marks.get("speech_metrics", t_end)
    t_prosody = marks.get("prosody", t_end)
    seconds["transcribe"] = t_metrics - t0
    seconds["speech_metrics"] = t_prosody - t_metrics
    seconds["prosody"] = t_end - t_prosody
    return build_result(
        file_key=file_key, question=question, media=info, speech=speech, stage_seconds=seconds
    )
