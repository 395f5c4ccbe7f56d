"""Relevance to the question: talking-point coverage and TF-IDF similarity.

A documented lexical method, chosen over sentence embeddings because it runs in a
millisecond with no model, explains itself (the words that matched are shown), and the
bank's talking points already list the words a strong answer uses; the one small
embedding model shipped on PyPI (all-MiniLM-L6-v2) needs PyTorch, which this product
does not install.

- Coverage: a talking point counts as covered when the answer contains one of its
  keywords (compared as Snowball stems); the sentence with most keyword hits is kept
  as evidence.
- Similarity: cosine between the answer's and the question's TF-IDF vectors (question
  text plus all talking-point keywords), IDF taken over the whole bank, so words every
  question shares ("time", "team") weigh little. The bank's questions in the answer's
  language make the IDF; stems and stopwords are that language pack's.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from interview_prep_backend.pipeline.content.bank import QUESTIONS, Question
from interview_prep_backend.pipeline.content.text import Sentence, content_stems, stem
from interview_prep_backend.pipeline.language import ENGLISH, LanguagePack


@dataclass(frozen=True)
class PointCoverage:
    point: str
    covered: bool
    matched: list[str]
    evidence: Sentence | None


@lru_cache(maxsize=4)
def _idf(pack: LanguagePack) -> dict[str, float]:
    docs = [set(_profile_stems(q, pack)) for q in QUESTIONS if q.language == pack.code]
    df = Counter(s for d in docs for s in d)
    n = len(docs)
    return {s: math.log((1 + n) / (1 + c)) + 1.0 for s, c in df.items()}


def _profile_stems(question: Question, pack: LanguagePack) -> list[str]:
    return content_stems(question.text, pack) + [stem(k, pack.stemmer) for k in question.keywords]


def _vector(stems: list[str], pack: LanguagePack) -> dict[str, float]:
    idf = _idf(pack)
    default = max(idf.values()) if idf else 1.0
    counts = Counter(stems)
    return {s: (1 + math.log(c)) * idf.get(s, default) for s, c in counts.items()}


def cosine(a: list[str], b: list[str], pack: LanguagePack = ENGLISH) -> float:
    va, vb = _vector(a, pack), _vector(b, pack)
    dot = sum(w * vb.get(s, 0.0) for s, w in va.items())
    na = math.sqrt(sum(w * w for w in va.values()))
    nb = math.sqrt(sum(w * w for w in vb.values()))
    return dot / (na * nb) if na and nb else 0.0


def question_similarity(
    answer: str, question: Question | None, question_text: str, pack: LanguagePack = ENGLISH
) -> float:
    profile = _profile_stems(question, pack) if question else content_stems(question_text, pack)
    return cosine(content_stems(answer, pack), profile, pack)


def coverage(
    question: Question, sentences: list[Sentence], pack: LanguagePack = ENGLISH
) -> list[PointCoverage]:
    stems_by_sentence = [set(content_stems(s.text, pack)) for s in sentences]
    answer = set().union(*stems_by_sentence) if stems_by_sentence else set()
    out = []
    for tp in question.talking_points:
        wanted = {stem(k, pack.stemmer): k for k in tp.keywords}
        matched = sorted({wanted[s] for s in wanted if s in answer})
        best = None
        if matched:
            hits = [len(set(wanted) & ss) for ss in stems_by_sentence]
            best = sentences[max(range(len(sentences)), key=lambda i: hits[i])]
        out.append(PointCoverage(tp.point, bool(matched), matched, best))
    return out
