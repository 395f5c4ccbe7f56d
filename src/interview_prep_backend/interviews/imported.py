"""Analyse an interview from its transcript: every answer as spoken text.

Each (question, answer) pair is one typed-answer analysis: content and coaching, its
length from the cue times when the transcript has them (a WebVTT from a meeting), else
estimated from its words. At most MAX_ANSWERS answers, so one request stays bounded
(a two-hour interview has about 40).
"""

from __future__ import annotations

from dataclasses import dataclass

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.interviews.pairing import Pair, choose_candidate, pair_answers
from interview_prep_backend.interviews.transcript import parse_transcript
from interview_prep_backend.pipeline.run import Asked, Pipeline
from interview_prep_backend.pipeline.schema import AnalysisResult

MAX_ANSWERS = 60


@dataclass(frozen=True)
class ImportedAnswer:
    pair: Pair
    result: AnalysisResult


def read_interview(text: str, candidate: str | None) -> tuple[str, list[Pair]]:
    """The candidate's name and their answers; raises AnalysisError on a bad transcript."""
    turns = parse_transcript(text)
    who = choose_candidate(turns, candidate)
    pairs = pair_answers(turns, who)
    if len(pairs) > MAX_ANSWERS:
        raise AnalysisError(
            ErrorCode.TOO_MANY_ANSWERS,
            f"The transcript holds {len(pairs)} answers; one import takes at most {MAX_ANSWERS}.",
        )
    return who, pairs


def analyse_answers(pipeline: Pipeline, pairs: list[Pair]) -> list[ImportedAnswer]:
    out = []
    for pair in pairs:
        asked = Asked(pair.question)
        result = pipeline.analyze_text(pair.answer, asked, spoken_seconds=pair.seconds)
        out.append(ImportedAnswer(pair, result))
    return out
