"""The content stage: the answer's words (spoken or typed) against the question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interview_prep_backend.content.bank import STAR_CATEGORIES, Question
from interview_prep_backend.pipeline.content.relevance import (
    PointCoverage,
    coverage,
    question_similarity,
)
from interview_prep_backend.pipeline.content.star import StarPart, analyse_star, has_number
from interview_prep_backend.pipeline.content.text import Sentence, tokens

TYPED_WPM = 150.0  # to turn a typed answer's length into speaking time
DEFAULT_IDEAL = (60, 120)  # a behavioural story, when the question is free text
_ENDING_CUES = re.compile(
    r"\b(as a result|in the end|so overall|overall|that's why|which is why|i learned|"
    r"the lesson|since then|ever since|today|now we|that taught me)\b",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\b(so yeah|and yeah|yeah|that's it|that's about it|i guess|and so on|or something|"
    r"and stuff|you know)\W*$",
    re.IGNORECASE,
)


@dataclass
class ContentAnalysis:
    question_text: str | None
    question_id: str | None
    expects_star: bool
    word_count: int
    answer_seconds: float
    length_estimated: bool  # typed answers: from words at 150 wpm
    ideal_seconds: tuple[int, int]
    length_verdict: str  # "short", "ok", "long"
    star: dict[str, StarPart]
    points: list[PointCoverage] = field(default_factory=list)
    similarity: float = 0.0
    results: list[Sentence] = field(default_factory=list)  # sentences with numbers
    i_count: int = 0
    we_count: int = 0
    ending: str = "neutral"  # "clear", "neutral", "trails_off"
    last_sentence: Sentence | None = None


def _length_verdict(seconds: float, ideal: tuple[int, int]) -> str:
    if seconds < ideal[0]:
        return "short"
    return "long" if seconds > ideal[1] else "ok"


def _ending(last: Sentence | None) -> str:
    if last is None:
        return "neutral"
    if _TRAILING.search(last.text.strip()):
        return "trails_off"
    return "clear" if _ENDING_CUES.search(last.text) or has_number(last.text) else "neutral"


def analyze_content(
    sentences: list[Sentence],
    *,
    question: Question | None,
    question_text: str | None,
    spoken_seconds: float | None,
) -> ContentAnalysis:
    text = " ".join(s.text for s in sentences)
    words = tokens(text)
    estimated = spoken_seconds is None
    seconds = spoken_seconds if spoken_seconds is not None else len(words) / TYPED_WPM * 60
    ideal = question.ideal_seconds if question else DEFAULT_IDEAL
    expects_star = question.expects_star if question else True
    if question and question.category not in STAR_CATEGORIES and not question.expects_star:
        expects_star = False
    last = sentences[-1] if sentences else None
    return ContentAnalysis(
        question_text=question.text if question else question_text,
        question_id=question.id if question else None,
        expects_star=expects_star,
        word_count=len(words),
        answer_seconds=round(seconds, 1),
        length_estimated=estimated,
        ideal_seconds=ideal,
        length_verdict=_length_verdict(seconds, ideal),
        star=analyse_star(sentences),
        points=coverage(question, sentences) if question else [],
        similarity=round(
            question_similarity(text, question, question_text or "")
            if (question or question_text)
            else 0.0,
            3,
        ),
        results=[s for s in sentences if has_number(s.text)],
        i_count=sum(1 for w in words if w in {"i", "i'm", "i've", "i'd", "me", "my"}),
        we_count=sum(1 for w in words if w in {"we", "we're", "we've", "we'd", "us", "our"}),
        ending=_ending(last),
        last_sentence=last,
    )
