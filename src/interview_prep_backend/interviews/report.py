"""One report over a whole mock interview: its answers judged together.

A single answer carries little signal about a candidate; a whole interview more (the
rated transcripts behind issue 12: AUC 0.85 per interview against far less per answer).
So the report adds what only several answers show:

- `fillers_rising`: fillers per minute in the last third of the answers at least 1.5
  times the first third's, and at least 3 a minute (nerves or fatigue);
- `answers_shortening`: the last third's answers under 60 % of the first third's words;
- `repeated_weakness`: the same improvement in two answers or more.

Needs three answers for the first two (with two, one answer in each "third" is noise).
The best and weakest answers are by overall score; what to practise next is the drill of
the improvement met most often (ties: the one with the larger total shortfall).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import mean

from pydantic import BaseModel, Field

from interview_prep_backend.pipeline import schema as s

RISE = 1.5
MIN_RATE = 3.0
SHORTER = 0.6


class AnswerSummary(BaseModel):
    index: int = Field(ge=0, description="Position in the interview, from 0.")
    question: str | None
    analysis_id: str | None
    answer_type: str
    word_count: int | None
    overall_score: s.Pct | None
    scores: s.Scores | None
    improvements: list[str] = Field(description="Titles of the things to work on.")
    tip: str | None


class Pattern(BaseModel):
    code: str
    message: str
    answers: list[int] = Field(description="Which answers show it (indexes).")


class InterviewReport(BaseModel):
    overall_score: s.Pct | None = Field(description="Mean of the answers' overall scores.")
    answers: list[AnswerSummary]
    best_answer: int | None
    weakest_answer: int | None
    patterns: list[Pattern]
    practise_next: list[str] = Field(description="Drills for what came up most.")


def _summary(i: int, r: s.AnalysisResult) -> AnswerSummary:
    c = r.coaching
    return AnswerSummary(
        index=i,
        question=r.question,
        analysis_id=r.analysis_id,
        answer_type=r.answer_type,
        word_count=r.content.word_count if r.content else None,
        overall_score=c.scores.overall if c else None,
        scores=c.scores if c else None,
        improvements=[x.title for x in c.improvements] if c else [],
        tip=r.coaching_advice.tip if r.coaching_advice else None,
    )


def _thirds(values: list[float]) -> tuple[float, float]:
    k = max(1, len(values) // 3)
    return mean(values[:k]), mean(values[-k:])


def _filler_rates(results: list[s.AnalysisResult]) -> list[float] | None:
    rates = [r.speech_metrics.fillers.per_minute if r.speech_metrics else None for r in results]
    return None if any(x is None for x in rates) else [float(x or 0) for x in rates]


def _patterns(results: list[s.AnalysisResult]) -> list[Pattern]:
    out: list[Pattern] = []
    every = list(range(len(results)))
    rates = _filler_rates(results)
    if rates is not None and len(rates) >= 3:
        first, last = _thirds(rates)
        if last >= MIN_RATE and last >= RISE * first:
            out.append(Pattern(
                code="fillers_rising",
                message=f"Filler words rose from {first:.1f} to {last:.1f} a minute as the "
                "interview went on: keep the pauses silent late in an interview too.",
                answers=every,
            ))  # fmt: skip
    words = [r.content.word_count for r in results if r.content]
    if len(words) == len(results) >= 3:
        first, last = _thirds([float(w) for w in words])
        if first > 0 and last < SHORTER * first:
            out.append(Pattern(
                code="answers_shortening",
                message=f"Answers shortened from about {first:.0f} to {last:.0f} words: the "
                "later questions deserve full stories too.",
                answers=every,
            ))  # fmt: skip
    seen: dict[str, list[int]] = defaultdict(list)
    titles: dict[str, str] = {}
    for i, r in enumerate(results):
        for item in r.coaching.improvements if r.coaching else []:
            seen[item.metric].append(i)
            titles[item.metric] = item.title
    for metric, where in seen.items():
        if len(where) >= 2:
            listed = ", ".join(str(i + 1) for i in where)
            out.append(Pattern(
                code="repeated_weakness",
                message=f"“{titles[metric]}” came up in answers {listed}.",
                answers=where,
            ))  # fmt: skip
    return out


def _practise(results: list[s.AnalysisResult]) -> list[str]:
    count: Counter[str] = Counter()
    shortfall: defaultdict[str, float] = defaultdict(float)
    drills: dict[str, str] = {}
    for r in results:
        for item in r.coaching.improvements if r.coaching else []:
            count[item.metric] += 1
            shortfall[item.metric] += 100 - (item.score or 0)
            if item.drill:
                drills[item.metric] = item.drill
    ranked = sorted(count, key=lambda m: (count[m], shortfall[m]), reverse=True)
    return [drills[m] for m in ranked if m in drills][:2]


def interview_report(results: list[s.AnalysisResult]) -> InterviewReport:
    """The report over the answers so far, in the order they were given."""
    answers = [_summary(i, r) for i, r in enumerate(results)]
    scored = [a for a in answers if a.overall_score is not None]
    best = max(scored, key=lambda a: a.overall_score or 0, default=None)
    weakest = min(scored, key=lambda a: a.overall_score or 0, default=None)
    return InterviewReport(
        overall_score=round(mean(a.overall_score or 0 for a in scored), 1) if scored else None,
        answers=answers,
        best_answer=best.index if best and len(scored) > 1 else None,
        weakest_answer=weakest.index if weakest and len(scored) > 1 else None,
        patterns=_patterns(results),
        practise_next=_practise(results),
    )
