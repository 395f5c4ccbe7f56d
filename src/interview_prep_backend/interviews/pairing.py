"""Turn speaker turns into (question, answer) pairs for one candidate.

The candidate is the speaker named by the caller (case-insensitive, a first name is
enough), else a speaker called like one (Candidate, Interviewee, Applicant, Me, You),
else the speaker who said the most words: in a mock interview the candidate talks most.

Each candidate turn after an interviewer's turn is an answer to it. The question is the
interviewer's last sentence ending in "?" (an interviewer often says "Thanks, that's
helpful. Now, tell me ... ?"), or their whole turn when none does. Candidate turns
under MIN_ANSWER_WORDS words ("Sure.", "Can you hear me?") are small talk, not answers,
and an answer with no interviewer turn before it (the candidate speaks first) has no
question.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from interview_prep_backend.errors import AnalysisError, ErrorCode
from interview_prep_backend.interviews.transcript import Turn

MIN_ANSWER_WORDS = 8
CANDIDATE_NAMES = ("candidate", "interviewee", "applicant", "me", "you")
_SENTENCE = re.compile(r"[^.?!]+[.?!]*")


@dataclass(frozen=True)
class Pair:
    question: str
    answer: str
    start: float | None  # when the answer began, when the transcript has times
    end: float | None

    @property
    def seconds(self) -> float | None:
        if self.start is None or self.end is None or self.end <= self.start:
            return None
        return round(self.end - self.start, 2)


def _words(text: str) -> int:
    return len(text.split())


def choose_candidate(turns: list[Turn], name: str | None = None) -> str:
    speakers = Counter[str]()
    for t in turns:
        speakers[t.speaker] += _words(t.text)
    if len(speakers) < 2:
        raise AnalysisError(
            ErrorCode.ONE_SPEAKER,
            "Only one speaker was found; a transcript needs the interviewer and the "
            "candidate, each turn starting with the speaker's name.",
        )
    if name and name.strip():
        wanted = name.strip().casefold()
        for speaker in speakers:
            full = speaker.casefold()
            if full == wanted or full.split()[0] == wanted.split()[0]:
                return speaker
        raise AnalysisError(
            ErrorCode.UNKNOWN_CANDIDATE,
            f"Nobody called {name.strip()!r} speaks in the transcript; "
            f"the speakers are {', '.join(sorted(speakers))}.",
        )
    for speaker in speakers:
        if speaker.casefold() in CANDIDATE_NAMES:
            return speaker
    return speakers.most_common(1)[0][0]


def _question(text: str) -> str:
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    asked = [s for s in sentences if s.endswith("?")]
    return asked[-1] if asked else text.strip()


def pair_answers(turns: list[Turn], candidate: str) -> list[Pair]:
    pairs: list[Pair] = []
    asked: str | None = None
    for turn in turns:
        if turn.speaker != candidate:
            asked = _question(turn.text)
            continue
        if asked is None or _words(turn.text) < MIN_ANSWER_WORDS:
            continue
        pairs.append(Pair(asked, turn.text, turn.start, turn.end))
        asked = None  # a second candidate turn in a row was merged already; this one is used
    if not pairs:
        raise AnalysisError(
            ErrorCode.NO_ANSWERS,
            f"No answer by {candidate} of {MIN_ANSWER_WORDS} words or more follows a question.",
        )
    return pairs
