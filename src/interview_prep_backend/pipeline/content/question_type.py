"""What kind of question was asked, so an answer is judged by the right yardstick.

Seven types, each with its own expected length and structure (`TYPES`): a behavioural
or situational answer is a story (STAR), a motivation answer is reasons tied to the
role, a closing answer is a good question back, and so on. Bank questions carry their
type; a candidate's own question is classified by the rules below, first match wins,
in the order of `_RULES` (a closing question is never mistaken for a "why" question,
"tell me about a time" wins over "tell me about yourself"'s looser cue).

Lengths follow the interview-coaching literature's common advice: a self-introduction
or a STAR story of one to two minutes, shorter for motivation and strengths, a closing
question in well under a minute; knowledge answers vary most. Checked on the bank's 65
questions and 38 other phrasings written for the test (tests/pipeline/test_question_type.py):
all typed as a person would type them. A question no cue fits is a knowledge question
(judged without STAR), the least harmful default. The embedding model could classify
the rest by meaning; not tried yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class QuestionType(StrEnum):
    SELF_INTRODUCTION = "self_introduction"
    BEHAVIOURAL = "behavioural"
    SITUATIONAL = "situational"
    MOTIVATION = "motivation"
    STRENGTHS_WEAKNESSES = "strengths_weaknesses"
    TECHNICAL = "technical"
    CLOSING = "closing"


@dataclass(frozen=True)
class TypeProfile:
    ideal_seconds: tuple[int, int]
    expects_star: bool
    structure: str  # what a good answer of this type does, for the candidate


TYPES: dict[QuestionType, TypeProfile] = {
    QuestionType.SELF_INTRODUCTION: TypeProfile(
        (45, 120), False, "Present, past, future: who you are now, how you got here, "
        "and why this role is the next step."),
    QuestionType.BEHAVIOURAL: TypeProfile(
        (60, 150), True, "A real story: situation, task, what you did, and the result."),
    QuestionType.SITUATIONAL: TypeProfile(
        (45, 120), True, "Your approach step by step, ideally backed by a time you did it."),
    QuestionType.MOTIVATION: TypeProfile(
        (30, 90), False, "Specific reasons that tie this role or company to your goals."),
    QuestionType.STRENGTHS_WEAKNESSES: TypeProfile(
        (30, 90), False, "Name it, give one example, and (for a weakness) what you do about it."),
    QuestionType.TECHNICAL: TypeProfile(
        (30, 150), False, "A clear explanation or design, its trade-offs, and an example."),
    QuestionType.CLOSING: TypeProfile(
        (10, 60), False, "One or two thoughtful questions about the team or the work."),
}  # fmt: skip

_T = QuestionType
# Cue phrases per type, each a regular expression; a question takes the first type with
# a matching cue.
_CUES: tuple[tuple[QuestionType, tuple[str, ...]], ...] = (
    (_T.CLOSING, (
        r"\b(any|what) questions? (do you have )?(for|about) (us|me|the (team|role|company))",
        r"\bdo you have (any )?questions\b",
        r"\banything (else )?you(?:'d| would) like to ask",
    )),
    (_T.BEHAVIOURAL, (
        r"\b(tell|talk) (me|us) about (a|an|the|one) (time|situation|occasion|moment|mistake|"
        r"project|decision|deal|product|analysis|bug|conflict|challenge|failure)",
        r"\bdescribe (a|an|the) ([\w-]+ ){0,2}(time|situation|occasion|project|decision|trade-off)",
        r"\bgive (me |us )?an example\b",
        r"\bhave you ever\b",
        r"\bshare an? (experience|example)",
        r"\bwhat did you (do|contribute|learn)\b",
        r"\bwalk (me|us) through a (time|project)",
        r"\bmost proud of\b",
        r"\b(hardest|toughest|biggest (challenge|mistake|failure))\b",
    )),
    (_T.SELF_INTRODUCTION, (
        r"\btell (me|us) (a bit |a little )?about yourself\b",
        r"\bintroduce yourself\b",
        r"\bwalk (me|us) through your (resume|cv|background|career)\b",
        r"\bdescribe yourself\b",
    )),
    (_T.STRENGTHS_WEAKNESSES, (
        r"\b(strength|weakness)(es)?\b",
        r"\bwhat would your (manager|colleagues|boss|team(mates)?) say\b",
        r"\bareas? (of|for) (improvement|development|growth)\b",
    )),
    (_T.SITUATIONAL, (
        r"\bwhat (would|will|do) you do\b",
        r"\bhow would you (handle|deal|respond|react|approach|manage|change)\b",
        r"\b(imagine|suppose|what if)\b",
        r"\bif you (were|had|found|saw)\b",
        r"\bhow do you (start|investigate)\b",
    )),
    (_T.MOTIVATION, (
        r"\bwhy (do|would) you want\b",
        r"\bwhy (are|were) you (interested|leaving|applying)",
        r"\bwhy (this|our|us|here)\b",
        r"\bwhat (attracts|interests|motivates|excites|drew) you\b",
        r"\bwhere do you see yourself\b",
        r"\bwhy did you (choose|leave|apply)",
        r"\bwhat are your (career )?goals\b",
        r"\bwhy should we hire you\b",
    )),
)  # fmt: skip
_RULES = tuple((kind, re.compile("|".join(cues), re.IGNORECASE)) for kind, cues in _CUES)


def classify(question: str | None) -> QuestionType:
    """The type of a free question; a knowledge question when no rule fits."""
    text = " ".join((question or "").split())
    for kind, pattern in _RULES:
        if pattern.search(text):
            return kind
    return QuestionType.TECHNICAL
