"""Fillers, hedges and restarts in a written answer: a pasted transcript has them too.

The speech stage finds them in timed words; a typed or imported answer has none, so its
words are given even times (the typed speaking rate, no pauses) and go through the same
rules. Rules that need a pause ("so" after a silence) then only fire on punctuation,
which a transcript writes where the speaker paused: they find fewer, never invented
ones. The counts are reported per minute of the answer's (estimated or cue-timed)
length, on the speech stage's scale, so the coach judges them by the same thresholds.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.speech.delivery import measure_delivery
from interview_prep_backend.pipeline.speech.fillers import find_fillers
from interview_prep_backend.pipeline.speech.tokens import tokenize
from interview_prep_backend.pipeline.speech.transcribe import Word

SECONDS_PER_WORD = 0.4  # 150 words a minute, the typed speaking rate
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Fluency:
    fillers: int
    by_word: dict[str, int]
    hedges: int
    repetitions: int


def text_fluency(text: str, pack: LanguagePack = ENGLISH) -> Fluency:
    words = [
        Word(w, round(i * SECONDS_PER_WORD, 3), round((i + 1) * SECONDS_PER_WORD, 3), 1.0)
        for i, w in enumerate(_WORD.findall(text))
    ]
    tokens = tokenize(words)
    fillers = find_fillers(tokens, pack)
    delivery = measure_delivery(tokens, fillers, len(words) * SECONDS_PER_WORD, pack)
    return Fluency(
        fillers=len(fillers),
        by_word=dict(Counter(f.text for f in fillers).most_common()),
        hedges=len(delivery.hedges),
        repetitions=len(delivery.repetitions),
    )
