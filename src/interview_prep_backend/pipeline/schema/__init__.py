"""The analysis result, described field by field, so `/docs` shows the main output.

One pydantic model (`AnalysisResult`) with a sub-model per block, built in one place
(`pipeline/assemble.py`) from the stages' typed outputs, stored as its JSON and read
back through it (`pipeline/schema_upgrade.py` converts older versions).
"""

from interview_prep_backend.pipeline.schema.base import (
    RESULT_VERSION,
    Closed,
    Moment,
    Open,
    Pct,
    Seconds,
    Span,
    Unit,
)
from interview_prep_backend.pipeline.schema.coaching import (
    Coaching,
    Evidence,
    FeedbackItem,
    LlmUse,
    MetricScore,
    Scores,
)
from interview_prep_backend.pipeline.schema.content import (
    Content,
    Ending,
    Fluency,
    Ownership,
    Sentence,
    StarPart,
    TalkingPoint,
)
from interview_prep_backend.pipeline.schema.original import (
    CoachingAdvice,
    Emotions,
    FacialAnalysis,
    Segment,
    TimedWord,
    TranscriptAnalysis,
)
from interview_prep_backend.pipeline.schema.presence import (
    HeadMovement,
    Impressions,
    Presence,
    PresenceWarning,
    Second,
)
from interview_prep_backend.pipeline.schema.result import AnalysisResult, PartialResult
from interview_prep_backend.pipeline.schema.speech import (
    Clarity,
    Counted,
    Fillers,
    LongestPause,
    Media,
    PaceWindow,
    PauseItem,
    Pauses,
    Prosody,
    SpeechMetrics,
)

__all__ = [
    "RESULT_VERSION",
    "AnalysisResult",
    "Clarity",
    "Closed",
    "Coaching",
    "CoachingAdvice",
    "Content",
    "Counted",
    "Emotions",
    "Ending",
    "Evidence",
    "FacialAnalysis",
    "FeedbackItem",
    "Fillers",
    "Fluency",
    "HeadMovement",
    "Impressions",
    "LlmUse",
    "LongestPause",
    "Media",
    "MetricScore",
    "Moment",
    "Open",
    "Ownership",
    "PaceWindow",
    "PartialResult",
    "PauseItem",
    "Pauses",
    "Pct",
    "Presence",
    "PresenceWarning",
    "Prosody",
    "Scores",
    "Second",
    "Seconds",
    "Segment",
    "Sentence",
    "Span",
    "SpeechMetrics",
    "StarPart",
    "TalkingPoint",
    "TimedWord",
    "TranscriptAnalysis",
    "Unit",
]
