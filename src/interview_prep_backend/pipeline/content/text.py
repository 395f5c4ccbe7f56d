"""Sentences and word stems, for spoken answers (with times) and typed ones (without).

Stems come from the pack's Snowball stemmer (English: Porter 2), so "led", "leading" and
"leadership" meet their keywords however the candidate phrased them. What makes a word
(`token_pattern`) and which words carry no content (`stopwords`) are the pack's too.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack
from interview_prep_backend.pipeline.speech.transcribe import Word, sentence_groups

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
# A Snowball stemmer keeps its working state on the instance: one object shared by
# threads gave IndexError and silently wrong stems under 8 threads. One per thread and
# language.
_local = threading.local()


def _stemmer(language: str = ENGLISH.stemmer) -> snowballstemmer.stemmer:
    stemmers: dict[str, snowballstemmer.stemmer] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(language)
    return stemmers[language]


@dataclass(frozen=True)
class Sentence:
    text: str
    start: float | None  # seconds; None for typed answers
    end: float | None


@lru_cache(maxsize=8)
def _token_re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def tokens(text: str, pack: LanguagePack = ENGLISH) -> list[str]:
    return _token_re(pack.token_pattern).findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=20_000)
def stem(word: str, language: str = ENGLISH.stemmer) -> str:
    # lru_cache is safe across threads; a miss computes with this thread's own stemmer.
    return _stemmer(language).stemWord(word.split("'")[0])


def content_stems(text: str, pack: LanguagePack = ENGLISH) -> list[str]:
    return [stem(t, pack.stemmer) for t in tokens(text, pack) if t not in pack.stopwords]


def sentences_from_words(words: list[Word]) -> list[Sentence]:
    return [
        Sentence(" ".join(w.text for w in group), group[0].start, group[-1].end)
        for group in sentence_groups(words)
    ]


def sentences_from_text(text: str) -> list[Sentence]:
    parts = [p.strip() for p in _SENTENCE_SPLIT.split(text.strip()) if p.strip()]
    return [Sentence(p, None, None) for p in parts]
