"""Words as the language rules see them: normalised text plus the pauses around them.

Whisper attaches punctuation to words ("so,", "right?"). Punctuation and the silence
between words are the best cues a transcript gives for telling a filler "like" from a
verb "like", so both are kept beside the normalised form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview_prep_backend.pipeline.speech.transcribe import Word

_STRIP = re.compile(r"^[^\w']+|[^\w']+$")
_SENTENCE_END = (".", "?", "!")


@dataclass(frozen=True)
class Token:
    index: int
    norm: str  # lower case, no surrounding punctuation
    word: Word
    comma_after: bool
    sentence_end_after: bool
    question_after: bool
    pause_before: float  # seconds of silence before this word (inf at the start)
    pause_after: float  # seconds of silence after this word (inf at the end)

    @property
    def start(self) -> float:
        return self.word.start

    @property
    def end(self) -> float:
        return self.word.end


def normalise(text: str) -> str:
    return _STRIP.sub("", text.lower().replace("’", "'"))


def tokenize(words: list[Word]) -> list[Token]:
    tokens: list[Token] = []
    for i, word in enumerate(words):
        raw = word.text.strip()
        before = word.start - words[i - 1].end if i > 0 else float("inf")
        after = words[i + 1].start - word.end if i + 1 < len(words) else float("inf")
        tokens.append(
            Token(
                index=i,
                norm=normalise(raw),
                word=word,
                comma_after=raw.endswith((",", ";", ":", "-", "—", "…")),
                sentence_end_after=raw.endswith(_SENTENCE_END),
                question_after=raw.endswith("?"),
                pause_before=max(0.0, before),
                pause_after=max(0.0, after),
            )
        )
    return tokens


def boundary_before(tokens: list[Token], i: int, pause: float) -> bool:
    """True where token i starts a clause: transcript start, punctuation or a pause."""
    if i == 0:
        return True
    prev = tokens[i - 1]
    return prev.comma_after or prev.sentence_end_after or tokens[i].pause_before >= pause


def boundary_after(tokens: list[Token], i: int, pause: float) -> bool:
    """True where token i ends a clause: transcript end, punctuation or a pause."""
    tok = tokens[i]
    return (
        i == len(tokens) - 1
        or tok.comma_after
        or tok.sentence_end_after
        or tok.pause_after >= pause
    )
