"""Delivery metrics from the timed transcript: pace, pauses, hedges, repetitions.

Pace counts words a listener hears as content (hesitation sounds excluded) over the span
from the first to the last word, so a slow start to the recording does not read as slow
speech. Pauses are gaps between words; leading and trailing silence is reported apart,
since it is the camera's wait, not the speaker's.

Hedges, grammatical doubles and hesitation sounds are the language pack's words.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.speech.fillers import Filler
from interview_prep_backend.pipeline.speech.tokens import Token

WINDOW_S = 10.0
PAUSE_MIN_S = 1.0
# Gaps shorter than this are articulation, not silence, when summing speaking time.
SPEAKING_GAP_S = 0.3


@dataclass(frozen=True)
class Span:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Pause:
    start: float
    end: float
    after_word: str
    before_word: str

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 3)


@dataclass(frozen=True)
class PaceWindow:
    start: float
    end: float
    words: int
    wpm: float


@dataclass(frozen=True)
class Delivery:
    word_count: int  # words without hesitation sounds
    speaking_span_s: float  # first word start to last word end
    speaking_time_s: float
    silence_s: float
    leading_silence_s: float
    trailing_silence_s: float
    wpm: float
    articulation_wpm: float  # words over speaking time only
    pace_windows: list[PaceWindow]
    pauses: list[Pause]  # every gap of at least PAUSE_MIN_S
    hedges: list[Span]
    repetitions: list[Span]


def _content_words(tokens: list[Token], pack: LanguagePack) -> list[Token]:
    return [t for t in tokens if t.norm and t.norm not in pack.fillers.hesitations]


def _speaking_time(tokens: list[Token]) -> float:
    total = 0.0
    run_start = run_end = None
    for tok in tokens:
        if run_end is not None and tok.start - run_end < SPEAKING_GAP_S:
            run_end = max(run_end, tok.end)
            continue
        if run_start is not None and run_end is not None:
            total += run_end - run_start
        run_start, run_end = tok.start, tok.end
    if run_start is not None and run_end is not None:
        total += run_end - run_start
    return total


def _pace_windows(words: list[Token], duration: float) -> list[PaceWindow]:
    windows: list[PaceWindow] = []
    count = max(1, math.ceil(duration / WINDOW_S))
    for k in range(count):
        start, end = k * WINDOW_S, min(duration, (k + 1) * WINDOW_S)
        n = sum(1 for w in words if start <= w.start < end)
        length = end - start
        wpm = n * 60.0 / length if length >= 2.0 else 0.0  # too short a tail to judge
        windows.append(PaceWindow(round(start, 3), round(end, 3), n, round(wpm, 1)))
    return windows


def _pauses(tokens: list[Token]) -> list[Pause]:
    return [
        Pause(a.end, b.start, a.word.text, b.word.text)
        for a, b in itertools.pairwise(tokens)
        if b.start - a.end >= PAUSE_MIN_S
    ]


def _hedges(tokens: list[Token], filler_indices: set[int], pack: LanguagePack) -> list[Span]:
    found: list[Span] = []
    i = 0
    while i < len(tokens):
        for phrase in pack.hedges:
            end = i + len(phrase)
            window = tuple(t.norm for t in tokens[i:end])
            # A "kind of" already counted as a filler is not counted twice.
            if window == phrase and not filler_indices.intersection(range(i, end)):
                text = " ".join(t.word.text for t in tokens[i:end])
                found.append(Span(text, tokens[i].start, tokens[end - 1].end))
                i = end - 1
                break
        i += 1
    return found


def _repetitions(tokens: list[Token], pack: LanguagePack) -> list[Span]:
    """Immediate repeats of one or two words ("I I", "we went we went"), fillers skipped."""
    words = _content_words(tokens, pack)
    found: list[Span] = []
    i = 0
    while i < len(words):
        matched = False
        for size in (2, 1):
            a, b = words[i : i + size], words[i + size : i + 2 * size]
            if len(b) < size or [t.norm for t in a] != [t.norm for t in b]:
                continue
            if size == 1 and a[0].norm in pack.repeat_ok:
                continue
            text = " ".join(t.word.text for t in a + b)
            found.append(Span(text, a[0].start, b[-1].end))
            i += 2 * size
            matched = True
            break
        if not matched:
            i += 1
    return found


def measure_delivery(
    tokens: list[Token], fillers: list[Filler], duration: float, pack: LanguagePack = ENGLISH
) -> Delivery:
    words = _content_words(tokens, pack)
    if not tokens:
        return Delivery(0, 0.0, 0.0, duration, duration, 0.0, 0.0, 0.0, [], [], [], [])
    span = tokens[-1].end - tokens[0].start
    speaking = _speaking_time(tokens)
    filler_indices = {i for f in fillers for i in f.word_indices}
    return Delivery(
        word_count=len(words),
        speaking_span_s=round(span, 3),
        speaking_time_s=round(speaking, 3),
        silence_s=round(max(0.0, duration - speaking), 3),
        leading_silence_s=round(tokens[0].start, 3),
        trailing_silence_s=round(max(0.0, duration - tokens[-1].end), 3),
        wpm=round(len(words) * 60.0 / span, 1) if span > 0 else 0.0,
        articulation_wpm=round(len(words) * 60.0 / speaking, 1) if speaking > 0 else 0.0,
        pace_windows=_pace_windows(words, duration),
        pauses=_pauses(tokens),
        hedges=_hedges(tokens, filler_indices, pack),
        repetitions=_repetitions(tokens, pack),
    )
