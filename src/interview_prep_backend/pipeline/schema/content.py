"""What the answer said: length, structure, talking points, results, ownership, ending."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from interview_prep_backend.pipeline.content.question_type import QuestionType
from interview_prep_backend.pipeline.schema.base import Open, Pct, Seconds


class Sentence(Open):
    text: str
    start_time: Seconds | None
    end_time: Seconds | None


class StarPart(Open):
    present: bool
    sentences: list[Sentence | None]


class TalkingPoint(Open):
    point: str
    covered: bool
    matched_keywords: list[str]
    evidence: Sentence | None


class Ownership(Open):
    i_count: int = Field(ge=0)
    we_count: int = Field(ge=0)
    i_share_pct: Pct | None


class Ending(Open):
    verdict: Literal["clear", "neutral", "trails_off"]
    last_sentence: Sentence | None


class Fluency(Open):
    """Fillers, hedges and restarts found in a written answer's text (typed or imported);
    a recording's are in `speech_metrics`."""

    fillers: int = Field(ge=0)
    by_word: dict[str, int]
    hedges: int = Field(ge=0)
    repetitions: int = Field(ge=0)


class Content(Open):
    question: str | None
    question_id: str | None
    question_type: QuestionType | None = Field(
        default=None, description="What kind of question: it sets the yardstick."
    )
    expects_star: bool
    word_count: int = Field(ge=0)
    answer_seconds: Seconds | None
    length_estimated: bool
    ideal_seconds: list[float]
    length_verdict: str
    star: dict[str, StarPart]
    talking_points: list[TalkingPoint]
    relevance: float | None
    concrete_results: list[Sentence | None]
    ownership: Ownership
    ending: Ending
    fluency: Fluency | None = None
