"""Sentences and word stems, for spoken answers (with times) and typed ones (without).

Stems come from the Snowball (Porter 2) English stemmer, so "led", "leading" and
"leadership" meet their keywords however the candidate phrased them.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from interview_prep_backend.pipeline.speech.transcribe import Word, sentence_groups

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
# A Snowball stemmer keeps its working state on the instance: one object shared by
# threads gave IndexError and silently wrong stems under 8 threads. One per thread.
_local = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


STOPWORDS = frozenset(
    """
    a an the and or but if then so of to in on at by for with from as is are was were be
    been being it its this that these those there here i me my we us our you your he she
    they them their his her what which who whom when where why how do did does done have
    has had not no yes just very really also into about over up out can could would should
    will shall may might must um uh er ah hmm like yeah okay oh
    """.split()
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: float | None  # seconds; None for typed answers
    end: float | None


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    # lru_cache is safe across threads; a miss computes with this thread's own stemmer.
    return _stemmer().stemWord(word.split("'")[0])


def content_stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if t not in STOPWORDS]


def sentences_from_words(words: list[Word]) -> list[Sentence]:
    return [
        Sentence(" ".join(w.text for w in group), group[0].start, group[-1].end)
        for group in sentence_groups(words)
    ]


def sentences_from_text(text: str) -> list[Sentence]:
    parts = [p.strip() for p in _SENTENCE_SPLIT.split(text.strip()) if p.strip()]
    return [Sentence(p, None, None) for p in parts]
