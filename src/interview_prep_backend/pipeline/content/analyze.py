"""The content stage: the answer's words (spoken or typed) against the question.

The answer is read in one language pack: the one passed, else the bank question's
language, else English. Ending and trailing-off cues and the "I"/"we" pronouns are the
pack's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from interview_prep_backend.pipeline.content.bank import Question
from interview_prep_backend.pipeline.content.question_type import TYPES, QuestionType, classify
from interview_prep_backend.pipeline.content.relevance import (
    PointCoverage,
    coverage,
    question_similarity,
)
from interview_prep_backend.pipeline.content.star import StarPart, analyse_star, has_number
from interview_prep_backend.pipeline.content.text import Sentence, tokens
from interview_prep_backend.pipeline.language import LanguagePack, choose_pack

TYPED_WPM = 150.0  # to turn a typed answer's length into speaking time
DEFAULT_IDEAL = (60, 120)  # a behavioural story, when no question was given


@lru_cache(maxsize=8)
def _cues(
    ending: tuple[str, ...], trailing: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(ending cue anywhere in the last sentence, trailing cue at its very end)."""

    def alternatives(phrases: tuple[str, ...]) -> str:
        return "|".join(map(re.escape, phrases))

    return (
        re.compile(rf"\b({alternatives(ending)})\b", re.IGNORECASE),
        re.compile(rf"\b({alternatives(trailing)})\W*$", re.IGNORECASE),
    )


@dataclass
class ContentAnalysis:
    question_text: str | None
    question_id: str | None
    question_type: QuestionType | None
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


def _ending(last: Sentence | None, pack: LanguagePack) -> str:
    if last is None:
        return "neutral"
    ending, trailing = _cues(pack.ending_cues, pack.trailing_cues)
    if trailing.search(last.text.strip()):
        return "trails_off"
    return "clear" if ending.search(last.text) or has_number(last.text, pack) else "neutral"


def analyze_content(
    sentences: list[Sentence],
    *,
    question: Question | None,
    question_text: str | None,
    spoken_seconds: float | None,
    pack: LanguagePack | None = None,
) -> ContentAnalysis:
    pack = pack or choose_pack(question=question.language if question else None)
    text = " ".join(s.text for s in sentences)
    # Hesitation sounds ("um", "uh") are not words of the answer: they never add to its
    # length (a pasted transcript or a typed answer has them too).
    words = [w for w in tokens(text, pack) if w not in pack.fillers.hesitations]
    estimated = spoken_seconds is None
    seconds = spoken_seconds if spoken_seconds is not None else len(words) / TYPED_WPM * 60
    kind = question.type if question else (classify(question_text) if question_text else None)
    if question is not None:
        ideal, expects_star = question.ideal_seconds, question.expects_star
    elif kind is not None:  # the candidate's own question: its type's yardstick
        ideal, expects_star = TYPES[kind].ideal_seconds, TYPES[kind].expects_star
    else:  # no question at all: judged as a story, as the original service did
        ideal, expects_star = DEFAULT_IDEAL, True
    last = sentences[-1] if sentences else None
    return ContentAnalysis(
        question_text=question.text if question else question_text,
        question_id=question.id if question else None,
        question_type=kind,
        expects_star=expects_star,
        word_count=len(words),
        answer_seconds=round(seconds, 1),
        length_estimated=estimated,
        ideal_seconds=ideal,
        length_verdict=_length_verdict(seconds, ideal),
        star=analyse_star(sentences, pack),
        points=coverage(question, sentences, pack) if question else [],
        similarity=round(
            question_similarity(text, question, question_text or "", pack)
            if (question or question_text)
            else 0.0,
            3,
        ),
        results=[s for s in sentences if has_number(s.text, pack)],
        i_count=sum(1 for w in words if w in pack.pronouns.singular),
        we_count=sum(1 for w in words if w in pack.pronouns.plural),
        ending=_ending(last, pack),
        last_sentence=last,
    )
