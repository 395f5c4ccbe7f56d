"""STAR structure (situation, task, action, result) from cue phrases and position.

A lexical method, documented so a candidate can see why: each sentence scores for each
part by the cues it contains (below), plus a small position prior (situations and tasks
come early in a told story, results late). A sentence shows every part whose score
reaches 1.0 ("I automated the tests and we cut release time by 40%" is both action and
result); a part is present when at least one sentence shows it.

- Situation: scene-setting ("at my last job", "we were", "there was", "the team",
  "two years ago", "in 2023", "when I was").
- Task: responsibility or goal ("I was responsible", "my job was", "I had to",
  "the goal was", "I needed to", "tasked with", "the challenge was").
- Action: the speaker doing things ("I built", "I decided", "I set up", "so I", "first I",
  "then I"): first person followed by an action verb.
- Result: outcomes ("as a result", "in the end", "which meant", "we reduced", "increased",
  "saved", numbers with units or %, "I learned").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview_prep_backend.pipeline.content.text import Sentence, stem, tokens

PARTS = ("situation", "task", "action", "result")
PRESENT_AT = 1.0

_PHRASES: dict[str, tuple[str, ...]] = {
    "situation": (
        "at my last", "at my previous", "in my last", "in my previous", "at my current",
        "when i was", "when i worked", "we were", "there was", "there were", "our team",
        "the team was", "the company", "last year", "a few years ago", "at the time",
        "back in", "i was working", "i worked at", "we had a", "the project was",
    ),
    "task": (
        "i was responsible", "my job was", "my role was", "i had to", "i needed to",
        "the goal was", "our goal was", "tasked with", "the challenge was", "i was asked",
        "i was in charge", "we needed to", "we had to", "my task was", "the problem was",
        "i owned", "the aim was", "the objective was",
    ),
    "action": (
        "so i", "first i", "then i", "next i", "i decided", "i started", "i set up",
        "i reached out", "i talked", "i proposed", "i organised", "i organized",
        "i worked with", "i made sure", "i went", "i wrote", "i built", "i created",
        "i scheduled", "i asked",
    ),
    "result": (
        "as a result", "in the end", "which meant", "which led", "that led", "the result",
        "the outcome", "eventually", "by the end", "we ended up", "i learned", "i learnt",
        "the lesson", "since then", "that meant", "we saw", "we managed to", "ended up",
        "we hit", "we met",
    ),
}  # fmt: skip
_ACTION_VERBS = {
    stem(v)
    for v in """
    built created designed implemented automated wrote led organised organized analysed
    analyzed measured proposed negotiated migrated refactored trained coached mentored
    scheduled prioritised prioritized planned presented interviewed tested fixed debugged
    called met emailed escalated reviewed rewrote launched introduced redesigned documented
    researched contacted convinced facilitated delegated set started decided talked asked
    gathered collected ran shipped deployed hired simplified replaced drafted prototyped
    """.split()
}
_RESULT_VERBS = {
    stem(v)
    for v in """
    increased reduced cut saved grew improved doubled halved tripled won launched shipped
    closed delivered decreased dropped raised boosted retained resolved achieved exceeded
    """.split()
}
_NUMBER = re.compile(
    r"\b\d[\d,.]*\s*(%|percent|x\b|times|hours?|days?|weeks?|months?|minutes?|seconds?|ms\b|k\b|"
    r"million|thousand|users|customers|people|dollars|euros|pounds|points)|[$€£]\s?\d",
    re.IGNORECASE,
)
_SPELLED_AMOUNT = re.compile(
    r"\b(twice|half|double|doubled|halved|tripled|(ten|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)\s+(percent|per cent))\b",
    re.IGNORECASE,
)
_FIRST_PERSON = {"i", "we"}
# "two years ago", "last quarter", "in 2023", "during my internship": the story's setting.
_WHEN = re.compile(
    r"\b(\w+ (years?|months?|weeks?) ago|last (year|month|quarter|summer|spring|autumn|fall|"
    r"winter|week)|in (19|20)\d\d|during my \w+|in my (first|second|third) \w+)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StarPart:
    present: bool
    sentences: list[Sentence]


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text) or _SPELLED_AMOUNT.search(text))


def _scores(sentence: Sentence, position: float) -> dict[str, float]:
    low = " " + " ".join(tokens(sentence.text)) + " "
    words = tokens(sentence.text)
    stems = [stem(w) for w in words]
    score = {part: sum(1.0 for p in _PHRASES[part] if f" {p} " in low) for part in PARTS}
    if _WHEN.search(sentence.text):
        score["situation"] += 1.0
    # "I/we" followed within two words by an action verb: someone doing something.
    for i, w in enumerate(words):
        if w in _FIRST_PERSON and any(s in _ACTION_VERBS for s in stems[i + 1 : i + 3]):
            score["action"] += 1.0 if w == "i" else 0.6
            break
    if any(s in _RESULT_VERBS for s in stems):
        score["result"] += 0.6
    if has_number(sentence.text):
        score["result"] += 0.6
    score["situation"] += 0.4 * (1 - position)
    score["task"] += 0.2 * (1 - position)
    score["result"] += 0.4 * position
    return score


def analyse_star(sentences: list[Sentence]) -> dict[str, StarPart]:
    found: dict[str, list[Sentence]] = {part: [] for part in PARTS}
    n = len(sentences)
    for i, sentence in enumerate(sentences):
        position = i / (n - 1) if n > 1 else 0.5
        scores = _scores(sentence, position)
        for part in PARTS:
            if scores[part] >= PRESENT_AT:
                found[part].append(sentence)
    return {part: StarPart(bool(found[part]), found[part]) for part in PARTS}
