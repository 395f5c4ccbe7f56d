"""The local pipeline for tests that run recordings without the API."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from faster_whisper import WhisperModel

from interview_prep_backend.pipeline.coach.stage import Coach, LlmCoach
from interview_prep_backend.pipeline.content.bank import Question
from interview_prep_backend.pipeline.presence.analyze import LocalFaceObserver
from interview_prep_backend.pipeline.run import Asked, Pipeline
from interview_prep_backend.pipeline.speech.whisper import WhisperTranscriber


def local_pipeline(
    model: WhisperModel | Callable[[], WhisperModel],
    *,
    beam_size: int = 5,
    fps: float = 3.0,
    max_media_seconds: float = 600.0,
    llm: LlmCoach | None = None,
) -> Pipeline:
    """`model`, or a function that loads it when first needed."""
    load = model if callable(model) and not isinstance(model, WhisperModel) else lambda: model
    return Pipeline(
        WhisperTranscriber(load, beam_size=beam_size),
        LocalFaceObserver(fps),
        Coach(llm),
        max_media_seconds=max_media_seconds,
    )


def _no_model() -> WhisperModel:
    raise AssertionError("a typed answer needs no speech model")


def analyze_typed(
    text: str,
    question: str | None = None,
    bank_question: Question | None = None,
    llm: LlmCoach | None = None,
) -> dict[str, Any]:
    """A typed answer's result as its JSON would read."""
    pipeline = local_pipeline(_no_model, llm=llm)
    return pipeline.analyze_text(text, Asked(question, bank_question)).model_dump(mode="json")


def analyze(pipeline: Pipeline, path: Path, file_key: str = "k") -> dict[str, Any]:
    """The result as its JSON would read."""
    return pipeline.analyze_recording(path, Asked(), file_key=file_key).model_dump(mode="json")
