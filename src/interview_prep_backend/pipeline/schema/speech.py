"""The media block and our speech metrics."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from interview_prep_backend.pipeline.schema.base import Open, Seconds, Span, Unit


class Media(Open):
    container: str
    size_bytes: int
    duration_s: Seconds
    duration_source: str
    audio_codec: str
    audio_sample_rate: int
    audio_channels: int
    has_video: bool
    video_codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    rotation_deg: Literal[0, 90, 180, 270] = Field(
        default=0, description="Clockwise turn from the display matrix, applied before use."
    )


class Counted(Open):
    count: int = Field(ge=0)
    items: list[Span]


class Fillers(Counted):
    per_minute: float = Field(ge=0)
    by_word: dict[str, int] = Field(description="Count per filler word or phrase.")


class PauseItem(Open):
    start_time: Seconds
    end_time: Seconds
    duration_s: Seconds


class LongestPause(PauseItem):
    after_word: str
    before_word: str


class Pauses(Open):
    min_pause_s: float
    count: int = Field(ge=0)
    longest: LongestPause | None
    items: list[PauseItem]


class PaceWindow(Open):
    """Words per minute in one stretch of the answer (`start`/`end` in seconds)."""

    start: Seconds
    end: Seconds
    words: int = Field(ge=0)
    wpm: float = Field(ge=0)


class Clarity(Open):
    mumble_score: Unit
    unclear_stretches: list[Span]


class Prosody(Open):
    voiced_s: Seconds
    pitch_median_hz: float | None
    pitch_std_semitones: float | None
    pitch_range_semitones: float | None
    loudness_mean_db: float | None
    loudness_std_db: float | None
    loudness_range_db: float | None


class SpeechMetrics(Open):
    word_count: int = Field(ge=0)
    words_per_minute: float = Field(ge=0)
    articulation_wpm: float = Field(ge=0)
    pace_windows: list[PaceWindow]
    speaking_time_s: Seconds
    silence_s: Seconds
    leading_silence_s: Seconds
    trailing_silence_s: Seconds
    pauses: Pauses
    fillers: Fillers
    clarity: Clarity
    hedges: Counted
    repetitions: Counted
    prosody: Prosody
