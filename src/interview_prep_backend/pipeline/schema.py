"""The analysis result, described field by field, so `/docs` shows the main output.

The original service's blocks (`facial_analysis`, `transcript_analysis`,
`coaching_advice`) are closed models with the exact types and ranges its clients read
(see `original.py`); a wrong type or a value out of range fails validation. Our own
blocks declare their fields too but allow extra ones (`Open`), so a new field added by
a stage is kept rather than dropped while the schema catches up: fields are added,
never changed.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

RESULT_VERSION = 2

Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Pct = Annotated[float, Field(ge=0.0, le=100.0)]
Seconds = Annotated[float, Field(ge=0.0)]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- the original service's blocks -------------------------------------------------


class Emotions(Closed):
    """Mean expression confidence in percent over the frames with a face."""

    happy: Pct
    calm: Pct
    fear: Pct
    confused: Pct
    sad: Pct
    angry: Pct
    surprised: Pct
    disgusted: Pct


class FacialAnalysis(Open):
    engagement: Unit
    positivity: Unit
    anxiety_hint: Unit
    confidence: Unit
    emotions: Emotions
    face_visible_pct: Pct | None = Field(default=None, description="Ours: 0-100.")


class Segment(Closed):
    text: str
    start_time: Seconds
    end_time: Seconds
    confidence: Unit


class TimedWord(Closed):
    text: str
    start_time: Seconds
    end_time: Seconds
    confidence: Unit


class TranscriptAnalysis(Open):
    full_text: str
    filler_ratio: Unit
    filler_hits: int = Field(ge=0, description="Number of filler words.")
    mumble_score: Unit = Field(description="Share of speaking time in unclear words.")
    segments: list[Segment]
    language: str | None = None
    words: list[TimedWord] = []


class CoachingAdvice(Open):
    tip: str
    confidence_score: Unit | None = Field(description="Null only for typed answers.")
    anxiety_score: Unit | None = Field(description="Null only for typed answers.")
    recommendations: list[str]
    overall_score: Pct | None = Field(default=None, description="Ours: 0-100.")


# --- our blocks ----------------------------------------------------------------------


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


class Span(Open):
    text: str
    start_time: Seconds
    end_time: Seconds


class Counted(Open):
    count: int = Field(ge=0)
    items: list[Span]


class Fillers(Counted):
    per_minute: float = Field(ge=0)
    by_word: dict[str, int] = Field(description="Count per filler word or phrase.")


class Pauses(Open):
    min_pause_s: float
    count: int = Field(ge=0)
    longest: dict[str, Any] | None
    items: list[dict[str, Any]]


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
    pace_windows: list[dict[str, Any]]
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


class Moment(Open):
    start_time: Seconds
    end_time: Seconds


class Impressions(Open):
    """The facial_analysis figures on 0-100 (formulas in presence/impressions.py)."""

    engagement: Pct
    positivity: Pct
    anxiety_hint: Pct
    confidence: Pct


class Presence(Open):
    sample_fps: float
    frames_analysed: int = Field(ge=0)
    face_visible_pct: Pct
    no_face_moments: list[Moment]
    several_faces_moments: list[Moment]
    smile_pct: Pct | None
    eye_contact_pct: Pct | None
    eye_contact_lost_moments: list[Moment]
    head_movement: dict[str, float] | None
    expressions: dict[str, Pct] | None = Field(description="Upper-case labels, percent.")
    dominant_expression: str | None
    timeline: list[dict[str, Any]]
    warnings: list[dict[str, str]]
    impressions: Impressions | None


class Sentence(Open):
    text: str
    start_time: Seconds | None
    end_time: Seconds | None


class StarPart(Open):
    present: bool
    sentences: list[Sentence | None]


class Content(Open):
    question: str | None
    question_id: str | None
    expects_star: bool
    word_count: int = Field(ge=0)
    answer_seconds: Seconds | None
    length_estimated: bool
    ideal_seconds: list[float]
    length_verdict: str
    star: dict[str, StarPart]
    talking_points: list[dict[str, Any]]
    relevance: float | None
    concrete_results: list[Sentence | None]
    ownership: dict[str, Any]
    ending: dict[str, Any]


class Evidence(Open):
    quote: str | None = None
    start_time: Seconds | None = None
    end_time: Seconds | None = None
    metric: str | None = None
    value: Any = None


class FeedbackItem(Open):
    metric: str
    title: str
    score: Pct
    value: Any
    target: str | None
    evidence: Evidence
    why: str
    drill: str | None = None


class Scores(Open):
    overall: Pct | None
    delivery: Pct | None
    presence: Pct | None
    content: Pct | None


class Coaching(Open):
    engine: Literal["rules", "llm"]
    scores: Scores
    metrics: list[dict[str, Any]]
    strengths: list[FeedbackItem] = Field(max_length=3)
    improvements: list[FeedbackItem] = Field(max_length=3)


class AnalysisResult(Open):
    """What `POST /api/v1/analyze` returns and `GET /api/v1/analyses/{id}` keeps."""

    result_version: int
    analysis_id: str | None
    file_key: str | None
    status: Literal["completed"]
    answer_type: Literal["recording", "text"]
    question: str | None
    answer_text: str | None = None
    media: Media | None
    transcript_analysis: TranscriptAnalysis | None
    speech_metrics: SpeechMetrics | None
    facial_analysis: FacialAnalysis | None = Field(description="Null without video.")
    presence: Presence | None
    content: Content | None
    coaching: Coaching | None
    coaching_advice: CoachingAdvice | None
    stage_seconds: dict[str, float] | None
    processing_time_ms: int | None


class PartialResult(Open):
    """While a recording runs: the transcript and speech metrics, before presence ends."""

    partial: Literal[True]
    file_key: str | None
    question: str | None
    media: Media | None
    transcript_analysis: TranscriptAnalysis
    speech_metrics: SpeechMetrics
